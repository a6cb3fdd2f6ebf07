import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapFewAtATime } from '../../../src/core/async/mapFewAtATime';

describe('mapFewAtATime', () => {
  it('keeps the items order whatever order the calls finish in, with never more than `atOnce` under way', async () => {
    let running = 0;
    let most = 0;
    const results = await mapFewAtATime([50, 10, 30, 0, 20, 40, 5], 3, async (delay) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      running--;
      return delay * 2;
    });
    assert.deepEqual(results, [100, 20, 60, 0, 40, 80, 10]);
    assert.equal(most, 3);
  });

  it('rejects when a call throws, and maps nothing for no items', async () => {
    await assert.rejects(
      mapFewAtATime([1, 2], 2, (item) => (item === 2 ? Promise.reject(new Error('two')) : Promise.resolve(item))),
      /two/,
    );
    assert.deepEqual(await mapFewAtATime([], 4, () => Promise.resolve(1)), []);
  });
});
