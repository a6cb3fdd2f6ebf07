import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LatestRequestLoop } from '../../../src/host/findings/latestRequestLoop';

/** A loop whose runs wait until released, recording what happened. */
function recordingLoop() {
  const events: string[] = [];
  const releases: (() => void)[] = [];
  let runs = 0;
  const loop = new LatestRequestLoop<number>({
    settle: () => Promise.resolve(),
    run: (signal) => {
      const run = ++runs;
      events.push(`start ${run}`);
      return new Promise<number>((resolve, reject) => {
        signal.addEventListener('abort', () => {
          const error = new Error('cancelled');
          error.name = 'AbortError';
          reject(error);
        });
        releases.push(() => resolve(run));
      });
    },
    publish: (result) => events.push(`publish ${result}`),
    cancelled: () => events.push('cancelled'),
    failed: (error) => events.push(`failed ${String(error)}`),
    runningChanged: (running) => events.push(running ? 'running' : 'idle'),
  });
  return { loop, events, releases };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the latest-request loop of the background services', () => {
  it('runs once and publishes its result', async () => {
    const { loop, events, releases } = recordingLoop();
    loop.request();
    await tick();
    releases[0]!();
    await loop.working;
    assert.deepEqual(events, ['running', 'start 1', 'publish 1', 'idle']);
    assert.equal(loop.isRunning, false);
  });

  it('cancels the run in progress on a new request and runs once more for a burst of requests', async () => {
    const { loop, events, releases } = recordingLoop();
    loop.request();
    await tick();
    loop.request();
    loop.request();
    loop.request();
    await tick();
    await tick();
    assert.equal(releases.length, 2, events.join(', '));
    releases[1]!();
    await loop.working;
    assert.deepEqual(events, ['running', 'start 1', 'cancelled', 'start 2', 'publish 2', 'idle']);
  });

  it('publishes nothing of a run that finished after a newer request cancelled it', async () => {
    const events: string[] = [];
    const finished: (() => void)[] = [];
    let runs = 0;
    // Runs that ignore their signal: they finish with a result even when cancelled.
    const loop = new LatestRequestLoop<number>({
      settle: () => Promise.resolve(),
      run: () => {
        const run = ++runs;
        return new Promise<number>((resolve) => finished.push(() => resolve(run)));
      },
      publish: (result) => events.push(`publish ${result}`),
      cancelled: () => events.push('cancelled'),
      failed: (error) => events.push(`failed ${String(error)}`),
    });
    loop.request();
    await tick();
    loop.request();
    finished[0]!();
    await tick();
    await tick();
    finished[1]!();
    await loop.working;
    assert.deepEqual(events, ['cancelled', 'publish 2']);
  });

  it('reports a failing run and carries on with the next request', async () => {
    let calls = 0;
    const events: string[] = [];
    const loop = new LatestRequestLoop<number>({
      settle: () => Promise.resolve(),
      run: () => (++calls === 1 ? Promise.reject(new Error('broken pom')) : Promise.resolve(calls)),
      publish: (result) => events.push(`publish ${result}`),
      cancelled: () => events.push('cancelled'),
      failed: (error) => events.push(`failed ${(error as Error).message}`),
    });
    loop.request();
    await loop.working;
    loop.request();
    await loop.working;
    assert.deepEqual(events, ['failed broken pom', 'publish 2']);
  });

  it('runs nothing once disposed', async () => {
    const { loop, events } = recordingLoop();
    loop.dispose();
    loop.request();
    await tick();
    assert.equal(loop.working, undefined);
    assert.deepEqual(events, []);
  });
});
