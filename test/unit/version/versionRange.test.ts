import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  constraintContains,
  constraintText,
  InvalidVersionSpecError,
  isVersionRange,
  parseVersionConstraint,
  type InvalidVersionSpecReason,
} from '../../../src/core/version/versionRange';

describe('isVersionRange', () => {
  it('is true exactly for specs starting with [ or (', () => {
    assert.equal(isVersionRange('[1.0,2.0)'), true);
    assert.equal(isVersionRange('(,1.0]'), true);
    assert.equal(isVersionRange('1.0'), false);
    assert.equal(isVersionRange('1.0-SNAPSHOT'), false);
    assert.equal(isVersionRange(''), false);
  });
});

describe('parseVersionConstraint', () => {
  it('reads a plain version as a soft version with no ranges', () => {
    assert.deepEqual(parseVersionConstraint('1.0'), { spec: '1.0', recommended: '1.0', ranges: [] });
  });

  const parsed: ReadonlyArray<[string, string]> = [
    ['[1.0]', '[1.0,1.0]'],
    ['[ 1.0 ]', '[1.0,1.0]'],
    ['[1.0,2.0)', '[1.0,2.0)'],
    ['[1.0,2.0]', '[1.0,2.0]'],
    ['(1.0,2.0)', '(1.0,2.0)'],
    ['(,1.0]', '(,1.0]'],
    ['[1.5,)', '[1.5,)'],
    ['[ 1.5 , )', '[1.5,)'],
    ['(,1.0],[1.2,)', '(,1.0] [1.2,)'],
    ['(,1.0] , [1.2,)', '(,1.0] [1.2,)'],
    ['(,1.0)[1.2,)', '(,1.0) [1.2,)'],
    ['[1.0,2.0),', '[1.0,2.0)'],
    ['[1,2],[1.5,3]', '[1,2] [1.5,3]'],
    ['[,]', '[,]'],
  ];
  for (const [spec, expected] of parsed) {
    it(`parses ${spec}`, () => {
      const constraint = parseVersionConstraint(spec);
      assert.equal(constraint.recommended, undefined);
      const text = constraint.ranges
        .map((r) => `${r.lowerInclusive ? '[' : '('}${r.lower ?? ''},${r.upper ?? ''}${r.upperInclusive ? ']' : ')'}`)
        .join(' ');
      assert.equal(text, expected);
    });
  }

  const malformed: ReadonlyArray<[string, InvalidVersionSpecReason]> = [
    ['[1.0', 'unbounded'],
    ['(1.0,', 'unbounded'],
    ['[1.0,2.0),3.0', 'text-after-ranges'],
    ['[1.0,2.0) 3.0', 'text-after-ranges'],
    ['(1.0)', 'single-version-not-inclusive'],
    ['[1.0)', 'single-version-not-inclusive'],
    ['[1,2,3]', 'too-many-bounds'],
    ['[2.0,1.0]', 'lower-above-upper'],
    ['[1.0-SNAPSHOT,1.0-alpha]', 'lower-above-upper'],
  ];
  for (const [spec, reason] of malformed) {
    it(`rejects ${spec} (${reason})`, () => {
      assert.throws(
        () => parseVersionConstraint(spec),
        (error: unknown) => error instanceof InvalidVersionSpecError && error.reason === reason && error.spec === spec && error.message.includes(spec),
      );
    });
  }
});

describe('constraintContains', () => {
  const cases: ReadonlyArray<[string, string, boolean]> = [
    ['[1.0]', '1.0', true],
    ['[1.0]', '1', true],
    ['[1.0]', '1.0.1', false],
    ['[1.0,2.0)', '1.0', true],
    ['[1.0,2.0)', '1.5', true],
    ['[1.0,2.0)', '2.0', false],
    ['[1.0,2.0)', '2.0-SNAPSHOT', true],
    ['[1.0,2.0)', '1.0-SNAPSHOT', false],
    ['(1.0,2.0]', '1.0', false],
    ['(1.0,2.0]', '2.0.0', true],
    ['(,1.0]', '0.1', true],
    ['(,1.0]', '1.0.1', false],
    ['[1.5,)', '99', true],
    ['[1.5,)', '1.4.9', false],
    ['(,1.0],[1.2,)', '1.1', false],
    ['(,1.0],[1.2,)', '1.0', true],
    ['(,1.0],[1.2,)', '1.3', true],
    ['[,]', '0.0.1', true],
  ];
  for (const [spec, version, expected] of cases) {
    it(`${spec} ${expected ? 'contains' : 'does not contain'} ${version}`, () => {
      assert.equal(constraintContains(parseVersionConstraint(spec), version), expected);
    });
  }

  it('matches a soft version only by equal version', () => {
    const soft = parseVersionConstraint('1.0');
    assert.equal(constraintContains(soft, '1.0.0'), true);
    assert.equal(constraintContains(soft, '1.1'), false);
  });
});

describe('constraintText (GenericVersionConstraint.toString, as in UnsolvableVersionConflictException)', () => {
  it('writes both bounds of every range and keeps a soft version as written', () => {
    assert.equal(constraintText('[2.0]'), '[2.0,2.0]');
    assert.equal(constraintText('[1.0,1.1]'), '[1.0,1.1]');
    assert.equal(constraintText('(,1.1]'), '(,1.1]');
    assert.equal(constraintText('[1.1,)'), '[1.1,)');
    assert.equal(constraintText('[1.0,2.0),[3.0,)'), '[1.0,2.0), [3.0,)');
    assert.equal(constraintText('1.0'), '1.0');
  });

  it('leaves a malformed range as written', () => {
    assert.equal(constraintText('[1.0'), '[1.0');
  });
});
