import { ConstantPool, ConstantTag, requireBytes, utf8End } from '../../classfile/constantPool';
import { ClassFormatError } from '../../classfile/classFormatError';
import { elementClassStart, forEachDescriptorClass } from '../../classfile/descriptors';
import { skipAttributes } from '../../classfile/parseClassFile';
import { checkModifiedUtf8 } from '../../classfile/modifiedUtf8';
import { Utf8Interner } from '../../classfile/utf8Interner';
import { appendSummary } from '../../cache/classSummaryCodec';
import { MemberKeysWriter } from '../../cache/memberKeys';
import { externalReferences, PLATFORM_ONLY_PACKAGE, summarizeClass } from '../classSummary';
import { parseClassFile } from '../../classfile/parseClassFile';

const CLASS_FILE_MAGIC = 0xcafebabe;
// classSummaryCodec's member kinds, by constant pool tag.
const MEMBER_KIND_CODE: Readonly<Record<number, number>> = { [ConstantTag.fieldref]: 0, [ConstantTag.methodref]: 1, [ConstantTag.interfaceMethodref]: 2 };
const ARRAY_TYPE = 0x5b; // '['
const COLON = 0x3a; // between a field's name and descriptor (fieldKey)
const UNKNOWN = -1;
const IS_OWN = 1;
const IS_PLATFORM_ONLY = 2;

/**
 * Encodes class files straight into the classSummaryCodec layout over one string table for a batch:
 * exactly what `appendSummary(externalReferences(summarizeClass(parseClassFile(bytes)), own))` gives, but
 * reading names, descriptors and the classes inside them from the bytes and creating a string only for
 * bytes the batch has not seen (see Utf8Interner), with no ClassInfo or summary objects in between. It
 * checks what parseClassFile checks (JVM spec §4.1-4.7: the pool's structure, every index it follows,
 * the modified UTF-8 of every Utf8 it reads, descriptors, attribute lengths); a class file that fails a
 * check is parsed again by parseClassFile, so that its error is word for word parseClassFile's.
 */
export class ClassSummaryEncoder {
  readonly interner = new Utf8Interner();
  readonly out: number[] = [];
  readonly memberKeys = new MemberKeysWriter();
  // Per string id: UNKNOWN, or the IS_OWN and IS_PLATFORM_ONLY bits of the name.
  private nameKinds = new Int8Array(1024).fill(UNKNOWN);
  // Per string id: the class last counted as referenced (a stamp), for one walk's set of referenced classes.
  private referencedIn = new Int32Array(1024);
  private stamp = 0;
  // Per pool index of the class being encoded: the string id of a Utf8 (UNKNOWN until read), and whether
  // a descriptor's classes are counted.
  private utf8Ids = new Int32Array(1024);
  private scanned = new Uint8Array(1024);
  private bytes: Buffer = Buffer.alloc(0);
  private pool: ConstantPool | undefined;
  private referenced: number[] = [];
  private readonly addReferenced = (from: number, to: number): void => this.reference(this.interner.intern(this.bytes, from, to));

  /** `own`: binary names of the classes of the element, whose references are dropped; undefined keeps all. */
  constructor(private readonly own: ReadonlySet<string> | undefined) {}

  /**
   * Appends the encoded summary of a class file to `out`.
   * @throws ClassFormatError as parseClassFile does when the bytes break the format (`out` unchanged).
   */
  append(input: Uint8Array): void {
    const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const mark = this.out.length;
    const keysMark = this.memberKeys.length;
    try {
      this.encode(bytes);
    } catch {
      this.out.length = mark;
      this.memberKeys.truncate(keysMark);
      // The error parseClassFile gives, word for word; and should it accept the bytes after all, its summary.
      const summary = summarizeClass(parseClassFile(bytes));
      const kept = this.own === undefined ? summary : externalReferences(summary, this.own);
      appendSummary(kept, { index: (text) => this.interner.add(text) }, this.out, this.memberKeys);
    } finally {
      this.pool = undefined;
    }
  }

  private encode(bytes: Buffer): void {
    requireBytes(bytes, 0, 8);
    if (bytes.readUInt32BE(0) !== CLASS_FILE_MAGIC) throw new ClassFormatError('bad-magic', 0, 'not a class file');
    const { pool, end } = ConstantPool.read(bytes, 8);
    this.bytes = bytes;
    this.pool = pool;
    this.startClass(pool.count);
    const memberReferences = this.poolReferences(pool);
    let at = end;
    requireBytes(bytes, at, 8);
    const thisClass = this.className(bytes.readUInt16BE(at + 2), at + 2);
    const superIndex = bytes.readUInt16BE(at + 4);
    const superClass = superIndex === 0 ? -1 : this.className(superIndex, at + 4);
    const interfaceCount = bytes.readUInt16BE(at + 6);
    at += 8;
    requireBytes(bytes, at, 2 * interfaceCount);
    const interfaces: number[] = [];
    for (let i = 0; i < interfaceCount; i++, at += 2) interfaces.push(this.className(bytes.readUInt16BE(at), at));
    const keysStart = this.memberKeys.length;
    at = this.members(at, COLON);
    const fieldsEnd = this.memberKeys.length;
    skipAttributes(bytes, this.members(at, undefined));

    const out = this.out;
    out.push(thisClass, superClass, interfaces.length);
    for (const id of interfaces) out.push(id);
    out.push(keysStart, fieldsEnd, this.memberKeys.length);
    const referencedAt = out.length;
    out.push(0);
    let referencedCount = 0;
    for (const id of this.referenced) {
      if (id === thisClass || (this.nameKind(id) & IS_OWN) !== 0) continue;
      out.push(id);
      referencedCount++;
    }
    out[referencedAt] = referencedCount;
    out.push(memberReferences.length / 4);
    for (const value of memberReferences) out.push(value);
  }

  private startClass(poolCount: number): void {
    if (this.utf8Ids.length < poolCount) {
      this.utf8Ids = new Int32Array(poolCount);
      this.scanned = new Uint8Array(poolCount);
    }
    this.utf8Ids.fill(UNKNOWN, 0, poolCount);
    this.scanned.fill(0, 0, poolCount);
    this.referenced = [];
    this.stamp++;
  }

  /**
   * One walk over the pool in parseClassFile's order: CONSTANT_Class names (array classes unwrapped),
   * the classes in NameAndType and MethodType descriptors, and the member references that leave the
   * element, as (kind, owner, name, descriptor) quads.
   */
  private poolReferences(pool: ConstantPool): number[] {
    const quads: number[] = [];
    const { tags, count } = pool;
    const bytes = this.bytes;
    for (let index = 1; index < count; index++) {
      const tag = tags[index]!;
      if (tag === ConstantTag.utf8 || tag === 0) continue;
      const at = pool.bodyOffset(index);
      if (tag === ConstantTag.class) {
        const nameIndex = pool.u2(index, tag, 0, at);
        const start = pool.utf8Start(nameIndex, at);
        const end = utf8End(bytes, start);
        const element = elementClassStart(bytes, start, end, at);
        if (element === start) this.reference(this.utf8Id(nameIndex, at));
        else if (element !== -1) {
          this.utf8Id(nameIndex, at);
          this.reference(this.interner.intern(bytes, element, end - 1));
        }
      } else if (tag === ConstantTag.nameAndType) {
        this.descriptorClasses(pool.u2(index, tag, 2, at), at);
      } else if (tag === ConstantTag.methodType) {
        this.descriptorClasses(pool.u2(index, tag, 0, at), at);
      } else if (tag === ConstantTag.fieldref || tag === ConstantTag.methodref || tag === ConstantTag.interfaceMethodref) {
        const ownerIndex = pool.u2(pool.u2(index, tag, 0, at), ConstantTag.class, 0, at);
        const owner = this.utf8Id(ownerIndex, at);
        const ownerStart = pool.utf8Start(ownerIndex, at);
        // Members of array classes are Object's plus clone() (JLS §10.7): nothing to link against.
        if (utf8End(bytes, ownerStart) > ownerStart && bytes[ownerStart] === ARRAY_TYPE) continue;
        const nameAndType = pool.u2(index, tag, 2, at);
        const nameIndex = pool.u2(nameAndType, ConstantTag.nameAndType, 0, at);
        const descriptorIndex = pool.u2(nameAndType, ConstantTag.nameAndType, 2, at);
        if (this.nameKind(owner) === 0) quads.push(MEMBER_KIND_CODE[tag]!, owner, this.utf8Id(nameIndex, at), this.utf8Id(descriptorIndex, at));
        else {
          // Most references stay inside the element: their texts are dropped, but parseClassFile reads them.
          this.checkUtf8(nameIndex, at);
          this.checkUtf8(descriptorIndex, at);
        }
      }
    }
    return quads;
  }

  /**
   * Declared fields or methods (JVM spec §4.5, §4.6): each one's key (fieldKey, methodKey) into
   * memberKeys, its bytes copied as the class file holds them; returns the offset after them.
   */
  private members(start: number, separator: typeof COLON | undefined): number {
    const bytes = this.bytes;
    const pool = this.pool!;
    requireBytes(bytes, start, 2);
    const count = bytes.readUInt16BE(start);
    let at = start + 2;
    for (let i = 0; i < count; i++) {
      requireBytes(bytes, at, 6);
      const descriptorIndex = bytes.readUInt16BE(at + 4);
      this.descriptorClasses(descriptorIndex, at + 4);
      const nameStart = pool.utf8Start(bytes.readUInt16BE(at + 2), at + 2);
      const nameEnd = utf8End(bytes, nameStart);
      checkModifiedUtf8(bytes, nameStart, nameEnd);
      const descriptorStart = pool.utf8Start(descriptorIndex, at + 4);
      const keys = this.memberKeys;
      keys.appendBytes(bytes, nameStart, nameEnd);
      if (separator !== undefined) keys.appendByte(separator);
      keys.appendBytes(bytes, descriptorStart, utf8End(bytes, descriptorStart));
      keys.endKey();
      at = skipAttributes(bytes, at + 6);
    }
    return at;
  }

  /** Counts the classes of descriptor Utf8 `index` as referenced the first time, checking its bytes. */
  private descriptorClasses(index: number, at: number): void {
    if (index < this.pool!.count && this.scanned[index] !== 0) return;
    const start = this.pool!.utf8Start(index, at);
    const end = utf8End(this.bytes, start);
    checkModifiedUtf8(this.bytes, start, end);
    forEachDescriptorClass(this.bytes, start, end, at, this.addReferenced);
    this.scanned[index] = 1;
  }

  /** Checks Utf8 `index` as utf8Id does, without making its string. */
  private checkUtf8(index: number, at: number): void {
    if (this.knownUtf8Id(index) !== UNKNOWN) return;
    const start = this.pool!.utf8Start(index, at);
    checkModifiedUtf8(this.bytes, start, utf8End(this.bytes, start));
  }

  private className(index: number, at: number): number {
    return this.utf8Id(this.pool!.u2(index, ConstantTag.class, 0, at), at);
  }

  private utf8Id(index: number, at: number): number {
    const known = this.knownUtf8Id(index);
    if (known !== UNKNOWN) return known;
    const start = this.pool!.utf8Start(index, at);
    const id = this.interner.intern(this.bytes, start, utf8End(this.bytes, start));
    this.utf8Ids[index] = id;
    return id;
  }

  /** The id already read for pool index `index` of this class; past its pool (a bad index), UNKNOWN, so that utf8Start throws. */
  private knownUtf8Id(index: number): number {
    return index < this.pool!.count ? this.utf8Ids[index]! : UNKNOWN;
  }

  private reference(id: number): void {
    this.ensureIdCapacity(id);
    if (this.referencedIn[id] === this.stamp) return;
    this.referencedIn[id] = this.stamp;
    this.referenced.push(id);
  }

  /** IS_OWN and IS_PLATFORM_ONLY of string `id` as a class name (0 for a class outside the element). */
  private nameKind(id: number): number {
    this.ensureIdCapacity(id);
    let kind = this.nameKinds[id]!;
    if (kind === UNKNOWN) {
      const name = this.interner.strings[id]!;
      kind = (this.own?.has(name) === true ? IS_OWN : 0) | (this.own !== undefined && name.startsWith(PLATFORM_ONLY_PACKAGE) ? IS_PLATFORM_ONLY : 0);
      this.nameKinds[id] = kind;
    }
    return kind;
  }

  private ensureIdCapacity(id: number): void {
    if (id < this.nameKinds.length) return;
    const size = Math.max(id + 1, this.nameKinds.length * 2);
    const kinds = new Int8Array(size).fill(UNKNOWN);
    kinds.set(this.nameKinds);
    this.nameKinds = kinds;
    const referencedIn = new Int32Array(size);
    referencedIn.set(this.referencedIn);
    this.referencedIn = referencedIn;
  }
}
