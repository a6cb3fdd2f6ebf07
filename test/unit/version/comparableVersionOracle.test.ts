import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { canonicalVersion, compareVersions } from '../../../src/core/version/comparableVersion';

// Debian's Maven 3.8.7 ships maven-artifact here; its ComparableVersion has a main() that prints
// each version's canonical form and how it compares with the next one.
const mavenArtifactJar = '/usr/share/maven/lib/maven-artifact-3.x.jar';
const oracleAvailable = existsSync(mavenArtifactJar) && spawnSync('java', ['-version']).status === 0;

const pieces = ['0', '1', '2', '01', '10', '007', 'alpha', 'Beta', 'a', 'b', 'm', 'rc', 'CR', 'SNAPSHOT', 'ga', 'final',
  'RELEASE', 'sp', 'foo', 'x', 'jre', 'M1', 'RC2', 'a1', 'b2', '1234567890', '0000000000', '99999999999999999999'];
const separators = ['.', '-', ''];

/** Deterministic pseudo-random versions, so a failure can be reproduced. */
function generatedVersions(count: number): string[] {
  let seed = 20261122;
  const next = (bound: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % bound;
  };
  const versions: string[] = [];
  while (versions.length < count) {
    let version = pieces[next(pieces.length)]!;
    for (let parts = next(5); parts > 0; parts--) version += separators[next(separators.length)]! + pieces[next(pieces.length)]!;
    versions.push(version);
  }
  return versions;
}

describe('compareVersions against Maven 3.8.7 itself', () => {
  it('agrees with maven-artifact on generated versions', { skip: !oracleAvailable && 'no Maven 3.8.7 / java here' }, () => {
    const versions = generatedVersions(400);
    const run = spawnSync('java', ['-cp', mavenArtifactJar, 'org.apache.maven.artifact.versioning.ComparableVersion', ...versions], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const comparisons = [...run.stdout.matchAll(/^ {3}(\S+) (<|==|>) (\S+)$/gm)];
    const canonicals = [...run.stdout.matchAll(/^\d+\. (\S+) -> (\S*); tokens/gm)];
    assert.equal(comparisons.length, versions.length - 1);
    assert.equal(canonicals.length, versions.length);
    for (const [, left, operator, right] of comparisons) {
      const order = compareVersions(left!, right!);
      const mine = order < 0 ? '<' : order > 0 ? '>' : '==';
      assert.equal(mine, operator, `${left} ${operator} ${right} in Maven`);
    }
    for (const [, version, canonical] of canonicals) assert.equal(canonicalVersion(version!), canonical, version);
  });
});
