import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sharedPromise } from '../../../src/core/async/sharedPromise';

describe('sharedPromise', () => {
  it('runs one computation for callers that ask side by side, and keeps its answer', async () => {
    const memo = new Map<string, Promise<number>>();
    let runs = 0;
    const compute = async (): Promise<number> => {
      runs++;
      await new Promise((resolve) => setImmediate(resolve));
      return 42;
    };
    const answers = await Promise.all([sharedPromise(memo, 'k', compute), sharedPromise(memo, 'k', compute), sharedPromise(memo, 'k', compute)]);
    assert.deepEqual(answers, [42, 42, 42]);
    assert.equal(await sharedPromise(memo, 'k', compute), 42);
    assert.equal(runs, 1);
  });

  it('drops a computation that fails, so that the next caller computes again', async () => {
    const memo = new WeakMap<object, Promise<string>>();
    const key = {};
    await assert.rejects(sharedPromise(memo, key, () => Promise.reject(new Error('cancelled'))), /cancelled/);
    assert.equal(memo.has(key), false);
    assert.equal(await sharedPromise(memo, key, () => Promise.resolve('read')), 'read');
  });
});
