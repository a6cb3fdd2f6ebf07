import assert from 'node:assert/strict';
import { rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { LocalRepository } from '../../../src/core/repo/localRepository';
import { fixturePath } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

const root = fixturePath('repo');

describe('LocalRepository layout', () => {
  const repository = new LocalRepository(root);

  it('lays out a pom path as g/with/slashes/a/v/a-v.pom', () => {
    assert.equal(repository.pomPath('org.example', 'lib', '1.0'), join(root, 'org', 'example', 'lib', '1.0', 'lib-1.0.pom'));
  });

  it('lays out artifacts with classifier and extension', () => {
    assert.equal(
      repository.artifactPath({ groupId: 'org.example', artifactId: 'lib', version: '1.0', extension: 'jar' }),
      join(root, 'org/example/lib/1.0/lib-1.0.jar'),
    );
    assert.equal(
      repository.artifactPath({ groupId: 'org.example', artifactId: 'lib', version: '1.0', classifier: 'tests', extension: 'jar' }),
      join(root, 'org/example/lib/1.0/lib-1.0-tests.jar'),
    );
    assert.equal(
      repository.artifactPath({ groupId: 'com.acme.deep.group', artifactId: 'x', version: '2.0-SNAPSHOT', classifier: '', extension: 'war' }),
      join(root, 'com/acme/deep/group/x/2.0-SNAPSHOT/x-2.0-SNAPSHOT.war'),
    );
    assert.equal(
      repository.artifactPath({ groupId: 'g', artifactId: 'x', version: '1', extension: '' }),
      join(root, 'g/x/1/x-1'),
      'no dot without an extension',
    );
  });

  it('puts a timestamped snapshot in its -SNAPSHOT directory under its own name', () => {
    assert.equal(
      repository.artifactPath({ groupId: 'g', artifactId: 'a', version: '1.0-20261122.101500-3', extension: 'jar' }),
      join(root, 'g/a/1.0-SNAPSHOT/a-1.0-20261122.101500-3.jar'),
    );
    assert.equal(repository.pomPath('g', 'a', '1.0-SNAPSHOT'), join(root, 'g/a/1.0-SNAPSHOT/a-1.0-SNAPSHOT.pom'));
    assert.equal(repository.pomPath('g', 'a', '1.0-20261122.1015-3'), join(root, 'g/a/1.0-20261122.1015-3/a-1.0-20261122.1015-3.pom'));
  });

  it('keeps the root as written and gives path.join\'s layout below it, for any coordinates, odd ones and roots included', () => {
    const names = ['a', '', '.', '..', 'x/y', 'x\\y', 'a..b', '.a', 'a.'];
    const groups = ['g', 'org.example', '', '.', 'g..h', '.g', 'g.', 'g/h', 'g.\\h', '..'];
    // Maven prints paths under a root such as /work/./m2 with its `.` segment (see mavenBasedir).
    const under = (base: string, relative: string): string => (base === '' ? relative : base.endsWith('/') ? base + relative : `${base}/${relative}`);
    for (const base of [root, '/', 'relative/repo', '', '.', '../up', '/work/./m2', '/work/../m2']) {
      const layout = new LocalRepository(base);
      for (const groupId of groups) {
        for (const artifactId of names) {
          for (const version of ['1.0', ...names]) {
            const expected = under(base, join(...groupId.split('.'), artifactId, version, `${artifactId}-${version}.pom`));
            assert.equal(layout.pomPath(groupId, artifactId, version), expected, `${base} ${groupId}:${artifactId}:${version}`);
            const jar = under(base, join(...groupId.split('.'), artifactId, version, `${artifactId}-${version}-c.jar`));
            assert.equal(layout.artifactPath({ groupId, artifactId, version, classifier: 'c', extension: 'jar' }), jar);
          }
        }
      }
    }
  });

  it('checks that files exist', () => {
    assert.equal(repository.exists(join(root, 'org/example/lib/1.0/lib-1.0-tests.jar')), true);
    assert.equal(repository.exists(join(root, 'org/example/lib/1.0/lib-1.0-sources.jar')), false);
    assert.equal(repository.exists(join(root, 'org/example/lib/1.0')), false, 'a directory is not an artifact');
  });
});

describe('LocalRepository.readPomText', () => {
  it('reads a pom and undefined for a missing one', () => {
    const repository = new LocalRepository(root);
    assert.match(repository.readPomText('org.example', 'lib', '1.0') ?? '', /<artifactId>lib<\/artifactId>/);
    assert.equal(repository.readPomText('org.example', 'lib', '9.9'), undefined);
    assert.equal(repository.readPomText('org.missing', 'lib', '1.0'), undefined);
    assert.deepEqual(repository.problems, []);
  });

  it('never reads outside its root for coordinates with .. or separators', () => {
    const scratch = tempDir('escape');
    try {
      writeFileSync(join(scratch, 'secret.pom'), '<project/>');
      const repository = new LocalRepository(join(scratch, 'repo'));
      const escaping = 'x/../../../secret';
      // The layout alone would lead outside the root, to a file that exists.
      assert.equal(resolve(repository.pomPath('g', 'a', escaping)), join(scratch, 'secret.pom'));
      assert.equal(repository.readPomText('g', 'a', escaping), undefined);
      assert.equal(repository.readPomText('g', '..', '1'), undefined);
      assert.equal(repository.readPomText('g/..', 'a', '1'), undefined);
      assert.deepEqual(repository.listVersions('..', '..'), []);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('LocalRepository.listVersions', () => {
  it('unions maven-metadata-local.xml and maven-metadata-<repoId>.xml, without duplicates, oldest first', () => {
    const repository = new LocalRepository(root);
    assert.deepEqual(repository.listVersions('org.example', 'lib'), ['1.0', '1.5', '1.10', '2.0-SNAPSHOT', '2.0', '3.0']);
  });

  it('reads only the metadata of the named repositories, plus the local one, when given their ids', () => {
    const repository = new LocalRepository(root);
    assert.deepEqual(repository.listVersions('org.example', 'lib', ['central']), ['1.0', '1.5', '1.10', '2.0-SNAPSHOT', '2.0']);
    assert.deepEqual(repository.listVersions('org.example', 'lib', ['company-mirror']), ['1.0', '1.5', '2.0-SNAPSHOT', '3.0']);
    assert.deepEqual(repository.listVersions('org.example', 'lib', []), ['1.0', '2.0-SNAPSHOT']);
  });

  it('lists nothing without metadata, even when version directories exist', () => {
    const repository = new LocalRepository(root);
    assert.deepEqual(repository.listVersions('org.example', 'nometa'), []);
    assert.deepEqual(repository.listVersions('org.example', 'absent'), []);
  });

  it('skips a malformed metadata file, naming it and the position, and keeps the others', () => {
    const repository = new LocalRepository(root);
    assert.deepEqual(repository.listVersions('org.example', 'broken'), ['3.1']);
    assert.deepEqual(repository.listVersions('org.example', 'broken'), ['3.1']);
    assert.equal(repository.problems.length, 1, 'a broken file is reported once');
    assert.match(repository.problems[0]!, /broken[/\\]maven-metadata-local\.xml:\d+:\d+: malformed metadata/);
  });
});

describe('LocalRepository caching and symlinks', () => {
  const scratch = tempDir('repo');
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('keeps paths under a symlinked root as given, not resolved', () => {
    const link = join(scratch, 'linked-repo');
    symlinkSync(root, link, 'dir');
    const repository = new LocalRepository(link);
    const pom = repository.pomPath('org.example', 'lib', '1.0');
    assert.ok(pom.startsWith(link));
    assert.equal(repository.exists(pom), true);
  });

  it('answers from its cache once a file or listing has been read', () => {
    const versionDir = join(scratch, 'repo', 'g', 'a', '1');
    mkdirSync(versionDir, { recursive: true });
    const repository = new LocalRepository(join(scratch, 'repo'));
    assert.equal(repository.readPomText('g', 'a', '1'), undefined);
    assert.deepEqual(repository.listVersions('g', 'a'), []);
    writeFileSync(join(versionDir, 'a-1.pom'), '<project/>');
    writeFileSync(join(scratch, 'repo', 'g', 'a', 'maven-metadata-local.xml'), '<metadata><versioning><versions><version>1</version></versions></versioning></metadata>');
    assert.equal(repository.readPomText('g', 'a', '1'), undefined);
    assert.deepEqual(repository.listVersions('g', 'a'), []);
    const fresh = new LocalRepository(join(scratch, 'repo'));
    assert.equal(fresh.readPomText('g', 'a', '1'), '<project/>');
    assert.deepEqual(fresh.listVersions('g', 'a'), ['1']);
  });

  it('returns a copy of the version list', () => {
    const repository = new LocalRepository(root);
    repository.listVersions('org.example', 'lib').push('99');
    assert.equal(repository.listVersions('org.example', 'lib').includes('99'), false);
  });
});
