import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalVersion, compareVersions } from '../../../src/core/version/comparableVersion';

/** Asserts that every version is older than each one after it, in both directions. */
function assertAscending(versions: readonly string[]): void {
  for (let i = 0; i < versions.length; i++) {
    for (let j = i + 1; j < versions.length; j++) {
      const older = versions[i]!;
      const newer = versions[j]!;
      assert.ok(compareVersions(older, newer) < 0, `expected ${older} < ${newer}`);
      assert.ok(compareVersions(newer, older) > 0, `expected ${newer} > ${older}`);
    }
  }
}

function assertSame(versions: readonly string[]): void {
  for (const a of versions) {
    for (const b of versions) assert.equal(compareVersions(a, b), 0, `expected ${a} == ${b}`);
  }
}

describe('compareVersions (Maven 3.8.7 ComparableVersion)', () => {
  // The orderings below are the ones Maven's own ComparableVersionTest documents, each checked
  // against maven-artifact 3.8.7.
  it('orders plain numeric versions by each item', () => {
    assertAscending(['1', '1.1', '1.1.1', '1.2', '1.10', '2', '2.0.1', '10']);
  });

  it('orders qualifiers alpha < beta < milestone < rc < snapshot < release < sp < unknown', () => {
    assertAscending(['1-alpha', '1-beta', '1-milestone', '1-rc', '1-snapshot', '1', '1-sp', '1-abc', '1-foo', '1.1']);
  });

  it('treats the release aliases and trailing zeros as the same version', () => {
    assertSame(['1', '1.0', '1.0.0', '1-0', '1.0-0', '1-ga', '1-GA', '1-final', '1.0.0.RELEASE', '1-release', '1.0-']);
    assertSame(['2.0.0.RELEASE', '2.0.0', '2']);
    assertSame(['1-rc1', '1-cr1', '1.0-RC-1', '1-RC1']);
  });

  it('reads a1, b1, m1 as alpha-1, beta-1, milestone-1 only before a digit', () => {
    assertSame(['1a1', '1-alpha-1', '1.0-alpha1', '1-ALPHA1']);
    assertSame(['1b2', '1-beta-2']);
    assertSame(['1m3', '1-milestone-3']);
    assertAscending(['1-alpha-1', '1-alpha-2', '1-beta-1', '1-milestone-1', '1-rc-1']);
    // A lone letter without a following digit is an unknown qualifier, after sp.
    assertAscending(['1-sp', '1-a', '1-b']);
  });

  it('compares numbers of any size, ignoring leading zeros', () => {
    assertSame(['1.01', '1.1', '1.000001']);
    assertAscending(['1.9', '1.10', '1.123456789', '1.1234567890', '1.123456789012345678', '1.1234567890123456789']);
    assertAscending(['9223372036854775807', '9223372036854775808', '123456789012345678901234567890']);
  });

  it('keeps Maven\'s width quirk: a ten-zero item is a "long" and beats a small "int"', () => {
    assert.ok(compareVersions('1.5', '1.0000000000.1') < 0);
    assertSame(['1.0000000000', '1']);
  });

  it('orders a list item (after "-") below a number item (after ".")', () => {
    assertAscending(['1-1', '1.1']);
    assertAscending(['1-sp', '1-1']);
    assertAscending(['1-SNAPSHOT', '1', '1-1', '1.0.1']);
    assertAscending(['1.0-alpha-1', '1.0-alpha-1.1', '1.0-alpha-2']);
  });

  it('splits items on digit/letter transitions', () => {
    assertSame(['1.0alpha1', '1-alpha-1']);
    assertAscending(['1.0RC1', '1.0RC2', '1.0']);
    assertAscending(['1.0.0.x1', '1.0.0-x2']);
    assertSame(['1.0.0.x1', '1.0.0-x1']);
    assertAscending(['1.0-SNAPSHOT', '1.0', '1.0-sp', '1.0.0-foo', '1.x']);
  });

  it('orders the versions of Maven\'s own test list', () => {
    assertAscending([
      '1-alpha2snapshot',
      '1-alpha2',
      '1-alpha-123',
      '1-beta-2',
      '1-beta123',
      '1-m2',
      '1-m11',
      '1-rc',
      '1-cr2',
      '1-rc123',
      '1-SNAPSHOT',
      '1',
      '1-sp',
      '1-sp2',
      '1-sp123',
      '1-abc',
      '1-def',
      '1-pom-1',
      '1-1-snapshot',
      '1-1',
      '1-2',
      '1-123',
    ]);
    // Since MNG-7644 (3.8.7) a qualifier after '.' is read as after '-', so 2.0.a == 2.0.0.a.
    assertSame(['2.0.a', '2.0.0.a', '2-a']);
    assertAscending(['2.0', '2.0.a', '2.0.2', '2.0.123', '2.1.0', '2.1-a', '2.1b', '2.1-c', '2.1-1', '2.1.0.1', '2.2', '2.123', '11.a2', '11.a11', '11.b2', '11.b11', '11.m2', '11.m11', '11', '11.a', '11b', '11c', '11m']);
  });

  it('ignores case and compares equal strings as 0', () => {
    assertSame(['1.0-SNAPSHOT', '1.0-snapshot', '1-Snapshot']);
    assert.equal(compareVersions('whatever-1', 'whatever-1'), 0);
    assert.equal(compareVersions('', ''), 0);
  });

  it('treats an empty version as the lowest release', () => {
    assertSame(['', '0', '0.0']);
    assertAscending(['0-alpha', '', '0.0.1']);
  });

  it('treats non-ASCII decimal digits as numbers, as Java does', () => {
    // U+0661 ARABIC-INDIC DIGIT ONE, U+FF12 FULLWIDTH DIGIT TWO
    assertSame(['1.\u0661', '1.1']);
    assertSame(['\uff12', '2']);
  });

  it('gives Maven\'s canonical form', () => {
    assert.equal(canonicalVersion('1.0.0-GA'), '1');
    assert.equal(canonicalVersion('1.0.0.x1'), '1-x-1');
    assert.equal(canonicalVersion('1.x'), '1-x');
    assert.equal(canonicalVersion('1-SNAPSHOT'), '1-snapshot');
    assert.equal(canonicalVersion('1.0a1-SNAPSHOT'), '1-alpha-1-snapshot');
    assert.equal(canonicalVersion('2.0.0.RELEASE'), '2');
    assert.equal(canonicalVersion('1.0.1-rc-1'), '1.0.1-rc-1');
  });
});
