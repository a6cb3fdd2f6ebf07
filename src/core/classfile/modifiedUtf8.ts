import { ClassFormatError } from './classFormatError';

interface Latin1Slicer {
  latin1Slice(start: number, end: number): string;
}

/** `bytes[start, end)` as Latin-1 text: one byte per character, for bytes known to be ASCII. */
export function latin1Text(bytes: Buffer, start: number, end: number): string {
  // latin1Slice skips toString's encoding dispatch, which costs more than decoding a short name.
  return (bytes as unknown as Latin1Slicer).latin1Slice(start, end);
}

/**
 * Decodes a CONSTANT_Utf8 body: "modified UTF-8" (JVM spec §4.4.7) — one to three bytes per UTF-16
 * code unit, NUL as two bytes, supplementary characters as two encoded surrogates, no four-byte forms.
 * Names are almost always ASCII, so that case is one latin1 slice with no per-byte work.
 */
export function decodeModifiedUtf8(bytes: Buffer, start: number, end: number): string {
  let i = start;
  while (i < end && bytes[i]! < 0x80 && bytes[i] !== 0) i++;
  if (i === end) return latin1Text(bytes, start, end);
  const units: number[] = [];
  for (let j = start; j < i; j++) units.push(bytes[j]!);
  while (i < end) {
    const first = bytes[i]!;
    if (first !== 0 && first < 0x80) {
      units.push(first);
      i += 1;
    } else if ((first & 0xe0) === 0xc0 && i + 1 < end && (bytes[i + 1]! & 0xc0) === 0x80) {
      units.push(((first & 0x1f) << 6) | (bytes[i + 1]! & 0x3f));
      i += 2;
    } else if (
      (first & 0xf0) === 0xe0 &&
      i + 2 < end &&
      (bytes[i + 1]! & 0xc0) === 0x80 &&
      (bytes[i + 2]! & 0xc0) === 0x80
    ) {
      units.push(((first & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f));
      i += 3;
    } else {
      throw new ClassFormatError('invalid-utf8', i, `byte 0x${first.toString(16)} cannot start a modified UTF-8 character`);
    }
  }
  let text = '';
  // fromCharCode takes its arguments on the stack: convert in bounded chunks.
  for (let k = 0; k < units.length; k += 4096) text += String.fromCharCode(...units.slice(k, k + 4096));
  return text;
}

/**
 * Throws exactly where decodeModifiedUtf8 would, without making the string: for bytes whose text is not
 * needed but which a class file must still hold valid (JVM spec §4.4.7).
 */
export function checkModifiedUtf8(bytes: Buffer, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    // Every byte before i was a one-byte character, so i starts a character.
    if (byte === 0 || byte >= 0x80) {
      decodeModifiedUtf8(bytes, i, end);
      return;
    }
  }
}
