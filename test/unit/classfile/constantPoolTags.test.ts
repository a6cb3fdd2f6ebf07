import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClassFormatError } from '../../../src/core/classfile/classFormatError';
import { parseClassFile } from '../../../src/core/classfile/parseClassFile';
import { PoolBuilder } from './poolBuilder';

describe('constant pool tags', () => {
  it('reads every tag through Java 21: numbers, two-slot longs, handles, dynamic constants, modules', () => {
    const pool = new PoolBuilder();
    const self = pool.u2s(7, pool.utf8('p/Self'));
    const object = pool.u2s(7, pool.utf8('java/lang/Object'));
    pool.raw(3, [0, 0, 0, 42]); // Integer
    pool.raw(4, [0x3f, 0x80, 0, 0]); // Float
    pool.raw(5, [0, 0, 0, 0, 0, 0, 0, 7], 2); // Long: two slots
    pool.raw(6, [0x40, 0, 0, 0, 0, 0, 0, 0], 2); // Double: two slots
    pool.u2s(8, pool.utf8('a string'));
    const bootstrapOwner = pool.u2s(7, pool.utf8('p/Bootstraps'));
    const bootstrapType = pool.u2s(12, pool.utf8('make'), pool.utf8('(Ljava/lang/invoke/MethodHandles$Lookup;)Ljava/lang/Object;'));
    const bootstrap = pool.u2s(10, bootstrapOwner, bootstrapType);
    pool.raw(15, [6, bootstrap >> 8, bootstrap & 0xff]); // MethodHandle REF_invokeStatic
    pool.u2s(16, pool.utf8('(Ljava/time/Instant;)V')); // MethodType
    pool.u2s(17, 0, pool.u2s(12, pool.utf8('random'), pool.utf8('Ljava/util/Random;'))); // Dynamic
    pool.u2s(18, 0, pool.u2s(12, pool.utf8('run'), pool.utf8('()Ljava/lang/Runnable;'))); // InvokeDynamic
    pool.u2s(19, pool.utf8('some.module')); // Module
    pool.u2s(20, pool.utf8('p/exported')); // Package
    pool.u2s(9, self, pool.u2s(12, pool.utf8('clock'), pool.utf8('Ljava/time/Clock;')));
    pool.u2s(11, pool.u2s(7, pool.utf8('java/util/List')), pool.u2s(12, pool.utf8('size'), pool.utf8('()I')));
    pool.u2s(7, pool.utf8('[[Ljava/math/BigInteger;'));
    pool.u2s(7, pool.utf8('[J'));
    const info = parseClassFile(pool.classFile(self, object));
    assert.equal(info.majorVersion, 65);
    assert.equal(info.thisClass, 'p/Self');
    assert.deepEqual(new Set(info.referencedClasses), new Set([
      'java/lang/Object',
      'p/Bootstraps',
      'java/lang/invoke/MethodHandles$Lookup',
      'java/time/Instant',
      'java/util/Random',
      'java/lang/Runnable',
      'java/time/Clock',
      'java/util/List',
      'java/math/BigInteger',
    ]));
    assert.deepEqual(
      info.memberReferences.map((r) => `${r.kind} ${r.owner}.${r.name}`),
      ['method p/Bootstraps.make', 'field p/Self.clock', 'interfaceMethod java/util/List.size'],
    );
  });

  it('rejects a Class entry pointing at a number, and a pool count past the end', () => {
    const pool = new PoolBuilder();
    const number = pool.raw(3, [0, 0, 0, 1]);
    const bad = pool.u2s(7, number);
    assert.throws(() => parseClassFile(pool.classFile(bad, 0)), (e: unknown) => e instanceof ClassFormatError && e.reason === 'invalid-index');
    // 65,535 entries promised, none there: stops at the end of the bytes.
    const huge = Buffer.from(new PoolBuilder().classFile(0, 0)).subarray(0, 10);
    huge.writeUInt16BE(0xffff, 8);
    assert.throws(() => parseClassFile(huge), (e: unknown) => e instanceof ClassFormatError && e.reason === 'truncated');
    // Whatever follows is read as entries: here a zero tag, which no entry has.
    const zeroTag = Buffer.from(new PoolBuilder().classFile(0, 0));
    zeroTag.writeUInt16BE(0xffff, 8);
    assert.throws(() => parseClassFile(zeroTag), (e: unknown) => e instanceof ClassFormatError && e.reason === 'invalid-tag' && e.offset === 10);
  });
});
