import { ClassFormatError } from './classFormatError';
import { decodeModifiedUtf8 } from './modifiedUtf8';

const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const INITIAL_SLOTS = 1 << 12;

/**
 * A string table filled from CONSTANT_Utf8 bytes (JVM spec §4.4.7): equal bytes get one id and one
 * string, decoded the first time they are seen. A jar's classes share most of their names and
 * descriptors, so most lookups find bytes already decoded and create no string at all; decoding every
 * Utf8 of every class and interning the strings in a Map cost more than the rest of parsing. Ids also
 * stand for pairs of ids (a field's `name:descriptor`, a method's `name` + descriptor), interned alike.
 */
export class Utf8Interner {
  readonly strings: string[] = [];
  private slots = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
  private hashes = new Int32Array(INITIAL_SLOTS / 2);
  private starts = new Int32Array(INITIAL_SLOTS / 2);
  private lengths = new Int32Array(INITIAL_SLOTS / 2);
  private arena = new Uint8Array(64 * 1024);
  private arenaUsed = 0;
  // Byte entries are numbered apart from ids (pairs and added strings take ids too): entry -> id.
  private readonly byteIds: number[] = [];
  // Byte ids and pair ids share `strings`; pairs are keyed apart, by (first, second, separator).
  private pairSlots = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
  private pairFirst = new Int32Array(INITIAL_SLOTS / 2);
  private pairSecond = new Int32Array(INITIAL_SLOTS / 2);
  private pairSeparator = new Int32Array(INITIAL_SLOTS / 2);
  private pairId = new Int32Array(INITIAL_SLOTS / 2);
  private pairCount = 0;
  private byteCount = 0;

  /**
   * The id of the modified UTF-8 text `bytes[start, end)`.
   * @throws ClassFormatError when bytes never seen before are not modified UTF-8.
   */
  intern(bytes: Buffer, start: number, end: number): number {
    const length = end - start;
    let hash = FNV_OFFSET ^ length;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id === EMPTY) break;
      if (this.hashes[id] === hash && this.lengths[id] === length && this.sameBytes(id, bytes, start, length)) return this.idOfByteEntry(id);
      slot = (slot + 1) & mask;
    }
    const text = decodeModifiedUtf8(bytes, start, end);
    // Equal bytes must mean equal strings and back: an overlong form decodes to a string whose shortest
    // form other bytes may hold. Such bytes are refused (the caller parses that class another way).
    if (text.length !== length && canonicalLength(text) !== length) {
      throw new ClassFormatError('invalid-utf8', start, 'a character in a longer form than modified UTF-8 writes it');
    }
    const entry = this.byteCount++;
    this.ensureByteCapacity(entry, length);
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.starts[entry] = this.arenaUsed;
    this.lengths[entry] = length;
    this.hashes[entry] = hash;
    this.arenaUsed += length;
    this.slots[slot] = entry;
    this.byteIds.push(this.strings.length);
    this.strings.push(text);
    if (this.byteCount * 2 > this.slots.length) this.rehashBytes();
    return this.strings.length - 1;
  }

  /** The id of `strings[first] + separator + strings[second]`. */
  internPair(first: number, separator: string, second: number): number {
    const separatorCode = separator.length === 0 ? -1 : separator.charCodeAt(0);
    const hash = pairHash(first, second, separatorCode);
    const mask = this.pairSlots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const pair = this.pairSlots[slot]!;
      if (pair === EMPTY) break;
      if (this.pairFirst[pair] === first && this.pairSecond[pair] === second && this.pairSeparator[pair] === separatorCode) return this.pairId[pair]!;
      slot = (slot + 1) & mask;
    }
    const pair = this.pairCount++;
    if (pair >= this.pairFirst.length) {
      this.pairFirst = grown(this.pairFirst);
      this.pairSecond = grown(this.pairSecond);
      this.pairSeparator = grown(this.pairSeparator);
      this.pairId = grown(this.pairId);
    }
    this.pairFirst[pair] = first;
    this.pairSecond[pair] = second;
    this.pairSeparator[pair] = separatorCode;
    this.pairId[pair] = this.strings.length;
    this.pairSlots[slot] = pair;
    this.strings.push(this.strings[first]! + separator + this.strings[second]!);
    if (this.pairCount * 2 > this.pairSlots.length) this.rehashPairs();
    return this.strings.length - 1;
  }

  /** Adds a string as a new id, without looking for an equal one (entry names, error messages). */
  add(text: string): number {
    this.strings.push(text);
    return this.strings.length - 1;
  }

  private idOfByteEntry(entry: number): number {
    return this.byteIds[entry]!;
  }

  private sameBytes(entry: number, bytes: Buffer, start: number, length: number): boolean {
    const arena = this.arena;
    const from = this.starts[entry]!;
    for (let i = 0; i < length; i++) if (arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private ensureByteCapacity(entry: number, length: number): void {
    if (entry >= this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.starts = grown(this.starts);
      this.lengths = grown(this.lengths);
    }
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      arena.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = arena;
    }
  }

  private rehashBytes(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.byteCount; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }

  private rehashPairs(): void {
    const slots = new Int32Array(this.pairSlots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let pair = 0; pair < this.pairCount; pair++) {
      let slot = pairHash(this.pairFirst[pair]!, this.pairSecond[pair]!, this.pairSeparator[pair]!) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = pair;
    }
    this.pairSlots = slots;
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

function pairHash(first: number, second: number, separator: number): number {
  return Math.imul(Math.imul(Math.imul(FNV_OFFSET ^ first, FNV_PRIME) ^ second, FNV_PRIME) ^ separator, FNV_PRIME);
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
