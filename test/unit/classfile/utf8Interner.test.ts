import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClassFormatError } from '../../../src/core/classfile/classFormatError';
import { Utf8Interner } from '../../../src/core/classfile/utf8Interner';

/** `texts` as modified UTF-8 (all below U+0800 and not NUL here, so UTF-8 alike), one after the other after `padding` bytes. */
function packed(texts: readonly string[], padding: number): { bytes: Buffer; ranges: [number, number][] } {
  const parts = [Buffer.alloc(padding, 0x2e)];
  const ranges: [number, number][] = [];
  let at = padding;
  for (const text of texts) {
    const encoded = Buffer.from(text, 'utf8');
    parts.push(encoded);
    ranges.push([at, at + encoded.length]);
    at += encoded.length;
  }
  return { bytes: Buffer.concat(parts), ranges };
}

describe('Utf8Interner', () => {
  it('gives equal bytes one id and different bytes different ids, through many growths of its tables', () => {
    // Names alike but for a character or their length, as a jar's classes are; enough to grow every table many times.
    const texts = Array.from({ length: 20_000 }, (_, i) => `org/example/p${i % 97}/Class${i}`);
    texts.push('', 'é/Ünïcode', 'x'.repeat(200_000), 'org/example/p1/Class1$Inner');
    const interner = new Utf8Interner();
    const first = packed(texts, 3);
    const ids = first.ranges.map(([start, end]) => interner.intern(first.bytes, start, end));
    assert.equal(new Set(ids).size, texts.length);
    ids.forEach((id, i) => assert.equal(interner.strings[id], texts[i]));
    // The same texts again, from other bytes at other offsets and in another order: the same ids.
    const order = texts.map((_, i) => (i * 7919) % texts.length);
    const again = packed(order.map((i) => texts[i]!), 11);
    again.ranges.forEach(([start, end], k) => assert.equal(interner.intern(again.bytes, start, end), ids[order[k]!]));
    assert.equal(interner.strings.length, texts.length);
  });

  it('keeps added strings apart from the texts of bytes', () => {
    const interner = new Utf8Interner();
    const { bytes, ranges } = packed(['name', '()V'], 0);
    const [name] = ranges.map(([start, end]) => interner.intern(bytes, start, end));
    const added = interner.add('name');
    assert.notEqual(added, name);
    assert.equal(interner.intern(bytes, ranges[0]![0], ranges[0]![1]), name);
  });

  it('refuses a character written in a longer form than modified UTF-8 writes it', () => {
    // 'A' as two bytes: the same text as the one byte 0x41, which must keep one id.
    const interner = new Utf8Interner();
    assert.throws(() => interner.intern(Buffer.from([0xc1, 0x81]), 0, 2), ClassFormatError);
    assert.equal(interner.strings[interner.intern(Buffer.from('A'), 0, 1)], 'A');
  });
});
