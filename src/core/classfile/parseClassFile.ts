import type { ClassInfo, DeclaredMember, MemberReference } from './classInfo';
import { ClassFormatError } from './classFormatError';
import { ConstantPool, ConstantTag, requireBytes, utf8End } from './constantPool';
import { elementClassStart, forEachDescriptorClass } from './descriptors';
import { decodeModifiedUtf8 } from './modifiedUtf8';

const CLASS_FILE_MAGIC = 0xcafebabe;

const MEMBER_REFERENCE_KINDS: Readonly<Record<number, MemberReference['kind']>> = {
  [ConstantTag.fieldref]: 'field',
  [ConstantTag.methodref]: 'method',
  [ConstantTag.interfaceMethodref]: 'interfaceMethod',
};

/**
 * Reads a class file (JVM spec §4.1) for linkage checks: its own name, supertypes and declared
 * members, every class it references (§4.4.1 CONSTANT_Class, with array classes unwrapped, plus the
 * class names inside the §4.3 descriptors of NameAndType, MethodType and its own fields and methods)
 * and its field and method references (§4.4.2). Attributes are skipped by their length.
 * @throws ClassFormatError with a reason and the byte offset when the bytes break the format.
 */
export function parseClassFile(input: Uint8Array): ClassInfo {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  requireBytes(bytes, 0, 4);
  const magic = bytes.readUInt32BE(0);
  if (magic !== CLASS_FILE_MAGIC) {
    throw new ClassFormatError('bad-magic', 0, `magic is 0x${magic.toString(16).padStart(8, '0')}, not 0xcafebabe`);
  }
  requireBytes(bytes, 4, 4);
  const minorVersion = bytes.readUInt16BE(4);
  const majorVersion = bytes.readUInt16BE(6);
  const { pool, end } = ConstantPool.read(bytes, 8);
  const referenced = new Set<string>();
  const scanDescriptor = descriptorScanner(bytes, pool, referenced);
  const memberReferences = collectPoolReferences(bytes, pool, referenced, scanDescriptor);

  let at = end;
  requireBytes(bytes, at, 8);
  const accessFlags = bytes.readUInt16BE(at);
  const thisClass = pool.className(bytes.readUInt16BE(at + 2), at + 2);
  const superIndex = bytes.readUInt16BE(at + 4);
  const superClass = superIndex === 0 ? undefined : pool.className(superIndex, at + 4);
  const interfaceCount = bytes.readUInt16BE(at + 6);
  at += 8;
  requireBytes(bytes, at, 2 * interfaceCount);
  const interfaces: string[] = [];
  for (let i = 0; i < interfaceCount; i++, at += 2) interfaces.push(pool.className(bytes.readUInt16BE(at), at));

  const fields = readMembers(bytes, pool, at, scanDescriptor);
  const methods = readMembers(bytes, pool, fields.end, scanDescriptor);
  skipAttributes(bytes, methods.end);

  referenced.delete(thisClass);
  return {
    majorVersion,
    minorVersion,
    accessFlags,
    thisClass,
    superClass,
    interfaces,
    fields: fields.members,
    methods: methods.members,
    referencedClasses: [...referenced],
    memberReferences,
  };
}

type DescriptorScanner = (utf8Index: number, at: number) => string;

/**
 * Returns the descriptor in Utf8 entry `utf8Index` after adding its classes to `referenced`; a
 * descriptor shared by several NameAndType, MethodType or member entries is scanned once.
 */
function descriptorScanner(bytes: Buffer, pool: ConstantPool, referenced: Set<string>): DescriptorScanner {
  const scanned = new Uint8Array(pool.count);
  const add = (from: number, to: number): void => {
    referenced.add(decodeModifiedUtf8(bytes, from, to));
  };
  return (utf8Index, at) => {
    const descriptor = pool.utf8(utf8Index, at);
    if (scanned[utf8Index] !== 1) {
      const start = pool.utf8Start(utf8Index, at);
      forEachDescriptorClass(bytes, start, utf8End(bytes, start), at, add);
      scanned[utf8Index] = 1;
    }
    return descriptor;
  };
}

/** One walk over the pool: classes, descriptor classes and member references. */
function collectPoolReferences(bytes: Buffer, pool: ConstantPool, referenced: Set<string>, scanDescriptor: DescriptorScanner): MemberReference[] {
  const memberReferences: MemberReference[] = [];
  const { tags, count } = pool;
  for (let index = 1; index < count; index++) {
    const tag = tags[index]!;
    const at = pool.bodyOffset(index);
    if (tag === ConstantTag.class) {
      const name = pool.className(index, at);
      const start = pool.utf8Start(pool.u2(index, tag, 0, at), at);
      const end = utf8End(bytes, start);
      const element = elementClassStart(bytes, start, end, at);
      if (element === start) referenced.add(name);
      else if (element !== -1) referenced.add(decodeModifiedUtf8(bytes, element, end - 1));
    } else if (tag === ConstantTag.nameAndType) {
      scanDescriptor(pool.u2(index, tag, 2, at), at);
    } else if (tag === ConstantTag.methodType) {
      scanDescriptor(pool.u2(index, tag, 0, at), at);
    } else if (tag === ConstantTag.fieldref || tag === ConstantTag.methodref || tag === ConstantTag.interfaceMethodref) {
      const owner = pool.className(pool.u2(index, tag, 0, at), at);
      // Members of array classes are Object's plus clone() (JLS §10.7): nothing to link against.
      if (owner.startsWith('[')) continue;
      const nameAndType = pool.u2(index, tag, 2, at);
      memberReferences.push({
        kind: MEMBER_REFERENCE_KINDS[tag]!,
        owner,
        name: pool.utf8(pool.u2(nameAndType, ConstantTag.nameAndType, 0, at), at),
        descriptor: pool.utf8(pool.u2(nameAndType, ConstantTag.nameAndType, 2, at), at),
      });
    }
  }
  return memberReferences;
}

/** Reads fields_count/fields or methods_count/methods (JVM spec §4.5, §4.6). */
function readMembers(
  bytes: Buffer,
  pool: ConstantPool,
  start: number,
  scanDescriptor: DescriptorScanner,
): { members: DeclaredMember[]; end: number } {
  requireBytes(bytes, start, 2);
  const count = bytes.readUInt16BE(start);
  const members: DeclaredMember[] = [];
  let at = start + 2;
  for (let i = 0; i < count; i++) {
    requireBytes(bytes, at, 6);
    const descriptor = scanDescriptor(bytes.readUInt16BE(at + 4), at + 4);
    members.push({ accessFlags: bytes.readUInt16BE(at), name: pool.utf8(bytes.readUInt16BE(at + 2), at + 2), descriptor });
    at = skipAttributes(bytes, at + 6);
  }
  return { members, end: at };
}

/** Skips attributes_count and the attributes after it by their lengths (JVM spec §4.7). */
export function skipAttributes(bytes: Buffer, start: number): number {
  requireBytes(bytes, start, 2);
  const count = bytes.readUInt16BE(start);
  let at = start + 2;
  for (let i = 0; i < count; i++) {
    requireBytes(bytes, at, 6);
    const length = bytes.readUInt32BE(at + 2);
    at += 6;
    requireBytes(bytes, at, length);
    at += length;
  }
  return at;
}
