import { decodeModifiedUtf8, latin1Text } from '../classfile/modifiedUtf8';

// The keys of classes' declared fields and methods (`name:descriptor`, `name` + descriptor) as bytes:
// modified UTF-8 (JVM spec §4.4.7), each key ended by a 0 byte, which modified UTF-8 never holds. A parse
// worker copies them from the class files as they are, without making a string of them: they are most of
// the text of a summary, and only the classes whose members are looked up ever need them as strings
// (see decodeMemberKeys).

const END = 0;
const INITIAL_BYTES = 1 << 16;

/** Collects member keys, one after the other, into one growing buffer. */
export class MemberKeysWriter {
  private bytes = new Uint8Array(INITIAL_BYTES);
  private used = 0;

  get length(): number {
    return this.used;
  }

  /** Appends `source[start, end)`: modified UTF-8, as a class file holds it. */
  appendBytes(source: Uint8Array, start: number, end: number): void {
    this.reserve(end - start);
    this.bytes.set(source.subarray(start, end), this.used);
    this.used += end - start;
  }

  /** Appends a string as modified UTF-8: U+0000 and U+0080-U+07FF as two bytes, the rest of the BMP as three. */
  appendText(text: string): void {
    this.reserve(text.length * 3);
    const bytes = this.bytes;
    let at = this.used;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit !== 0 && unit < 0x80) {
        bytes[at++] = unit;
      } else if (unit < 0x800) {
        bytes[at++] = 0xc0 | (unit >> 6);
        bytes[at++] = 0x80 | (unit & 0x3f);
      } else {
        bytes[at++] = 0xe0 | (unit >> 12);
        bytes[at++] = 0x80 | ((unit >> 6) & 0x3f);
        bytes[at++] = 0x80 | (unit & 0x3f);
      }
    }
    this.used = at;
  }

  /** Appends one byte of modified UTF-8 (an ASCII separator). */
  appendByte(byte: number): void {
    this.reserve(1);
    this.bytes[this.used++] = byte;
  }

  /** Ends the key being written. */
  endKey(): void {
    this.appendByte(END);
  }

  /** Drops what was written after `length` (a class that turned out not to parse). */
  truncate(length: number): void {
    this.used = Math.min(this.used, length);
  }

  /** The keys written, in a buffer of their own (transferable to another thread). */
  result(): Uint8Array {
    return this.bytes.slice(0, this.used);
  }

  private reserve(count: number): void {
    if (this.used + count <= this.bytes.length) return;
    const larger = new Uint8Array(Math.max(this.used + count, this.bytes.length * 2));
    larger.set(this.bytes.subarray(0, this.used));
    this.bytes = larger;
  }
}

/** A Buffer over the same memory, for decoding. */
export function memberKeysBuffer(keys: Uint8Array): Buffer {
  return Buffer.isBuffer(keys) ? keys : Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength);
}

/**
 * The keys written in `keys[start, end)`. Damaged bytes never throw: a key that is not modified UTF-8 is
 * left out (a cache file is read long before its keys are).
 */
export function decodeMemberKeys(keys: Buffer, start: number, end: number): string[] {
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (keys[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    // No multi-byte character, so no encoded U+0000 either: every 0 ends a key.
    if (start === end) return [];
    const decoded = latin1Text(keys, start, end).split('\0');
    decoded.pop();
    return decoded;
  }
  const decoded: string[] = [];
  for (let from = start; from < end; ) {
    let to = keys.indexOf(END, from);
    if (to < 0 || to > end) to = end;
    try {
      decoded.push(decodeModifiedUtf8(keys, from, to));
    } catch {
      // Not modified UTF-8: not a key any class declares.
    }
    from = to + 1;
  }
  return decoded;
}
