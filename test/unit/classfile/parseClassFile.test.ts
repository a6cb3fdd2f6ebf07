import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { AccessFlag } from '../../../src/core/classfile/classInfo';
import { ClassFormatError } from '../../../src/core/classfile/classFormatError';
import { parseClassFile } from '../../../src/core/classfile/parseClassFile';
import { fixturePath } from '../helpers/paths';

function classBytes(...segments: string[]): Buffer {
  return readFileSync(fixturePath('classfile', 'classes', ...segments));
}

function parse(...segments: string[]) {
  return parseClassFile(classBytes(...segments));
}

function assertFormatError(bytes: Uint8Array, reason: ClassFormatError['reason']): ClassFormatError {
  try {
    parseClassFile(bytes);
  } catch (error) {
    assert.ok(error instanceof ClassFormatError, `expected ClassFormatError, got ${String(error)}`);
    assert.equal(error.reason, reason, error.message);
    return error;
  }
  assert.fail(`expected a ${reason} error`);
}

const ALL_FIXTURES = [
  ['java17', 'sample', 'Descriptors.class'],
  ['java17', 'sample', 'Descriptors$Helper.class'],
  ['java17', 'sample', 'Lambdas.class'],
  ['java17', 'sample', 'Outer.class'],
  ['java17', 'sample', 'Outer$Inner.class'],
  ['java17', 'sample', 'Outer$Nested.class'],
  ['java17', 'sample', 'Outer$1.class'],
  ['java17', 'sample', 'Point.class'],
  ['java17', 'sample', 'Shape.class'],
  ['java17', 'sample', 'Unicode.class'],
  ['java17', 'sample', 'package-info.class'],
  ['java8', 'legacy', 'Legacy.class'],
  ['module', 'module-info.class'],
  ['module', 'sample', 'api', 'Api.class'],
];

describe('parseClassFile', () => {
  it('reads names, version, access flags and declared members', () => {
    const info = parse('java17', 'sample', 'Descriptors.class');
    assert.equal(info.thisClass, 'sample/Descriptors');
    assert.equal(info.superClass, 'java/lang/Object');
    assert.deepEqual(info.interfaces, []);
    assert.equal(info.majorVersion, 61);
    assert.equal(info.accessFlags & AccessFlag.public, AccessFlag.public);
    assert.deepEqual(
      info.fields.map((f) => `${f.name}:${f.descriptor}`),
      ['table:Ljava/util/Map;', 'grid:[[I'],
    );
    const open = info.methods.find((m) => m.name === 'open');
    assert.equal(open?.descriptor, '(Ljava/nio/file/Path;[J[[Ljava/time/Duration;)Ljava/io/File;');
    assert.equal(open?.accessFlags, AccessFlag.public);
  });

  it('finds classes named only inside descriptors, unwraps arrays and leaves out itself and base types', () => {
    const referenced = new Set(parse('java17', 'sample', 'Descriptors.class').referencedClasses);
    // Only in the Methodref descriptor of Helper.take(CRC32): no CONSTANT_Class names it.
    assert.ok(referenced.has('java/util/zip/CRC32'));
    // Declared members' descriptors.
    for (const name of ['java/io/File', 'java/nio/file/Path', 'java/time/Duration', 'java/util/Map']) {
      assert.ok(referenced.has(name), name);
    }
    // anewarray element, multianewarray and checkcast array classes, a Fieldref descriptor's array.
    for (const name of ['java/util/UUID', 'java/math/BigDecimal', 'java/lang/String', 'java/util/concurrent/atomic/AtomicLong']) {
      assert.ok(referenced.has(name), name);
    }
    // Generic arguments live in Signature attributes, which erase at run time.
    assert.ok(!referenced.has('java/net/URI'));
    assert.ok(!referenced.has('sample/Descriptors'));
    assert.ok([...referenced].every((name) => !name.startsWith('[') && name.length > 1), [...referenced].join(' '));
  });

  it('lists field, method and interface-method references, not those on array classes', () => {
    const refs = parse('java17', 'sample', 'Descriptors.class').memberReferences;
    const keys = refs.map((r) => `${r.kind} ${r.owner}.${r.name}${r.descriptor}`);
    assert.ok(keys.includes('method sample/Descriptors$Helper.take(Ljava/util/zip/CRC32;)V'));
    assert.ok(keys.includes('interfaceMethod java/util/List.of(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)Ljava/util/List;'));
    assert.ok(keys.includes('field sample/Descriptors$Helper.countI'));
    assert.ok(keys.includes('field sample/Descriptors$Helper.LIMIT[Ljava/util/concurrent/atomic/AtomicLong;'));
    assert.ok(keys.includes('method java/lang/Object.<init>()V'));
    // String[].clone() is a Methodref on "[Ljava/lang/String;".
    assert.ok(refs.every((r) => !r.owner.startsWith('[')), keys.join('\n'));
    assert.ok(!keys.some((k) => k.includes('.clone(')));
  });

  it('reads inner, nested and anonymous classes with their binary names', () => {
    const inner = parse('java17', 'sample', 'Outer$Inner.class');
    assert.equal(inner.thisClass, 'sample/Outer$Inner');
    assert.ok(inner.fields.some((f) => f.name === 'this$0' && f.descriptor === 'Lsample/Outer;'));
    assert.ok(inner.referencedClasses.includes('sample/Outer'));
    const nested = parse('java17', 'sample', 'Outer$Nested.class');
    assert.deepEqual(nested.interfaces, ['sample/Shape', 'java/lang/Comparable']);
    const anonymous = parse('java17', 'sample', 'Outer$1.class');
    assert.deepEqual(anonymous.interfaces, ['java/lang/Runnable']);
    assert.ok(anonymous.memberReferences.some((r) => r.kind === 'field' && r.owner === 'java/lang/System' && r.name === 'out'));
  });

  it('reads an interface and its interface-method references', () => {
    const shape = parse('java17', 'sample', 'Shape.class');
    assert.equal(shape.accessFlags & (AccessFlag.interface | AccessFlag.abstract), AccessFlag.interface | AccessFlag.abstract);
    assert.equal(shape.superClass, 'java/lang/Object');
    assert.ok(shape.memberReferences.some((r) => r.kind === 'interfaceMethod' && r.owner === 'sample/Shape' && r.name === 'area' && r.descriptor === '()D'));
  });

  it('reads invokedynamic: bootstrap classes and method-handle targets of lambdas and method references', () => {
    const lambdas = parse('java17', 'sample', 'Lambdas.class');
    const referenced = new Set(lambdas.referencedClasses);
    assert.ok(referenced.has('java/lang/invoke/LambdaMetafactory'));
    assert.ok(referenced.has('java/lang/invoke/StringConcatFactory'));
    assert.ok(referenced.has('java/lang/invoke/MethodHandles$Lookup'));
    // The invokedynamic NameAndType descriptor ()Ljava/util/function/Supplier; and the MethodType.
    assert.ok(referenced.has('java/util/function/Supplier'));
    assert.ok(lambdas.memberReferences.some((r) => r.owner === 'java/util/concurrent/ConcurrentHashMap' && r.name === '<init>'));
    assert.ok(lambdas.memberReferences.some((r) => r.owner === 'java/lang/String' && r.name === 'length' && r.descriptor === '()I'));
    assert.ok(lambdas.methods.some((m) => m.name.startsWith('lambda$greet$') && (m.accessFlags & AccessFlag.synthetic) !== 0));
  });

  it('reads a record and a class compiled for Java 8', () => {
    const point = parse('java17', 'sample', 'Point.class');
    assert.equal(point.superClass, 'java/lang/Record');
    assert.ok(point.referencedClasses.includes('java/lang/runtime/ObjectMethods'));
    assert.ok(point.methods.some((m) => m.name === 'tags' && m.descriptor === '()Ljava/util/List;'));
    const legacy = parse('java8', 'legacy', 'Legacy.class');
    assert.equal(legacy.majorVersion, 52);
    assert.equal(legacy.superClass, 'java/util/AbstractList');
  });

  it('reads module-info (CONSTANT_Module and CONSTANT_Package) and package-info', () => {
    const moduleInfo = parse('module', 'module-info.class');
    assert.equal(moduleInfo.thisClass, 'module-info');
    assert.equal(moduleInfo.superClass, undefined);
    assert.equal(moduleInfo.accessFlags, AccessFlag.module);
    const packageInfo = parse('java17', 'sample', 'package-info.class');
    assert.equal(packageInfo.thisClass, 'sample/package-info');
    assert.equal(packageInfo.accessFlags & AccessFlag.interface, AccessFlag.interface);
    // Annotations live in attributes: a missing annotation class never fails linking (JVM spec §4.7.16).
    assert.ok(!packageInfo.referencedClasses.includes('java/lang/Deprecated'));
  });

  it('decodes modified UTF-8 names', () => {
    const unicode = parse('java17', 'sample', 'Unicode.class');
    assert.deepEqual(unicode.fields.map((f) => f.name), ['größe']);
    assert.ok(unicode.methods.some((m) => m.name === '日本'));
  });

  it('rejects bad magic at offset 0', () => {
    const bytes = Buffer.from(classBytes('java8', 'legacy', 'Legacy.class'));
    bytes.writeUInt32BE(0xcafed00d, 0);
    const error = assertFormatError(bytes, 'bad-magic');
    assert.equal(error.offset, 0);
    assertFormatError(Buffer.from('PK\x03\x04 not a class'), 'bad-magic');
  });

  it('reports every truncation of a class file as truncated, never anything else', () => {
    const bytes = classBytes('java17', 'sample', 'Lambdas.class');
    for (let length = 0; length < bytes.length; length++) {
      const error = assertFormatError(bytes.subarray(0, length), 'truncated');
      assert.ok(error.offset <= length);
    }
  });

  it('rejects an unknown constant pool tag with its offset', () => {
    const bytes = Buffer.from(classBytes('java8', 'legacy', 'Legacy.class'));
    bytes[10] = 2; // the first entry's tag; 2 is unassigned
    const error = assertFormatError(bytes, 'invalid-tag');
    assert.equal(error.offset, 10);
  });

  it('rejects an index that names the wrong kind of entry, and a malformed descriptor', () => {
    const bytes = Buffer.from(classBytes('java8', 'legacy', 'Legacy.class'));
    const utf8 = bytes.indexOf('(I)Ljava/lang/String;');
    assert.ok(utf8 > 0);
    const broken = Buffer.from(bytes);
    broken.write('x', utf8 + 'I)Ljava/lang/String'.length + 1, 'latin1');
    assertFormatError(broken, 'invalid-descriptor');
    // this_class pointing at the Utf8 instead of a Class entry: find this_class after the pool.
    const pool = Buffer.from(bytes);
    const thisClassAt = poolEnd(bytes) + 2;
    pool.writeUInt16BE(pool.readUInt16BE(thisClassAt) + 1, thisClassAt);
    assertFormatError(pool, 'invalid-index');
  });

  it('never throws anything but ClassFormatError on damaged bytes', () => {
    let seed = 7;
    const random = (bound: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % bound;
    };
    let failures = 0;
    for (const segments of ALL_FIXTURES) {
      const original = classBytes(...segments);
      for (let round = 0; round < 150; round++) {
        const bytes = Buffer.from(original);
        for (let flips = 1 + random(3); flips > 0; flips--) bytes[8 + random(bytes.length - 8)] = random(256);
        try {
          parseClassFile(bytes);
        } catch (error) {
          assert.ok(error instanceof ClassFormatError, `${segments.join('/')}: ${String(error)}`);
          failures++;
        }
      }
    }
    assert.ok(failures > 0, 'some damage must be detected');
  });
});

/** Where access_flags starts: the pool walked the simple way (JVM spec §4.4 entry sizes). */
function poolEnd(bytes: Buffer): number {
  let at = 10;
  const count = bytes.readUInt16BE(8);
  for (let index = 1; index < count; index++) {
    const tag = bytes[at]!;
    if (tag === 1) at += 3 + bytes.readUInt16BE(at + 1);
    else if (tag === 5 || tag === 6) {
      at += 9;
      index++;
    } else if (tag === 7 || tag === 8 || tag === 16 || tag === 19 || tag === 20) at += 3;
    else if (tag === 15) at += 4;
    else at += 5;
  }
  return at;
}
