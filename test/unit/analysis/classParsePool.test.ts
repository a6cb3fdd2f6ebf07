import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ClassParsePool } from '../../../src/core/analysis/workers/classParsePool';
import type { ParseRequest } from '../../../src/core/analysis/workers/parseEntries';
import { fixturePath } from '../helpers/paths';

const cosJar = fixturePath('incidents', 'hadoop-cos', 'repo', 'org', 'apache', 'hadoop', 'hadoop-cos', '3.3.0', 'hadoop-cos-3.3.0.jar');
const scratch = mkdtempSync(join(tmpdir(), 'jarscope-pool-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// A stand-in worker that answers every batch with one marker entry, so a test sees where a batch went.
const markerWorker = join(scratch, 'markerWorker.js');
writeFileSync(
  markerWorker,
  `const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id }) => parentPort.postMessage({ id, results: [{ entryName: 'parsed-by-worker', error: 'marker' }] }));
`,
);

const smallBatch: ParseRequest = { kind: 'jar', path: cosJar, entryNames: ['org/apache/hadoop/fs/cosn/BufferPool.class'] };

describe('ClassParsePool scheduling', () => {
  it('parses a small batch in-process while no worker runs, and on the workers once they run', async () => {
    const pool = new ClassParsePool({ workerScript: markerWorker, minBatchForWorker: 100 });
    try {
      const before = await pool.parse(smallBatch);
      assert.deepEqual(before.map((item) => item.entryName), ['org/apache/hadoop/fs/cosn/BufferPool.class']);
      assert.ok('summary' in before[0]!, 'parsed in-process: a real summary');
      pool.warmUp();
      const afterWarmUp = await pool.parse(smallBatch);
      assert.deepEqual(afterWarmUp, [{ entryName: 'parsed-by-worker', error: 'marker' }]);
    } finally {
      await pool.close();
    }
  });

  it('sends a batch of at least minBatchForWorker entries to a worker it starts', async () => {
    const pool = new ClassParsePool({ workerScript: markerWorker, minBatchForWorker: 1 });
    try {
      assert.deepEqual(await pool.parse(smallBatch), [{ entryName: 'parsed-by-worker', error: 'marker' }]);
    } finally {
      await pool.close();
    }
  });
});
