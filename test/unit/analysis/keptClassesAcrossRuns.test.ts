import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeModules, type AnalysisResult, type KeptAnalysisResources } from '../../../src/core/analysis/analyzeModules';
import { openPlatformClasses, type PlatformClasses } from '../../../src/core/analysis/jdkClasses';
import { RepositoryClassIndex } from '../../../src/core/analysis/repositoryClassIndex';
import { ClassParsePool } from '../../../src/core/analysis/workers/classParsePool';
import { JarIndexCache } from '../../../src/core/cache/jarIndexCache';
import { LinkageFactsCache } from '../../../src/core/cache/linkageFactsCache';
import { fixturePath } from '../helpers/paths';
import { analyzeFixture, fixtureSession } from './analysisTestKit';

const repository = fixturePath('incidents', 'hadoop-cos', 'repo');
const project = fixturePath('incidents', 'hadoop-cos', 'project');

/** A platform that counts the classes it is asked whether it defines. */
function countingPlatform(platform: PlatformClasses): { platform: PlatformClasses; asked: () => number } {
  let asked = 0;
  return {
    platform: {
      ...platform,
      has(binaryName) {
        asked++;
        return platform.has(binaryName);
      },
      summary: (binaryName) => platform.summary(binaryName),
      close: () => platform.close(),
    },
    asked: () => asked,
  };
}

describe('classes kept in memory across runs', () => {
  it("a later run works out no element's references to the JDK again, and finds what a fresh run finds", async () => {
    const counting = countingPlatform(await openPlatformClasses(undefined, process.env));
    const cache = new JarIndexCache(undefined);
    const pool = new ClassParsePool({ maxWorkers: 0 });
    // Each run has its own facts cache, so that each derives the linkage facts from the classes.
    const run = async (): Promise<{ result: AnalysisResult; asked: number }> => {
      const kept: KeptAnalysisResources = {
        cache,
        pomStore: undefined,
        pool,
        factsCache: new LinkageFactsCache(undefined),
        platform: () => Promise.resolve(counting.platform),
        repositoryIndex: (localRepository, indexer) => new RepositoryClassIndex(localRepository, indexer),
      };
      const before = counting.asked();
      const session = fixtureSession(project, repository);
      const result = await analyzeModules(session, session.reactor.modules, { env: process.env, kept });
      return { result, asked: counting.asked() - before };
    };
    try {
      const first = await run();
      const later = await run();
      const expected = (await analyzeFixture(project, repository)).modules.map((module) => module.findings);
      assert.deepEqual(first.result.modules.map((module) => module.findings), expected);
      assert.deepEqual(later.result.modules.map((module) => module.findings), expected);
      // The first run asks about every class its classes reference; the later one asks about none of them again.
      assert.ok(later.asked * 2 < first.asked, `the JDK was asked about ${later.asked} classes, the first run ${first.asked}`);
    } finally {
      await pool.close();
      await counting.platform.close();
    }
  });
});
