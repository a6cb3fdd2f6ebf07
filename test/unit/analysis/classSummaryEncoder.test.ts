import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { externalReferences, summarizeClass, type ClassSummary } from '../../../src/core/analysis/classSummary';
import { ClassSummaryEncoder } from '../../../src/core/analysis/workers/classSummaryEncoder';
import { parseEntries } from '../../../src/core/analysis/workers/parseEntries';
import { indexJar, readEntries } from '../../../src/core/archive/openJar';
import { decodeSummaryAt } from '../../../src/core/cache/classSummaryCodec';
import { memberKeysBuffer } from '../../../src/core/cache/memberKeys';
import { parseClassFile } from '../../../src/core/classfile/parseClassFile';
import { PoolBuilder } from '../classfile/poolBuilder';
import { fixturePath } from '../helpers/paths';

/** The summary as the object path gives it: parseClassFile, summarizeClass, externalReferences. */
function viaObjects(bytes: Buffer, own: ReadonlySet<string> | undefined): ClassSummary {
  const summary = summarizeClass(parseClassFile(bytes));
  return own === undefined ? summary : externalReferences(summary, own);
}

function viaEncoder(bytes: Buffer, own: ReadonlySet<string> | undefined, encoder = new ClassSummaryEncoder(own)): ClassSummary {
  const start = encoder.out.length;
  encoder.append(bytes);
  return decodeSummaryAt(encoder.out, encoder.interner.strings, memberKeysBuffer(encoder.memberKeys.result()), start).summary;
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('ClassSummaryEncoder', () => {
  it('encodes every class of the fixture jars as the object path summarizes it, with and without the jar own classes', async () => {
    let compared = 0;
    for (const jar of filesUnder(fixturePath(), '.jar')) {
      let index;
      try {
        index = await indexJar(jar);
      } catch {
        continue; // The broken-jar fixtures.
      }
      const classEntries = index.entries.filter((entry) => entry.name.endsWith('.class'));
      const own = new Set(classEntries.flatMap((entry) => (entry.className === undefined ? [] : [entry.className])));
      const { bytes } = await readEntries(jar, classEntries.map((entry) => entry.name), { index });
      // One encoder per jar, as a worker has per batch: later classes find earlier strings.
      const encoders = [new ClassSummaryEncoder(own), new ClassSummaryEncoder(undefined)];
      for (const [name, classBytes] of bytes) {
        let expected: ClassSummary[];
        try {
          expected = [viaObjects(classBytes, own), viaObjects(classBytes, undefined)];
        } catch (error) {
          assert.throws(() => encoders[0]!.append(classBytes), { message: (error as Error).message }, `${jar}!/${name}`);
          continue;
        }
        assert.deepEqual(viaEncoder(classBytes, own, encoders[0]), expected[0], `${jar}!/${name}`);
        assert.deepEqual(viaEncoder(classBytes, undefined, encoders[1]), expected[1], `${jar}!/${name}`);
        compared++;
      }
    }
    assert.ok(compared > 20, `compared ${compared} classes`);
  });

  it('encodes the class file fixtures (every constant pool tag, Unicode names, module-info) as the object path does', () => {
    const files = filesUnder(fixturePath('classfile'), '.class');
    assert.ok(files.length > 10);
    for (const file of files) {
      const bytes = readFileSync(file);
      assert.deepEqual(viaEncoder(bytes, undefined), viaObjects(bytes, undefined), file);
    }
  });

  it('gives the same result for a name written with an overlong character as for its usual bytes', () => {
    const pool = new PoolBuilder();
    const self = pool.u2s(7, pool.utf8('p/Self'));
    const object = pool.u2s(7, pool.utf8('java/lang/Object'));
    // 'j' (0x6a) as the two-byte form 0xc1 0xaa: the JVM's decoder and decodeModifiedUtf8 both read 'j'.
    const overlong = Buffer.concat([Buffer.from([0xc1, 0xaa]), Buffer.from('ava/util/List')]);
    pool.u2s(7, pool.utf8Bytes(overlong));
    pool.u2s(7, pool.utf8('java/util/List'));
    pool.u2s(16, pool.utf8('(Ljava/util/List;)V'));
    const bytes = pool.classFile(self, object);
    const expected = viaObjects(bytes, undefined);
    assert.deepEqual(expected.referencedClasses, ['java/lang/Object', 'java/util/List']);
    assert.deepEqual(viaEncoder(bytes, undefined), expected);
  });

  it('refuses a malformed class with the words of parseClassFile, and keeps encoding the next one', () => {
    const broken = new PoolBuilder();
    const self = broken.u2s(7, broken.utf8('p/Broken'));
    broken.u2s(16, broken.utf8('(Ljava/util/List)V'));
    const bytes = broken.classFile(self, 0);
    assert.throws(() => parseClassFile(bytes), /malformed descriptor/);
    const encoder = new ClassSummaryEncoder(undefined);
    let message = '';
    try {
      encoder.append(bytes);
    } catch (error) {
      message = (error as Error).message;
    }
    assert.throws(() => parseClassFile(bytes), { message });
    assert.equal(encoder.out.length, 0, 'nothing of the broken class is kept');
    const fine = readFileSync(fixturePath('classfile', 'classes', 'java17', 'sample', 'Point.class'));
    assert.deepEqual(viaEncoder(fine, undefined, encoder), viaObjects(fine, undefined));
  });

  it('refuses an index past the pool of the class even where an earlier, larger class had a name', () => {
    const larger = new PoolBuilder();
    const object = larger.u2s(7, larger.utf8('java/lang/Object'));
    const self = larger.u2s(7, larger.utf8('p/Larger'));
    larger.u2s(10, object, larger.u2s(12, larger.utf8('run'), larger.utf8('()V')));
    larger.u2s(10, object, larger.u2s(12, larger.utf8('stop'), larger.utf8('()V')));
    const encoder = new ClassSummaryEncoder(undefined);
    const first = larger.classFile(self, object);
    assert.deepEqual(viaEncoder(first, undefined, encoder), viaObjects(first, undefined));

    const smaller = new PoolBuilder();
    const smallerObject = smaller.u2s(7, smaller.utf8('java/lang/Object'));
    const smallerSelf = smaller.u2s(7, smaller.utf8('p/Smaller'));
    // The name index 10 is past this pool (8 slots), where the larger class had a Utf8.
    smaller.u2s(10, smallerObject, smaller.u2s(12, 10, smaller.utf8('()V')));
    const second = smaller.classFile(smallerSelf, smallerObject);
    assert.throws(() => parseClassFile(second));
    assert.throws(() => encoder.append(second), { message: /./ });
  });

  it('gives parseEntries the same entries as parsing each class into objects', async () => {
    const cosJar = fixturePath('incidents', 'hadoop-cos', 'repo', 'org', 'apache', 'hadoop', 'hadoop-cos', '3.3.0', 'hadoop-cos-3.3.0.jar');
    const index = await indexJar(cosJar);
    const names = index.entries.filter((entry) => entry.className !== undefined).map((entry) => entry.name);
    const own = index.entries.flatMap((entry) => (entry.className === undefined ? [] : [entry.className]));
    const parsed = await parseEntries({ kind: 'jar', path: cosJar, entryNames: [...names, 'no/such/Entry.class'], ownClasses: own, index });
    const { bytes } = await readEntries(cosJar, names, { index });
    assert.deepEqual(
      parsed.filter((entry) => 'summary' in entry),
      [...bytes].map(([entryName, classBytes]) => ({ entryName, summary: viaObjects(classBytes, new Set(own)) })),
    );
    assert.deepEqual(parsed.filter((entry) => 'error' in entry).map((entry) => entry.entryName), ['no/such/Entry.class']);
  });
});
