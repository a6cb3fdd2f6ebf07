import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { indexJar } from '../../../src/core/archive/openJar';
import { embeddedArtifacts } from '../../../src/core/embedded/embeddedArtifacts';
import { embeddingNote } from '../../../src/core/embedded/embeddingNote';
import { repositoryClassNames } from '../../../src/core/embedded/repositoryClassNames';
import { identifyJar } from '../../../src/core/folders/jarIdentity';
import { LocalRepository } from '../../../src/core/repo/localRepository';
import { analyzeFixture, findingsOf } from '../analysis/analysisTestKit';
import { fixturePath } from '../helpers/paths';

const fatJar = fixturePath('folders', 'workspace', 'lib', 'fat-all-1.0.jar');

describe('embeddedArtifacts', () => {
  it('tells the relocated copy from the unrelocated one with the local repository', async () => {
    const index = await indexJar(fatJar);
    const identity = await identifyJar(index);
    assert.deepEqual(identity.artifact, { groupId: 'com.example', artifactId: 'fat-all', version: '1.0', source: 'pom.properties' });
    const embedded = await embeddedArtifacts(index, identity, repositoryClassNames(new LocalRepository(fixturePath('folders', 'repo'))));
    assert.deepEqual(embedded, [
      { groupId: 'com.jsonlite', artifactId: 'jsonlite', version: '2.0', relocation: { kind: 'relocated', prefix: 'com.example.fat.shaded' }, evidence: 'repository' },
      { groupId: 'org.textutil', artifactId: 'textutil', version: '1.0', relocation: { kind: 'unrelocated' }, evidence: 'repository' },
    ]);
  });

  it('falls back to the groupId package without the artifact in the repository', async () => {
    const index = await indexJar(fatJar);
    const embedded = await embeddedArtifacts(index, await identifyJar(index), () => Promise.resolve(undefined));
    assert.deepEqual(embedded.map((artifact) => [artifact.artifactId, artifact.relocation.kind, artifact.evidence]), [
      ['jsonlite', 'relocated', 'package'],
      ['textutil', 'unrelocated', 'package'],
    ]);
  });

  it('says a relocated artifact is relocated even when the repository jar has no match at a longer name', async () => {
    const index = await indexJar(fatJar);
    const embedded = await embeddedArtifacts(index, await identifyJar(index), (_g, artifactId) => Promise.resolve(artifactId === 'jsonlite' ? ['com/other/Thing'] : undefined));
    assert.deepEqual(embedded[0]!.relocation, { kind: 'relocated' });
  });

  it('finds nothing embedded in a plain jar', async () => {
    const index = await indexJar(fixturePath('folders', 'workspace', 'lib', 'textutil-1.0.jar'));
    assert.deepEqual(await embeddedArtifacts(index, await identifyJar(index)), []);
  });
});

describe('embeddingNote', () => {
  it('names the fat jar that embeds the other jar of a collision unrelocated', async () => {
    const fat = { file: fatJar, index: await indexJar(fatJar) };
    const plain = { file: '/x/textutil-1.0.jar', index: undefined, artifact: { groupId: 'org.textutil', artifactId: 'textutil' } };
    assert.equal(await embeddingNote([plain, fat], ['org/textutil/Strings']), 'fat-all-1.0.jar embeds org.textutil:textutil:1.0 unrelocated');
    assert.equal(await embeddingNote([plain, { file: plain.file, index: undefined }], ['org/textutil/Strings']), undefined);
  });
});

describe('duplicate classes on a module classpath', () => {
  it('name the fat jar that embeds the colliding artifact unrelocated, and never its relocated copy', async () => {
    const result = await analyzeFixture(fixturePath('folders', 'fat-project'), fixturePath('folders', 'repo'), { scopes: ['compile'] });
    const duplicates = findingsOf(result, 'duplicate-class');
    assert.equal(duplicates.length, 1);
    assert.deepEqual(duplicates[0]!.classes, ['org.textutil.Strings']);
    assert.match(duplicates[0]!.message, /fat-all-1\.0\.jar embeds org\.textutil:textutil:1\.0 unrelocated\.$/);
  });
});

describe('embedded artifacts on a module classpath', () => {
  it('are one information finding per fat jar, on the dependency that brings it, relocation decided by the repository', async () => {
    const result = await analyzeFixture(fixturePath('folders', 'fat-project'), fixturePath('folders', 'repo'), { scopes: ['compile', 'runtime'] });
    const embedded = findingsOf(result, 'embedded-artifact');
    assert.equal(embedded.length, 1, 'the scopes are merged into one finding');
    assert.deepEqual(embedded[0]!.scopes, ['compile', 'runtime']);
    assert.equal(embedded[0]!.severity, 'info');
    assert.equal(embedded[0]!.message, 'com.example:fat-all:1.0 embeds 2 artifacts: com.jsonlite:jsonlite:2.0 relocated under com.example.fat.shaded, org.textutil:textutil:1.0 unrelocated.');
    assert.match(readFileSync(embedded[0]!.location.file, 'utf8').slice(embedded[0]!.location.range.start, embedded[0]!.location.range.end), /<artifactId>fat-all<\/artifactId>/);
  });
});
