import { ClassFormatError } from './classFormatError';
import { decodeModifiedUtf8 } from './modifiedUtf8';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const INITIAL_SLOTS = 1 << 12;

/**
 * A string table filled from CONSTANT_Utf8 bytes (JVM spec §4.4.7): equal bytes get one id and one
 * string, decoded (and checked) the first time they are seen. A jar's classes share most of their names
 * and descriptors, so most lookups find bytes already decoded.
 */
export class Utf8Interner {
  readonly strings: string[] = [];
  // Bytes seen, by a hash of their bytes: open addressing over ids + 1 (0 is an empty slot). Each byte
  // id's bytes are kept in `arena` (from byteStart, byteLength long) to tell equal bytes from a collision.
  private byteSlots = new Int32Array(INITIAL_SLOTS);
  private byteCount = 0;
  private byteHash = new Int32Array(INITIAL_SLOTS / 2);
  private byteStart = new Int32Array(INITIAL_SLOTS / 2);
  private byteLength = new Int32Array(INITIAL_SLOTS / 2);
  private arena = new Uint8Array(INITIAL_SLOTS * 16);
  private arenaUsed = 0;

  /**
   * The id of the modified UTF-8 text `bytes[start, end)`.
   * @throws ClassFormatError when bytes never seen before are not modified UTF-8.
   */
  intern(bytes: Buffer, start: number, end: number): number {
    // Hashed and compared as bytes: most lookups find bytes already seen, and making a string of them
    // first (to key a Map) costs an allocation and V8's own hash of it on every lookup. The hash is an
    // int32 from the start, as byteHash keeps it (the empty text's hash is the offset itself).
    let hash = FNV_OFFSET | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
    const length = end - start;
    const mask = this.byteSlots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.byteSlots[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.byteHash[id] === hash && this.byteLength[id] === length && this.sameBytes(id, bytes, start, length)) return id;
      slot = (slot + 1) & mask;
    }
    const text = decodeModifiedUtf8(bytes, start, end);
    // Equal bytes must mean equal strings and back: an overlong form decodes to a string whose shortest
    // form other bytes may hold. Such bytes are refused (the caller parses that class another way).
    if (text.length !== length && canonicalLength(text) !== length) {
      throw new ClassFormatError('invalid-utf8', start, 'a character in a longer form than modified UTF-8 writes it');
    }
    const id = this.add(text);
    this.keepBytes(id, hash, bytes, start, length);
    this.byteSlots[slot] = id + 1;
    if (++this.byteCount * 2 > this.byteSlots.length) this.rehashBytes();
    return id;
  }

  private sameBytes(id: number, bytes: Buffer, start: number, length: number): boolean {
    const arena = this.arena;
    const from = this.byteStart[id]!;
    for (let i = 0; i < length; i++) if (arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private keepBytes(id: number, hash: number, bytes: Buffer, start: number, length: number): void {
    if (id >= this.byteHash.length) {
      const size = Math.max(id + 1, this.byteHash.length * 2);
      this.byteHash = grown(this.byteHash, size);
      this.byteStart = grown(this.byteStart, size);
      this.byteLength = grown(this.byteLength, size);
    }
    if (this.arenaUsed + length > this.arena.length) {
      const larger = new Uint8Array(Math.max(this.arenaUsed + length, this.arena.length * 2));
      larger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = larger;
    }
    this.arena.set(bytes.subarray(start, start + length), this.arenaUsed);
    this.byteHash[id] = hash;
    this.byteStart[id] = this.arenaUsed;
    this.byteLength[id] = length;
    this.arenaUsed += length;
  }

  private rehashBytes(): void {
    const slots = new Int32Array(this.byteSlots.length * 2);
    const mask = slots.length - 1;
    for (const entry of this.byteSlots) {
      if (entry === 0) continue;
      let slot = this.byteHash[entry - 1]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.byteSlots = slots;
  }

  /** Adds a string as a new id, without looking for an equal one (entry names, error messages). */
  add(text: string): number {
    this.strings.push(text);
    return this.strings.length - 1;
  }
}

/** The bytes modified UTF-8 writes `text` in: 1 per ASCII character but NUL, 2 up to U+07FF and for NUL, else 3. */
function canonicalLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    length += c !== 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return length;
}

function grown(array: Int32Array, size = array.length * 2): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(size);
  larger.set(array);
  return larger;
}
