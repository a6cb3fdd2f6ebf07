import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { analyzeModules, type AnalysisResult, type KeptAnalysisResources } from '../../../src/core/analysis/analyzeModules';
import { openPlatformClasses, type PlatformClasses } from '../../../src/core/analysis/jdkClasses';
import { RepositoryClassIndex } from '../../../src/core/analysis/repositoryClassIndex';
import { ClassParsePool, type ParsedBatch } from '../../../src/core/analysis/workers/classParsePool';
import type { ParseRequest } from '../../../src/core/analysis/workers/parseEntries';
import { JarIndexCache, type CachedJar } from '../../../src/core/cache/jarIndexCache';
import { LinkageFactsCache } from '../../../src/core/cache/linkageFactsCache';
import { fixturePath } from '../helpers/paths';
import { analyzeFixture, findingsOf, fixtureSession } from './analysisTestKit';

const repository = fixturePath('incidents', 'hadoop-cos', 'repo');
const project = fixturePath('incidents', 'hadoop-cos', 'project');
// Where CleanerUtil is: the version of hadoop-common that the classpath does not have.
const providerJar = join(repository, 'org', 'apache', 'hadoop', 'hadoop-common', '3.4.1', 'hadoop-common-3.4.1.jar');
const HELD_AT_MOST_MS = 5000;

/** A cache that tells when a jar is first asked for. */
class WatchingCache extends JarIndexCache {
  constructor(private readonly onGet: (path: string) => void) {
    super(undefined);
  }

  override get(path: string, size: number, mtimeMs: number): Promise<CachedJar | undefined> {
    this.onGet(path);
    return super.get(path, size, mtimeMs);
  }
}

/** An in-process pool that parses one jar only once `release` settles (or after HELD_AT_MOST_MS), and says which came first. */
class HoldingPool extends ClassParsePool {
  readonly outcomes: string[] = [];

  constructor(
    private readonly heldJar: string,
    private readonly release: Promise<void>,
  ) {
    super({ maxWorkers: 0 });
  }

  override async parseBatch(request: ParseRequest, signal?: AbortSignal): Promise<ParsedBatch> {
    if (request.path.endsWith(this.heldJar)) {
      this.outcomes.push(await Promise.race([this.release.then(() => 'released'), delay(HELD_AT_MOST_MS, 'timed out', { ref: false })]));
    }
    return super.parseBatch(request, signal);
  }
}

/** A platform that tells when a JDK class's summary is first asked for. */
function watchingPlatform(platform: PlatformClasses, onSummary: (binaryName: string) => void): PlatformClasses {
  return {
    ...platform,
    has: (binaryName) => platform.has(binaryName),
    summary(binaryName) {
      onSummary(binaryName);
      return platform.summary(binaryName);
    },
    close: () => platform.close(),
  };
}

/** Analyses the hadoop-cos incident with the parse of stream-runtime held until `release` settles. */
async function analyseHoldingOneJar(release: Promise<void>, cache: JarIndexCache, platform: Promise<PlatformClasses>): Promise<{ outcomes: string[]; result: AnalysisResult }> {
  const pool = new HoldingPool('stream-runtime-1.0.jar', release);
  const kept: KeptAnalysisResources = {
    cache,
    pomStore: undefined,
    pool,
    factsCache: new LinkageFactsCache(undefined),
    platform: () => platform,
    repositoryIndex: (localRepository, indexer) => new RepositoryClassIndex(localRepository, indexer),
  };
  const session = fixtureSession(project, repository);
  try {
    const result = await analyzeModules(session, session.reactor.modules, { env: process.env, kept });
    return { outcomes: pool.outcomes, result };
  } finally {
    await pool.close();
    await (await platform).close();
  }
}

describe('what a cold analysis reads while classpath jars are still being parsed', () => {
  it('the missing-class look-ups read the repository jars that explain a missing class', async () => {
    let providerRead!: () => void;
    const release = new Promise<void>((resolve) => (providerRead = resolve));
    const cache = new WatchingCache((path) => {
      if (path === providerJar) providerRead();
    });
    const { outcomes, result } = await analyseHoldingOneJar(release, cache, openPlatformClasses(undefined, process.env));
    // hadoop-cos references CleanerUtil: once its classes are parsed, hadoop-common 3.4.1 is read, before the
    // parse of stream-runtime (held until then) ends.
    assert.deepEqual(outcomes, ['released']);
    const expected = await analyzeFixture(project, repository);
    assert.deepEqual(findingsOf(result, 'missing-class'), findingsOf(expected, 'missing-class'));
    assert.equal(findingsOf(result, 'missing-class').filter((finding) => finding.classes.includes('org.apache.hadoop.util.CleanerUtil')).length, 1);
  });

  it('the JDK classes that classpath classes extend are read', async () => {
    let objectRead!: () => void;
    const release = new Promise<void>((resolve) => (objectRead = resolve));
    // Member resolution walks java.lang.Object last of nearly every hierarchy.
    const platform = openPlatformClasses(undefined, process.env).then((opened) => watchingPlatform(opened, (binaryName) => binaryName === 'java/lang/Object' && objectRead()));
    const { outcomes, result } = await analyseHoldingOneJar(release, new JarIndexCache(undefined), platform);
    assert.deepEqual(outcomes, ['released']);
    const expected = await analyzeFixture(project, repository);
    assert.deepEqual(result.modules.map((module) => module.findings), expected.modules.map((module) => module.findings));
    assert.ok(findingsOf(result, 'missing-class').length > 0);
  });
});
