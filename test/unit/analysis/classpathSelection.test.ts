import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ClasspathIndexer } from '../../../src/core/analysis/classpathIndexer';
import { ClassParsePool } from '../../../src/core/analysis/workers/classParsePool';
import { JarIndexCache } from '../../../src/core/cache/jarIndexCache';
import { fixturePath } from '../helpers/paths';
import { analyzeFixture, findingsOf } from './analysisTestKit';
import { tempDir } from '../helpers/tempDir';

const multiRelease = fixturePath('archive', 'multi-release.jar');

function indexer(javaRelease: number | undefined): ClasspathIndexer {
  return new ClasspathIndexer({ cache: new JarIndexCache(undefined), pool: new ClassParsePool({ maxWorkers: 0 }), javaRelease });
}

describe('the class a multi-release jar gives the JVM', () => {
  it('is the highest META-INF/versions/N copy with N at most the JDK release, else the base entry', async () => {
    assert.equal((await indexer(17).index(multiRelease)).classes.get('legacy/Legacy')?.name, 'META-INF/versions/17/legacy/Legacy.class');
    assert.equal((await indexer(11).index(multiRelease)).classes.get('legacy/Legacy')?.name, 'legacy/Legacy.class');
    assert.equal((await indexer(undefined).index(multiRelease)).classes.get('legacy/Legacy')?.name, 'legacy/Legacy.class');
  });

  it('never lists module-info, wherever it is', async () => {
    const entry = await indexer(17).index(multiRelease);
    assert.deepEqual([...entry.classes.keys()], ['legacy/Legacy']);
  });
});

describe('scopes of a finding', () => {
  it('lists only the classpaths the problem is on', async () => {
    const project = tempDir('scopes');
    const dependency = (artifactId: string, scope: string) =>
      `<dependency><groupId>dup</groupId><artifactId>${artifactId}</artifactId><version>1.0</version><scope>${scope}</scope></dependency>`;
    writeFileSync(
      join(project, 'pom.xml'),
      `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>s</groupId><artifactId>s</artifactId><version>1.0</version>` +
        `<dependencies>${dependency('left', 'compile')}${dependency('right', 'test')}</dependencies></project>\n`,
    );
    const duplicates = findingsOf(await analyzeFixture(project, fixturePath('analysis', 'repo')), 'duplicate-class');
    assert.equal(duplicates.length, 1);
    assert.deepEqual(duplicates[0]!.scopes, ['test']);
    const runtime = findingsOf(await analyzeFixture(project, fixturePath('analysis', 'repo'), { scopes: ['compile', 'runtime'] }), 'duplicate-class');
    assert.deepEqual(runtime, []);
  });
});
