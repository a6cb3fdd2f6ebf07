import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ClasspathIndexer } from '../../../src/core/analysis/classpathIndexer';
import { RepositoryClassIndex } from '../../../src/core/analysis/repositoryClassIndex';
import { JarIndexCache } from '../../../src/core/cache/jarIndexCache';
import { LocalRepository } from '../../../src/core/repo/localRepository';
import { fixturePath } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';
import { CountingPool } from './analysisTestKit';

const cosJar = fixturePath('incidents', 'hadoop-cos', 'repo', 'org', 'apache', 'hadoop', 'hadoop-cos', '3.3.0', 'hadoop-cos-3.3.0.jar');
const bufferPool = 'org/apache/hadoop/fs/cosn/BufferPool';

/**
 * A repository laid out as Debian's: version 3.3.0 holds the jar, `debian` links to it; 3.3.1 holds a copy
 * with the same bytes (another file).
 */
function debianStyleRepository(): { root: string; jarOf: (version: string) => string } {
  const root = tempDir('aliases');
  const dir = join(root, 'org', 'apache', 'hadoop', 'hadoop-cos');
  const jarOf = (version: string): string => join(dir, version, `hadoop-cos-${version}.jar`);
  for (const version of ['3.3.0', 'debian', '3.3.1']) mkdirSync(join(dir, version), { recursive: true });
  copyFileSync(cosJar, jarOf('3.3.0'));
  symlinkSync(join('..', '3.3.0', 'hadoop-cos-3.3.0.jar'), jarOf('debian'));
  copyFileSync(cosJar, jarOf('3.3.1'));
  return { root, jarOf };
}

describe('a jar linked under several versions of the local repository', () => {
  it('is read and parsed once by a look-up among its versions, and each version is still a provider', async () => {
    const { root, jarOf } = debianStyleRepository();
    const pool = new CountingPool();
    const indexer = new ClasspathIndexer({ cache: new JarIndexCache(undefined), pool, javaRelease: 17 });
    const index = new RepositoryClassIndex(new LocalRepository(root), indexer);
    const versions = index.versionsOf('org.apache.hadoop', 'hadoop-cos');
    assert.deepEqual(versions.map((artifact) => artifact.version), ['debian', '3.3.0', '3.3.1']);
    const providers = await index.providersOf(bufferPool, [{ groupId: 'org.apache.hadoop', artifactId: 'hadoop-cos' }]);
    assert.deepEqual(providers.map((artifact) => artifact.version), ['debian', '3.3.0', '3.3.1']);

    const [debian, linked, copy] = await Promise.all(versions.map((artifact) => index.entryOf(artifact)));
    assert.ok(debian !== undefined && linked !== undefined && copy !== undefined);
    assert.equal(debian, linked, 'the link and its target share one entry');
    assert.notEqual(copy, linked, 'a copy is another file');
    assert.equal(copy.path, jarOf('3.3.1'));
    await Promise.all([debian, linked, copy].map((entry) => indexer.classesOf(entry)));
    assert.equal(pool.parsed, 2 * 2, 'BufferPool and ByteBufferWrapper parsed for the linked file and for the copy');
  });

  it('reuses the entry of the classpath jar it links to, named by the classpath path', async () => {
    const { root, jarOf } = debianStyleRepository();
    const indexer = new ClasspathIndexer({ cache: new JarIndexCache(undefined), pool: new CountingPool(), javaRelease: 17 });
    const onClasspath = await indexer.index(jarOf('3.3.0'));
    const index = new RepositoryClassIndex(new LocalRepository(root), indexer);
    const [debian] = index.versionsOf('org.apache.hadoop', 'hadoop-cos');
    assert.equal(debian?.version, 'debian');
    assert.equal(await index.entryOf(debian), onClasspath);
    // A classpath element is indexed under its own path, link or not.
    const direct = await indexer.index(jarOf('debian'));
    assert.equal(direct.path, jarOf('debian'));
    assert.deepEqual([...direct.classes.keys()], [...onClasspath.classes.keys()]);
  });
});
