import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { remapRange } from '../../../src/host/resolution/rangeRemap';

describe('remapRange', () => {
  const saved = '<a>\n  <dependency>x</dependency>\n  <dependency>y</dependency>\n</a>';
  const rangeOfY = { start: saved.indexOf('<dependency>y'), end: saved.indexOf('<dependency>y') + '<dependency>y</dependency>'.length };

  it('keeps the range when the text is the same', () => {
    assert.deepEqual(remapRange(saved, saved, rangeOfY), rangeOfY);
  });

  it('follows the element when text before it was added', () => {
    const edited = saved.replace('<a>\n', '<a>\n  <!-- new line -->\n');
    const moved = remapRange(saved, edited, rangeOfY);
    assert.ok(moved);
    assert.equal(edited.slice(moved.start, moved.end), '<dependency>y</dependency>');
  });

  it('picks the occurrence nearest the old offset, and gives up when the element is gone', () => {
    const twice = saved.replace('<dependency>x</dependency>', '<dependency>y</dependency>');
    assert.deepEqual(remapRange(saved, twice, rangeOfY), rangeOfY);
    assert.equal(remapRange(saved, saved.replace('<dependency>y</dependency>', ''), rangeOfY), undefined);
  });
});
