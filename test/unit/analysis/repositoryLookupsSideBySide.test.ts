import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClasspathIndexer, type IndexedEntry } from '../../../src/core/analysis/classpathIndexer';
import { RepositoryClassIndex, type ArtifactKey } from '../../../src/core/analysis/repositoryClassIndex';
import { JarIndexCache } from '../../../src/core/cache/jarIndexCache';
import { LocalRepository } from '../../../src/core/repo/localRepository';
import { fixturePath } from '../helpers/paths';
import { CountingPool } from './analysisTestKit';

const repository = fixturePath('incidents', 'hadoop-cos', 'repo');
const hadoopCommon: readonly ArtifactKey[] = [{ groupId: 'org.apache.hadoop', artifactId: 'hadoop-common' }];
// Two packages (two candidate lists over the same jars), two classes of one of them.
const classes = ['org/apache/hadoop/util/CleanerUtil', 'org/apache/hadoop/util/StringUtils', 'org/apache/hadoop/conf/Configuration'];

/** An indexer that counts how often each repository jar is asked for. */
class CountingIndexer extends ClasspathIndexer {
  readonly asked = new Map<string, number>();

  constructor() {
    super({ cache: new JarIndexCache(undefined), pool: new CountingPool(), javaRelease: 17 });
  }

  override indexSameFile(path: string, signal?: AbortSignal): Promise<IndexedEntry> {
    this.asked.set(path, (this.asked.get(path) ?? 0) + 1);
    return super.indexSameFile(path, signal);
  }
}

describe('repository look-ups asked side by side', () => {
  it('read each candidate jar once and answer as look-ups made one after another', async () => {
    const sideBySide = new CountingIndexer();
    const index = new RepositoryClassIndex(new LocalRepository(repository), sideBySide);
    const together = await Promise.all(classes.map((className) => index.providersOf(className, hadoopCommon)));
    assert.ok(sideBySide.asked.size >= 2, 'both versions of hadoop-common are candidates');
    for (const [path, times] of sideBySide.asked) assert.equal(times, 1, `${path} asked for once`);

    const oneByOne = new RepositoryClassIndex(new LocalRepository(repository), new CountingIndexer());
    const inTurn = [];
    for (const className of classes) inTurn.push(await oneByOne.providersOf(className, hadoopCommon));
    assert.deepEqual(together, inTurn);
    assert.deepEqual(
      together.map((providers) => providers.map((artifact) => `${artifact.artifactId}:${artifact.version}`)),
      [['hadoop-common:3.4.1'], ['hadoop-common:3.1.4', 'hadoop-common:3.4.1'], ['hadoop-common:3.1.4', 'hadoop-common:3.4.1']],
    );
  });
});
