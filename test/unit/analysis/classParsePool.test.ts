import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ParsedEntry } from '../../../src/core/analysis/classSummary';
import { ClassParsePool } from '../../../src/core/analysis/workers/classParsePool';
import { parseEntries, type ParseRequest } from '../../../src/core/analysis/workers/parseEntries';
import { decodeParsedEntries, encodeParsedEntries } from '../../../src/core/analysis/workers/parsedEntriesCodec';
import { fixturePath } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

const cosJar = fixturePath('incidents', 'hadoop-cos', 'repo', 'org', 'apache', 'hadoop', 'hadoop-cos', '3.3.0', 'hadoop-cos-3.3.0.jar');
const scratch = tempDir('pool');
after(() => rmSync(scratch, { recursive: true, force: true }));

// A stand-in worker that answers every batch with one marker entry, so a test sees where a batch went.
const markerWorker = join(scratch, 'markerWorker.js');
writeFileSync(
  markerWorker,
  `const { parentPort } = require('node:worker_threads');
// The reply is encoded as parsedEntriesCodec lays it out: entry name, ERROR (1), error message.
parentPort.on('message', ({ id }) => parentPort.postMessage({ id, encoded: { strings: ['parsed-by-worker', 'marker'], data: Int32Array.from([0, 1, 1]), memberKeys: new Uint8Array(0) } }));
`,
);

// A stand-in worker that holds the batches it gets and answers the newest first once it holds two (or one
// after a pause): each answer names its batch's first entry and how many batches the worker held.
const holdingWorker = join(scratch, 'holdingWorker.js');
writeFileSync(
  holdingWorker,
  `const { parentPort } = require('node:worker_threads');
const held = [];
const answer = () => {
  const count = held.length;
  for (const { id, request } of held.splice(0).reverse()) {
    parentPort.postMessage({ id, encoded: { strings: [request.entryNames[0], 'held ' + count], data: Int32Array.from([0, 1, 1]), memberKeys: new Uint8Array(0) } });
  }
};
let timer;
parentPort.on('message', (message) => {
  held.push(message);
  clearTimeout(timer);
  if (held.length >= 2) answer();
  else timer = setTimeout(answer, 50);
});
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

describe('ClassParsePool with one worker', () => {
  it('gives the worker its next batch before it answers the last one, and matches every answer to its batch', async () => {
    const pool = new ClassParsePool({ workerScript: holdingWorker, maxWorkers: 1, minBatchForWorker: 1 });
    try {
      const names = ['A.class', 'B.class', 'C.class', 'D.class', 'E.class'];
      const answers = await Promise.all(names.map((name) => pool.parse({ kind: 'jar', path: cosJar, entryNames: [name] })));
      assert.deepEqual(
        answers.map((entries) => entries.map((entry) => entry.entryName)),
        names.map((name) => [name]),
      );
      const held = answers.map((entries) => ('error' in entries[0]! ? entries[0].error : ''));
      assert.ok(held.includes('held 2'), `the worker held two batches at once: ${held.join(', ')}`);
      assert.ok(held.every((text) => text === 'held 1' || text === 'held 2'), `never more than two: ${held.join(', ')}`);
    } finally {
      await pool.close();
    }
  });
});

describe('parsedEntriesCodec', () => {
  it('gives back exactly the parsed entries of a real jar, summaries and errors, in order', async () => {
    const request: ParseRequest = {
      kind: 'jar',
      path: cosJar,
      entryNames: ['org/apache/hadoop/fs/cosn/BufferPool.class', 'no/such/Entry.class', 'org/apache/hadoop/fs/cosn/ByteBufferWrapper.class'],
    };
    const parsed = await parseEntries(request);
    assert.equal(parsed.filter((entry) => 'summary' in entry).length, 2);
    const encoded = encodeParsedEntries(parsed);
    assert.ok(encoded.data instanceof Int32Array);
    assert.deepEqual(decodeParsedEntries(encoded), parsed);
  });

  it('keeps a class without a superclass, with member references of every kind', () => {
    const entries: ParsedEntry[] = [
      {
        entryName: 'java/lang/Object.class',
        summary: {
          name: 'java/lang/Object',
          superClass: undefined,
          interfaces: ['a/I'],
          fields: ['f:I'],
          methods: ['m()V'],
          referencedClasses: ['a/B'],
          memberReferences: [
            { kind: 'field', owner: 'a/B', name: 'x', descriptor: 'I' },
            { kind: 'method', owner: 'a/B', name: 'y', descriptor: '()V' },
            { kind: 'interfaceMethod', owner: 'a/I', name: 'z', descriptor: '()La/B;' },
          ],
        },
      },
      { entryName: 'bad.class', error: 'bad.class: magic is 0x00000000, not 0xcafebabe' },
    ];
    assert.deepEqual(decodeParsedEntries(encodeParsedEntries(entries)), entries);
  });

  it('refuses a damaged encoding with a RangeError instead of inventing entries', () => {
    assert.throws(() => decodeParsedEntries({ strings: ['only'], data: Int32Array.from([0, 0, 7]), memberKeys: new Uint8Array(0) }), RangeError);
    // Entry name, SUMMARY, class name, no superclass, no interface, then member keys past the 4 bytes there are.
    const keysPastTheEnd = { strings: ['A.class', 'A'], data: Int32Array.from([0, 0, 1, -1, 0, 0, 2, 9, 0, 0]), memberKeys: Uint8Array.from([0x61, 0, 0x62, 0]) };
    assert.throws(() => decodeParsedEntries(keysPastTheEnd), RangeError);
  });

  it('gives summaries whose fields and methods survive a spread copy and a structured clone', () => {
    const summary = { name: 'a/A', superClass: 'a/S', interfaces: [], fields: ['size:I'], methods: ['<init>()V', 'run(Ljava/lang/String;)V'], referencedClasses: [], memberReferences: [] };
    const [decoded] = decodeParsedEntries(encodeParsedEntries([{ entryName: 'a/A.class', summary }]));
    assert.ok(decoded !== undefined && 'summary' in decoded);
    assert.deepEqual({ ...decoded.summary }, summary);
    assert.deepEqual(structuredClone(decoded.summary), summary);
  });
});
