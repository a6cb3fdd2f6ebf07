import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ClasspathIndexer } from '../../../src/core/analysis/classpathIndexer';
import { RepositoryClassIndex, type ArtifactKey } from '../../../src/core/analysis/repositoryClassIndex';
import { ClassParsePool } from '../../../src/core/analysis/workers/classParsePool';
import { JarIndexCache } from '../../../src/core/cache/jarIndexCache';
import { LocalRepository } from '../../../src/core/repo/localRepository';
import { RememberingRepositoryIndex, RepositoryMemory } from '../../../src/host/findings/rememberingRepositoryIndex';
import { repoRoot } from '../helpers/paths';

const repository = new LocalRepository(join(repoRoot, 'examples', 'hadoop-cos-incident', '.m2', 'repository'));

function indexer(): ClasspathIndexer {
  return new ClasspathIndexer({ cache: new JarIndexCache(undefined), pool: new ClassParsePool({ maxWorkers: 0 }), javaRelease: undefined });
}

const classes = [
  'org/apache/hadoop/util/CleanerUtil',
  'org/apache/hadoop/fs/cosn/BufferPool',
  'org/apache/hadoop/conf/Configuration',
  'com/example/stream/Nothing',
  'org/nowhere/Missing',
];
const candidateLists: ArtifactKey[][] = [
  [],
  [{ groupId: 'com.example.stream', artifactId: 'stream-runtime' }],
  [
    { groupId: 'com.example.stream', artifactId: 'stream-runtime' },
    { groupId: 'org.apache.hadoop', artifactId: 'hadoop-cos' },
    { groupId: 'org.apache.hadoop', artifactId: 'hadoop-common' },
    { groupId: 'org.apache.hadoop', artifactId: 'hadoop-common' },
  ],
  // The same artifacts the other way round: providers follow the candidates' order, not the order they were indexed in.
  [
    { groupId: 'org.apache.hadoop', artifactId: 'hadoop-common' },
    { groupId: 'org.apache.hadoop', artifactId: 'hadoop-cos' },
    { groupId: 'com.example.stream', artifactId: 'stream-runtime' },
  ],
];

describe('the repository class index the editor remembers across runs', () => {
  it('gives the answers of the core index, in the same order, for any candidates', async () => {
    const memory = new RepositoryMemory();
    for (let run = 0; run < 2; run++) {
      const remembering = new RememberingRepositoryIndex(repository, indexer(), memory);
      const plain = new RepositoryClassIndex(repository, indexer());
      for (const known of candidateLists) {
        for (const className of classes) {
          assert.deepEqual(await remembering.providersOf(className, known), await plain.providersOf(className, known), `${className} with ${JSON.stringify(known)}`);
        }
      }
    }
    const cleaner = await new RememberingRepositoryIndex(repository, indexer(), memory).providersOf('org/apache/hadoop/util/CleanerUtil', candidateLists[2]!);
    assert.deepEqual(
      cleaner.map((artifact) => artifact.version),
      ['3.4.1'],
    );
  });

  it('answers a run that meets the look-ups of a cancelled run still under way', async () => {
    const memory = new RepositoryMemory();
    const cancelled = new AbortController();
    const first = new RememberingRepositoryIndex(repository, indexer(), memory).providersOf('org/apache/hadoop/util/CleanerUtil', candidateLists[2]!, cancelled.signal);
    cancelled.abort();
    await assert.rejects(first, { name: 'AbortError' });
    const again = new RememberingRepositoryIndex(repository, indexer(), memory);
    const second = again.providersOf('org/apache/hadoop/util/CleanerUtil', candidateLists[2]!, new AbortController().signal);
    assert.deepEqual(
      (await second).map((artifact) => artifact.version),
      ['3.4.1'],
    );
  });

  it('answers a second run from memory, whatever its candidates', async () => {
    const memory = new RepositoryMemory();
    await new RememberingRepositoryIndex(repository, indexer(), memory).providersOf('org/apache/hadoop/util/CleanerUtil', candidateLists[2]!);
    assert.deepEqual(memory.counts, { remembered: 0, other: 1 });
    await new RememberingRepositoryIndex(repository, indexer(), memory).providersOf('org/apache/hadoop/util/CleanerUtil', candidateLists[2]!.slice(1));
    assert.deepEqual(memory.counts, { remembered: 1, other: 1 });
  });
});
