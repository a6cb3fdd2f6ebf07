import { ClassFormatError } from './classFormatError';
import { decodeModifiedUtf8 } from './modifiedUtf8';

const SEMICOLON = 0x3b;
const OBJECT_TYPE = 0x4c; // 'L'
const ARRAY_TYPE = 0x5b; // '['
// Every other character a field or method descriptor may contain (JVM spec §4.3.2, §4.3.3):
// the base types B C D F I J S Z, V for a void return, and the parentheses of a method descriptor.
const OTHER_DESCRIPTOR_CHARS = new Uint8Array(128);
for (const c of 'BCDFIJSZV()') OTHER_DESCRIPTOR_CHARS[c.charCodeAt(0)] = 1;

function isOtherDescriptorChar(c: number): boolean {
  return c < 128 && OTHER_DESCRIPTOR_CHARS[c] === 1;
}

/**
 * Calls `onClass(from, to)` with the bytes of each class name a field or method descriptor mentions
 * (each `L<binary name>;`, JVM spec §4.3), the descriptor being the modified UTF-8 bytes
 * `bytes[start, end)`. The descriptor's own characters are all ASCII, so a byte outside a class name
 * that is not one of them (a multi-byte character included) makes it malformed, as a character would.
 * `offset` locates the descriptor for the error a malformed one raises.
 */
export function forEachDescriptorClass(bytes: Buffer, start: number, end: number, offset: number, onClass: (from: number, to: number) => void): void {
  let i = start;
  while (i < end) {
    const c = bytes[i]!;
    if (c === OBJECT_TYPE) {
      let close = i + 1;
      while (close < end && bytes[close] !== SEMICOLON) close++;
      if (close === end || close === i + 1) throw invalidDescriptor(bytes, start, end, offset);
      onClass(i + 1, close);
      i = close + 1;
    } else if (c === ARRAY_TYPE || isOtherDescriptorChar(c)) {
      i++;
    } else {
      throw invalidDescriptor(bytes, start, end, offset);
    }
  }
}

/**
 * Where the class a CONSTANT_Class name (`bytes[start, end)`) denotes for linking starts: `start` for
 * the name itself, or for an array class (written as a descriptor, `[[Lorg/a/B;`, JVM spec §4.4.1) the
 * start of its element class, which then ends one byte before `end`; -1 for an array of a base type,
 * which needs no class.
 */
export function elementClassStart(bytes: Buffer, start: number, end: number, offset: number): number {
  if (start === end || bytes[start] !== ARRAY_TYPE) return start;
  let i = start + 1;
  while (i < end && bytes[i] === ARRAY_TYPE) i++;
  if (i === end || bytes[i] !== OBJECT_TYPE) {
    if (i === end - 1 && isOtherDescriptorChar(bytes[i]!)) return -1;
    throw invalidDescriptor(bytes, start, end, offset);
  }
  if (bytes[end - 1] !== SEMICOLON || end - start < i - start + 3) throw invalidDescriptor(bytes, start, end, offset);
  return i + 1;
}

function invalidDescriptor(bytes: Buffer, start: number, end: number, offset: number): ClassFormatError {
  return new ClassFormatError('invalid-descriptor', offset, `malformed descriptor ${JSON.stringify(decodeModifiedUtf8(bytes, start, end))}`);
}
