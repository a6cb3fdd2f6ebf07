import type { EncodedParsedEntries } from '../analysis/workers/parsedEntriesCodec';

/** Which jar file version a cache file describes. */
export interface CacheFileHeader {
  format: number;
  path: string;
  size: number;
  mtimeMs: number;
}

/** The header of a classes file: the jar version, the string table of the encoded entries and the lengths of their parts. */
export interface ClassesFileHeader extends CacheFileHeader {
  strings: readonly string[];
  /** Numbers in the Int32Array. */
  dataLength: number;
  /** Bytes of the member keys. */
  memberKeysLength: number;
}

const LENGTH_BYTES = 4;
const INT32_BYTES = 4;

/**
 * A jar's parsed classes as one file: a u32 (little-endian) byte length of the JSON header, the header,
 * zero padding to a multiple of 4 bytes, the Int32Array of the encoded entries (parsedEntriesCodec) as
 * is, then the bytes of their member keys. The numbers are never turned into text and back: writing is
 * one copy, reading one view, where a JSON array of them took longer to write and to parse than the
 * classes took to parse. The array is in the machine's byte order (little-endian on every platform Node
 * runs on): the cache never leaves it.
 */
export function classesFileBytes(header: CacheFileHeader, encoded: EncodedParsedEntries): Buffer {
  const content: ClassesFileHeader = { ...header, strings: encoded.strings, dataLength: encoded.data.length, memberKeysLength: encoded.memberKeys.byteLength };
  const headerBytes = Buffer.from(JSON.stringify(content), 'utf8');
  const dataStart = alignedDataStart(headerBytes.length);
  const keysStart = dataStart + encoded.data.byteLength;
  const file = Buffer.alloc(keysStart + encoded.memberKeys.byteLength);
  file.writeUInt32LE(headerBytes.length, 0);
  headerBytes.copy(file, LENGTH_BYTES);
  Buffer.from(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength).copy(file, dataStart);
  file.set(encoded.memberKeys, keysStart);
  return file;
}

/**
 * The header and encoded entries of a classes file (views over `file`, not copies, where alignment allows).
 * @throws RangeError or SyntaxError on a file of another shape (the caller treats it as absent).
 */
export function readClassesFile(file: Buffer): { header: ClassesFileHeader; encoded: EncodedParsedEntries } {
  if (file.length < LENGTH_BYTES) throw new RangeError('classes file too short');
  const headerLength = file.readUInt32LE(0);
  const dataStart = alignedDataStart(headerLength);
  if (dataStart > file.length) throw new RangeError('classes file of the wrong length');
  const header = JSON.parse(file.toString('utf8', LENGTH_BYTES, LENGTH_BYTES + headerLength)) as ClassesFileHeader;
  if (!Array.isArray(header.strings) || !header.strings.every((value) => typeof value === 'string')) throw new RangeError('classes file without its string table');
  const { dataLength, memberKeysLength } = header;
  const keysStart = dataStart + INT32_BYTES * dataLength;
  if (!Number.isInteger(dataLength) || !Number.isInteger(memberKeysLength) || dataLength < 0 || memberKeysLength < 0 || keysStart + memberKeysLength !== file.length) {
    throw new RangeError('classes file of the wrong length');
  }
  const start = file.byteOffset + dataStart;
  // An Int32Array view needs a 4-byte aligned start; a file read into a pooled buffer may not have one.
  const data = start % INT32_BYTES === 0 ? new Int32Array(file.buffer, start, dataLength) : new Int32Array(file.buffer.slice(start, start + INT32_BYTES * dataLength));
  return { header, encoded: { strings: header.strings, data, memberKeys: file.subarray(keysStart) } };
}

function alignedDataStart(headerLength: number): number {
  return Math.ceil((LENGTH_BYTES + headerLength) / INT32_BYTES) * INT32_BYTES;
}
