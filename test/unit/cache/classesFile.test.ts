import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEntries } from '../../../src/core/analysis/workers/parseEntries';
import { decodeParsedEntries, encodeParsedEntries } from '../../../src/core/analysis/workers/parsedEntriesCodec';
import { classesFileBytes, readClassesFile } from '../../../src/core/cache/classesFile';
import { fixturePath } from '../helpers/paths';

const cosJar = fixturePath('incidents', 'hadoop-cos', 'repo', 'org', 'apache', 'hadoop', 'hadoop-cos', '3.3.0', 'hadoop-cos-3.3.0.jar');
const header = { format: 1, path: cosJar, size: 10, mtimeMs: 20 };

async function cosEntries() {
  return parseEntries({
    kind: 'jar',
    path: cosJar,
    entryNames: ['org/apache/hadoop/fs/cosn/BufferPool.class', 'no/such/Entry.class', 'org/apache/hadoop/fs/cosn/ByteBufferWrapper.class'],
  });
}

describe('classesFile', () => {
  it('gives back the header and exactly the encoded entries, summaries and errors', async () => {
    const entries = await cosEntries();
    const { header: read, encoded } = readClassesFile(classesFileBytes(header, encodeParsedEntries(entries)));
    assert.deepEqual({ format: read.format, path: read.path, size: read.size, mtimeMs: read.mtimeMs }, header);
    assert.deepEqual(decodeParsedEntries(encoded), entries);
  });

  it('reads a file whose bytes do not start on a 4-byte boundary in memory', async () => {
    const entries = await cosEntries();
    const bytes = classesFileBytes(header, encodeParsedEntries(entries));
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    assert.deepEqual(decodeParsedEntries(readClassesFile(shifted.subarray(1)).encoded), entries);
  });

  it('refuses a damaged file instead of decoding garbage', async () => {
    const bytes = classesFileBytes(header, encodeParsedEntries(await cosEntries()));
    assert.throws(() => readClassesFile(Buffer.from('{"format":')), RangeError);
    assert.throws(() => readClassesFile(bytes.subarray(0, bytes.length - 2)), RangeError);
    assert.throws(() => readClassesFile(bytes.subarray(0, 3)), RangeError);
    const badHeader = Buffer.from(bytes);
    badHeader.write('!', 4);
    assert.throws(() => readClassesFile(badHeader), SyntaxError);
  });
});
