import { ClassFormatError } from './classFormatError';
import { decodeModifiedUtf8 } from './modifiedUtf8';

/** Constant pool tags (JVM spec Table 4.4-B), Java 1.0 through 21+. */
export const ConstantTag = {
  utf8: 1,
  integer: 3,
  float: 4,
  long: 5,
  double: 6,
  class: 7,
  string: 8,
  fieldref: 9,
  methodref: 10,
  interfaceMethodref: 11,
  nameAndType: 12,
  methodHandle: 15,
  methodType: 16,
  dynamic: 17,
  invokeDynamic: 18,
  module: 19,
  package: 20,
} as const;

// Body size in bytes after the tag byte, by tag; 0 marks a tag that does not exist. Utf8 is variable.
const BODY_SIZE = new Uint8Array(21);
for (const tag of [3, 4, 9, 10, 11, 12, 17, 18]) BODY_SIZE[tag] = 4;
for (const tag of [5, 6]) BODY_SIZE[tag] = 8;
for (const tag of [7, 8, 16, 19, 20]) BODY_SIZE[tag] = 2;
BODY_SIZE[15] = 3;

// The tags and offsets of the pool read last: a class file is parsed start to end before the next one,
// and typed arrays of pool size (off-heap above a few dozen entries) cost more to allocate per class than
// indexing the pool does. Grown to the largest pool seen.
let scratchTags = new Uint8Array(1024);
let scratchOffsets = new Int32Array(1024);

/**
 * The constant pool, indexed in one pass (JVM spec §4.4): each entry's tag and the offset of its
 * body, so that entries are decoded only when asked for, and each Utf8 at most once. Valid until the
 * next ConstantPool.read (its index arrays are reused): read a class file to the end before the next.
 */
export class ConstantPool {
  private readonly decoded: (string | undefined)[];

  private constructor(
    private readonly bytes: Buffer,
    readonly count: number,
    readonly tags: Uint8Array,
    private readonly offsets: Int32Array,
  ) {
    this.decoded = new Array<string | undefined>(count);
  }

  /** Reads the pool whose constant_pool_count is at `start`; returns it and the offset after it. */
  static read(bytes: Buffer, start: number): { pool: ConstantPool; end: number } {
    requireBytes(bytes, start, 2);
    const count = bytes.readUInt16BE(start);
    if (scratchTags.length < count) {
      scratchTags = new Uint8Array(count);
      scratchOffsets = new Int32Array(count);
    }
    const tags = scratchTags;
    const offsets = scratchOffsets;
    const length = bytes.length;
    let at = start + 2;
    // The hot loop of parsing: plain byte arithmetic, one bounds check per entry.
    for (let index = 1; index < count; index++) {
      if (at >= length) throw truncated(bytes, at, 1);
      const tag = bytes[at]!;
      let size: number;
      if (tag === ConstantTag.utf8) {
        if (at + 3 > length) throw truncated(bytes, at + 1, 2);
        size = 2 + ((bytes[at + 1]! << 8) | bytes[at + 2]!);
      } else {
        size = tag < BODY_SIZE.length ? BODY_SIZE[tag]! : 0;
        if (size === 0) throw new ClassFormatError('invalid-tag', at, `constant pool entry #${index} has unknown tag ${tag}`);
      }
      if (at + 1 + size > length) throw truncated(bytes, at + 1, size);
      tags[index] = tag;
      offsets[index] = at + 1;
      at += 1 + size;
      // A Long or Double takes two slots (JVM spec §4.4.5); the second is unusable (tag 0).
      if (tag === ConstantTag.long || tag === ConstantTag.double) tags[++index] = 0;
    }
    return { pool: new ConstantPool(bytes, count, tags, offsets), end: at };
  }

  /** Where entry `index`'s body starts, for error messages. */
  bodyOffset(index: number): number {
    return this.offsets[index] ?? 0;
  }

  /** The body offset of entry `index`, after checking that it exists and has tag `tag`. */
  offsetOf(index: number, tag: number, at: number): number {
    if (index <= 0 || index >= this.count || this.tags[index] !== tag) {
      throw new ClassFormatError(
        'invalid-index',
        at,
        `constant pool index ${index} does not name an entry with tag ${tag}`,
      );
    }
    return this.offsets[index]!;
  }

  /** The text of CONSTANT_Utf8 entry `index`. */
  utf8(index: number, at: number): string {
    const known = this.decoded[index];
    if (known !== undefined) return known;
    const start = this.utf8Start(index, at);
    const text = decodeModifiedUtf8(this.bytes, start, utf8End(this.bytes, start));
    this.decoded[index] = text;
    return text;
  }

  /** Where the bytes of CONSTANT_Utf8 entry `index` start (see utf8End), after checking that it is one. */
  utf8Start(index: number, at: number): number {
    return this.offsetOf(index, ConstantTag.utf8, at) + 2;
  }

  /** The u2 at `skip` bytes into entry `index`'s body, which must have tag `tag`. */
  u2(index: number, tag: number, skip: number, at: number): number {
    const body = this.offsetOf(index, tag, at) + skip;
    return (this.bytes[body]! << 8) | this.bytes[body + 1]!;
  }

  /** The name of CONSTANT_Class entry `index`, as written (an array class is a descriptor). */
  className(index: number, at: number): string {
    return this.utf8(this.u2(index, ConstantTag.class, 0, at), at);
  }
}

/** Where the bytes of the CONSTANT_Utf8 entry whose bytes start at `start` end: its u2 length says. */
export function utf8End(bytes: Buffer, start: number): number {
  return start + ((bytes[start - 2]! << 8) | bytes[start - 1]!);
}

/** Throws the 'truncated' error unless `length` bytes exist at `at`. */
export function requireBytes(bytes: Buffer, at: number, length: number): void {
  if (at + length > bytes.length) throw truncated(bytes, at, length);
}

function truncated(bytes: Buffer, at: number, length: number): ClassFormatError {
  return new ClassFormatError('truncated', Math.min(at, bytes.length), `needs ${length} bytes at ${at}, the file has ${bytes.length}`);
}
