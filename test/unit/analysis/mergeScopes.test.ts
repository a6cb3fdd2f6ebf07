import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/core/analysis/finding';
import { mergeScopes } from '../../../src/core/analysis/mergeScopes';

function finding(scope: Finding['scopes'][number], classes: readonly string[], start = 10, message = 'm'): Finding {
  return {
    code: 'duplicate-class',
    severity: 'warning',
    module: 'g:a:1',
    scopes: [scope],
    message,
    location: { file: '/ws/pom.xml', range: { start, end: start + 5 }, line: 1, column: start + 1 },
    paths: [],
    jars: ['/r/a.jar', '/r/b.jar'],
    classes: [...classes],
    related: [],
    fixes: [],
  };
}

describe('mergeScopes', () => {
  it('merges a finding found on several classpaths into one that lists them in scope order', () => {
    const merged = mergeScopes([finding('test', ['a.A', 'a.B']), finding('compile', ['a.A', 'a.B']), finding('runtime', ['a.A', 'a.B'])]);
    assert.equal(merged.length, 1);
    assert.deepEqual(merged[0]!.scopes, ['compile', 'runtime', 'test']);
  });

  it('keeps findings apart whose classes differ, even when all else is equal, in the order they came', () => {
    const merged = mergeScopes([
      finding('compile', ['a.A', 'a.B']),
      finding('compile', ['a.A', 'a.C'], 10, 'other'),
      finding('compile', ['a.A', 'a.C']),
      finding('runtime', ['a.A', 'a.B']),
      finding('compile', ['a.A']),
    ]);
    assert.deepEqual(
      merged.map((entry) => [entry.message, entry.classes.join(' '), entry.scopes.join(' ')]),
      [
        ['m', 'a.A a.B', 'compile runtime'],
        ['other', 'a.A a.C', 'compile'],
        ['m', 'a.A a.C', 'compile'],
        ['m', 'a.A', 'compile'],
      ],
    );
  });

  it('sorts by file, then offset, then code', () => {
    const merged = mergeScopes([finding('compile', ['x'], 30), finding('compile', ['y'], 5)]);
    assert.deepEqual(merged.map((entry) => entry.location.range.start), [5, 30]);
  });
});
