import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

// Maven with --fail-at-end skips every module that depends on a failed one (its reactor summary says SKIPPED) and
// writes no tree for it; `jarscope tree` prints what Maven writes, so it skips them too.

const cli = join(repoRoot, 'dist', 'cli.js');

function pom(artifactId: string, body: string): string {
  return (
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>` +
    `<groupId>org.up</groupId><artifactId>${artifactId}</artifactId><version>1</version>${body}</project>\n`
  );
}

const dependencyOn = (groupId: string, artifactId: string, version: string): string =>
  `<dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>`;

/** broken needs a range no version meets; needs-broken depends on broken, after-needs on needs-broken; fine on neither. */
function writeReactor(): { project: string; repository: string } {
  const project = tempDir('failed-upstream');
  const repository = tempDir('failed-upstream-repo');
  writeFileSync(join(project, 'pom.xml'), pom('root', '<packaging>pom</packaging><modules><module>fine</module><module>after-needs</module><module>needs-broken</module><module>broken</module></modules>'));
  const modules: Record<string, string> = {
    broken: dependencyOn('org.gone', 'gone', '[1.0,)'),
    'needs-broken': dependencyOn('org.up', 'broken', '1'),
    'after-needs': dependencyOn('org.up', 'needs-broken', '1'),
    fine: '',
  };
  for (const [name, dependencies] of Object.entries(modules)) {
    mkdirSync(join(project, name));
    writeFileSync(join(project, name, 'pom.xml'), pom(name, `<dependencies>${dependencies}</dependencies>`));
  }
  return { project, repository };
}

function tree(project: string, repository: string, ...options: string[]) {
  return spawnSync(process.execPath, [cli, 'tree', project, '--local-repo', repository, ...options], { encoding: 'utf8' });
}

describe('jarscope tree after a module fails', () => {
  const { project, repository } = writeReactor();

  for (const verbose of [false, true]) {
    it(`prints no tree for the modules that depend on it, directly or not${verbose ? ' (--verbose)' : ''}`, () => {
      const result = tree(project, repository, ...(verbose ? ['--verbose'] : []));
      assert.equal(result.status, 1);
      assert.deepEqual(
        result.stdout.split('\n\n').map((block) => block.split('\n')[0]),
        ['org.up:fine:jar:1', 'org.up:root:pom:1'],
      );
      assert.match(result.stderr, /broken[/\\]pom\.xml:\d+:\d+: error: No versions available for org\.gone:gone:jar:\[1\.0,\)/);
      assert.match(result.stderr, /needs-broken[/\\]pom\.xml:1:1: error: Skipped, as Maven skips it: it depends on org\.up:broken:1 \(broken\), which failed/);
      assert.match(result.stderr, /after-needs[/\\]pom\.xml:1:1: error: Skipped, as Maven skips it: it depends on org\.up:needs-broken:1 \(needs-broken\), which failed/);
    });
  }

  it('skips a module selected with --module whose upstream module fails, without printing that module', () => {
    const result = tree(project, repository, '--module', 'after-needs');
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /Skipped, as Maven skips it: it depends on org\.up:needs-broken:1/);
    assert.doesNotMatch(result.stderr, /No versions available/);
  });

  it('prints a module none of whose upstream modules fails', () => {
    const result = tree(project, repository, '--module', 'fine');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'org.up:fine:jar:1\n');
  });
});
