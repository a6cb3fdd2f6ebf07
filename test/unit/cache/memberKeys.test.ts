import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeMemberKeys, memberKeysBuffer, MemberKeysWriter } from '../../../src/core/cache/memberKeys';

function written(keys: readonly string[]): Buffer {
  const writer = new MemberKeysWriter();
  for (const key of keys) {
    writer.appendText(key);
    writer.endKey();
  }
  return memberKeysBuffer(writer.result());
}

describe('member keys', () => {
  it('gives back ASCII keys, and none from an empty range', () => {
    const keys = ['close()V', 'size:I', 'run(Ljava/lang/String;[I)Ljava/util/List;'];
    const bytes = written(keys);
    assert.deepEqual(decodeMemberKeys(bytes, 0, bytes.length), keys);
    assert.deepEqual(decodeMemberKeys(bytes, 0, 0), []);
  });

  it('writes modified UTF-8: U+0000 as two bytes, so that a 0 byte still ends a key; supplementary characters as two surrogates', () => {
    const keys = ['caf\u00e9()V', 'a\u0000b:I', '\u4e2d\u6587()V', 'emoji\ud83d\ude00:J', ''];
    const bytes = written(keys);
    // é (U+00E9): C3 A9; NUL: C0 80; 中: E4 B8 AD; the surrogates D83D DE00: ED A0 BD ED B8 80.
    assert.deepEqual([...bytes.subarray(3, 5)], [0xc3, 0xa9]);
    assert.ok(bytes.includes(Buffer.from([0x61, 0xc0, 0x80, 0x62])));
    assert.ok(bytes.includes(Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80])));
    assert.deepEqual(decodeMemberKeys(bytes, 0, bytes.length), keys);
  });

  it('decodes a part of the bytes on its own, as a summary asks for its fields or methods', () => {
    const bytes = written(['a:I', 'b:J', 'run()V']);
    const fieldsEnd = bytes.indexOf(0, bytes.indexOf(0) + 1) + 1;
    assert.deepEqual(decodeMemberKeys(bytes, 0, fieldsEnd), ['a:I', 'b:J']);
    assert.deepEqual(decodeMemberKeys(bytes, fieldsEnd, bytes.length), ['run()V']);
  });

  it('leaves out a key that is not modified UTF-8 instead of throwing', () => {
    const bytes = Buffer.from([0x61, 0x00, 0xff, 0x62, 0x00, 0x63, 0x00]);
    assert.deepEqual(decodeMemberKeys(bytes, 0, bytes.length), ['a', 'c']);
  });

  it('grows past its first buffer and drops what a class that failed had written', () => {
    const writer = new MemberKeysWriter();
    const long = 'x'.repeat(70_000);
    writer.appendText(long);
    writer.endKey();
    const kept = writer.length;
    writer.appendText('half');
    writer.truncate(kept);
    const bytes = memberKeysBuffer(writer.result());
    assert.equal(bytes.length, kept);
    assert.deepEqual(decodeMemberKeys(bytes, 0, bytes.length), [long]);
  });
});
