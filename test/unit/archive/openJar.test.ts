import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import { ArchiveError } from '../../../src/core/archive/archiveError';
import { indexJar, openJar, readEntries } from '../../../src/core/archive/openJar';
import { parseClassFile } from '../../../src/core/classfile/parseClassFile';
import { fixturePath } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';
import { manyEntriesZip, writeZip } from './zipWriter';

const jar = (name: string) => fixturePath('archive', name);
const classFile = (...segments: string[]) => readFileSync(fixturePath('classfile', 'classes', ...segments));

async function assertArchiveError(promise: Promise<unknown>, reason: ArchiveError['reason']): Promise<ArchiveError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ArchiveError, `expected ArchiveError, got ${String(error)}`);
    assert.equal(error.reason, reason, error.message);
    return error;
  }
  assert.fail(`expected a ${reason} error`);
}

describe('indexJar', () => {
  it('lists files with CRC-32, sizes and method from the central directory, without directories', async () => {
    const index = await indexJar(jar('sample.jar'));
    assert.equal(index.kind, 'jar');
    assert.equal(index.size, readFileSync(jar('sample.jar')).length);
    assert.ok(index.mtimeMs > 0);
    assert.ok(!index.entries.some((e) => e.name.endsWith('/')));
    const outer = index.entries.find((e) => e.name === 'sample/Outer$Inner.class');
    const bytes = classFile('java17', 'sample', 'Outer$Inner.class');
    assert.equal(outer?.crc32, crc32(bytes));
    assert.equal(outer?.uncompressedSize, bytes.length);
    assert.equal(outer?.compressionMethod, 8);
    assert.ok(outer !== undefined && outer.compressedSize < bytes.length);
    assert.equal(outer?.className, 'sample/Outer$Inner');
    const properties = index.entries.find((e) => e.name === 'sample/messages.properties');
    assert.equal(properties?.compressionMethod, 0);
    assert.equal(properties?.className, undefined);
    assert.equal(index.multiRelease, false);
    assert.equal(index.manifest?.['Created-By'], 'jarscope fixtures');
  });

  it('flags module-info and package-info', async () => {
    const index = await indexJar(jar('sample.jar'));
    const moduleInfo = index.entries.find((e) => e.name === 'module-info.class');
    assert.equal(moduleInfo?.isModuleInfo, true);
    assert.equal(moduleInfo?.className, undefined);
    const packageInfo = index.entries.find((e) => e.name === 'sample/package-info.class');
    assert.equal(packageInfo?.isPackageInfo, true);
    assert.equal(packageInfo?.className, 'sample/package-info');
    assert.equal(index.entries.filter((e) => e.isModuleInfo || e.isPackageInfo).length, 2);
  });

  it('reads a multi-release jar: versioned classes name their base class and release', async () => {
    const index = await indexJar(jar('multi-release.jar'));
    assert.equal(index.multiRelease, true);
    const versions = index.entries.filter((e) => e.releaseVersion !== undefined).map((e) => [e.name, e.releaseVersion, e.className]);
    assert.deepEqual(versions, [
      ['META-INF/versions/17/legacy/Legacy.class', 17, 'legacy/Legacy'],
      ['META-INF/versions/9/module-info.class', 9, undefined],
      ['META-INF/versions/17/legacy/notes.txt', 17, undefined],
    ]);
    assert.equal(index.entries.find((e) => e.name === 'META-INF/versions/9/module-info.class')?.isModuleInfo, true);
    assert.equal(index.entries.find((e) => e.name === 'legacy/Legacy.class')?.releaseVersion, undefined);
    // A continuation line in the manifest joins its attribute's value.
    assert.match(index.manifest?.['Implementation-Title'] ?? '', /and on$/);
  });

  it('treats META-INF/versions as plain resources without Multi-Release: true', async () => {
    const index = await indexJar(jar('versions-without-attribute.jar'));
    assert.equal(index.multiRelease, false);
    const versioned = index.entries.find((e) => e.name.startsWith('META-INF/versions/'));
    assert.equal(versioned?.className, undefined);
    assert.equal(versioned?.releaseVersion, undefined);
  });

  it('reads zip64 records', async () => {
    const index = await indexJar(jar('zip64.jar'));
    const legacy = index.entries.find((e) => e.name === 'legacy/Legacy.class');
    assert.equal(legacy?.uncompressedSize, classFile('java8', 'legacy', 'Legacy.class').length);
    const { bytes, errors } = await readEntries(jar('zip64.jar'), ['legacy/Legacy.class']);
    assert.deepEqual(errors, []);
    assert.deepEqual(bytes.get('legacy/Legacy.class'), classFile('java8', 'legacy', 'Legacy.class'));
  });

  it('reads a zip64 archive with more entries than the 16-bit count holds', async () => {
    const count = 70_000;
    const path = join(tempDir('zip64'), 'many.jar');
    const entries = Array.from({ length: count }, (_, i) => ({ name: `r/${i}.txt`, data: Buffer.from(String(i)) }));
    writeFileSync(path, writeZip(entries, { zip64: true }));
    const index = await indexJar(path);
    assert.equal(index.entries.length, count);
    const { bytes } = await readEntries(path, ['r/69999.txt', 'r/0.txt']);
    assert.equal(bytes.get('r/69999.txt')?.toString(), '69999');
    assert.equal(bytes.get('r/0.txt')?.toString(), '0');
  });

  it('refuses a directory with more entries than a 16-bit count without zip64, instead of dropping some', async () => {
    const path = join(tempDir('wrapped'), 'wrapped.jar');
    writeFileSync(path, manyEntriesZip(65_536 + 3, false));
    const error = await assertArchiveError(indexJar(path), 'corrupt');
    assert.match(error.message, /more than the 3 entries/);
  });

  it('lists encrypted entries, flagged, and never inflates them', async () => {
    const index = await indexJar(jar('encrypted.jar'));
    assert.deepEqual(index.entries.filter((e) => e.isEncrypted).map((e) => e.name), ['legacy/Legacy.class']);
    const { bytes, errors } = await readEntries(jar('encrypted.jar'), ['legacy/Legacy.class', 'plain.txt']);
    assert.equal(bytes.get('plain.txt')?.toString(), 'not secret\n');
    assert.deepEqual(errors.map((e) => [e.reason, e.entryName]), [['encrypted', 'legacy/Legacy.class']]);
  });

  for (const file of readdirSync(fixturePath('archive', 'failure'))) {
    const reason = file.replace(/\.jar$/, '') as ArchiveError['reason'];
    it(`fails on failure/${file} with reason ${reason}`, async () => {
      const error = await assertArchiveError(indexJar(jar(`failure/${file}`)), reason);
      assert.equal(error.path, jar(`failure/${file}`));
    });
  }

  it('refuses a central directory of 1,000,000 entries from its count, quickly', async () => {
    const path = join(tempDir('million'), 'million.jar');
    writeFileSync(path, manyEntriesZip(1_000_000));
    const started = process.hrtime.bigint();
    await assertArchiveError(indexJar(path), 'too-many-entries');
    // Not a timing test: a refusal that read the entries would take seconds, not this.
    assert.ok(process.hrtime.bigint() - started < 2_000_000_000n);
    await assertArchiveError(indexJar(jar('sample.jar'), { limits: { maxEntries: 5 } }), 'too-many-entries');
  });

  it('reports a missing file, a directory and a symlink loop', async () => {
    const dir = tempDir('paths');
    await assertArchiveError(indexJar(join(dir, 'absent.jar')), 'missing');
    await assertArchiveError(indexJar(dir), 'unreadable');
    symlinkSync(join(dir, 'b.jar'), join(dir, 'a.jar'));
    symlinkSync(join(dir, 'a.jar'), join(dir, 'b.jar'));
    await assertArchiveError(indexJar(join(dir, 'a.jar')), 'symlink-loop');
  });

  it('refuses a named pipe or a device instead of waiting on it', async () => {
    const pipe = join(tempDir('fifo'), 'pipe.jar');
    execFileSync('mkfifo', [pipe]);
    await assertArchiveError(indexJar(pipe), 'unreadable');
    await assertArchiveError(indexJar('/dev/zero'), 'unreadable');
  });

  it('stops when the signal is aborted', async () => {
    await assert.rejects(indexJar(jar('sample.jar'), { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });
});

describe('readEntries', () => {
  it('inflates only the requested entries, byte for byte', async () => {
    const names = ['sample/Lambdas.class', 'sample/Point.class', 'sample/messages.properties'];
    const { bytes, errors } = await readEntries(jar('sample.jar'), names);
    assert.deepEqual(errors, []);
    assert.deepEqual([...bytes.keys()].sort(), [...names].sort());
    assert.deepEqual(bytes.get('sample/Lambdas.class'), classFile('java17', 'sample', 'Lambdas.class'));
    assert.equal(parseClassFile(bytes.get('sample/Point.class')!).thisClass, 'sample/Point');
  });

  it('gives every class of a jar through one open handle', async () => {
    const opened = await openJar(jar('sample.jar'));
    try {
      const classes = opened.index.entries.filter((e) => e.className !== undefined);
      const { bytes, errors } = await opened.readEntries(classes.map((e) => e.name));
      assert.deepEqual(errors, []);
      for (const entry of classes) assert.equal(parseClassFile(bytes.get(entry.name)!).thisClass, entry.className);
    } finally {
      await opened.close();
    }
  });

  it('reuses an earlier index while the jar is unchanged, and lists it again when it changed', async () => {
    const path = join(tempDir('reuse'), 'copy.jar');
    writeFileSync(path, readFileSync(jar('sample.jar')));
    const index = await indexJar(path);
    const point = index.entries.find((e) => e.name === 'sample/Point.class')!;
    // Only the entry to read: a listing of the central directory would find the others too.
    const partial = { ...index, entries: [point] };
    const reused = await readEntries(path, ['sample/Point.class', 'sample/Shape.class'], { index: partial });
    assert.deepEqual([...reused.bytes.keys()], ['sample/Point.class']);
    assert.deepEqual(reused.errors.map((e) => e.reason), ['entry-not-found']);
    const stale = { ...partial, mtimeMs: partial.mtimeMs - 1000 };
    const relisted = await readEntries(path, ['sample/Point.class', 'sample/Shape.class'], { index: stale });
    assert.deepEqual([...relisted.bytes.keys()].sort(), ['sample/Point.class', 'sample/Shape.class']);
  });

  it('reports an absent entry, one over the size cap, and one that inflates past its declared size', async () => {
    const { errors } = await readEntries(jar('sample.jar'), ['nope.class', 'sample/Lambdas.class', 'sample/Unicode.class'], {
      limits: { maxInflatedEntrySize: 1000 },
    });
    assert.deepEqual(
      errors.map((e) => [e.reason, e.entryName]),
      [['entry-not-found', 'nope.class'], ['entry-too-large', 'sample/Lambdas.class']],
    );
    const path = join(tempDir('liar'), 'liar.jar');
    writeFileSync(path, writeZip([{ name: 'bomb.txt', data: Buffer.alloc(100_000, 'a'), method: 'deflated', declaredSize: 10 }]));
    const lie = await readEntries(path, ['bomb.txt']);
    assert.deepEqual(lie.errors.map((e) => e.reason), ['corrupt']);
    assert.equal(lie.bytes.size, 0);
  });
});

describe('reading many deflated entries at once', () => {
  const texts = Array.from({ length: 40 }, (_, index) => Buffer.from(`entry ${index} `.repeat(20 + index)));
  const names = texts.map((_, index) => `e/${String(index).padStart(2, '0')}.txt`);

  /** A jar of the texts, deflated but for every seventh (stored); `lying`: an entry whose declared size is too small. */
  function textJar(lying?: number): Buffer {
    return writeZip(texts.map((data, index) => ({ name: names[index]!, data, method: index % 7 === 0 ? 'stored' : 'deflated', ...(index === lying ? { declaredSize: 10 } : {}) })));
  }

  /** The jar with the CRC-32 of its `index`th entry changed in the central directory. */
  function withWrongCrc(zip: Buffer, index: number): Buffer {
    const damaged = Buffer.from(zip);
    let at = -1;
    for (let seen = 0; seen <= index; seen++) at = damaged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 1);
    damaged.writeUInt32LE((damaged.readUInt32LE(at + 16) ^ 1) >>> 0, at + 16);
    return damaged;
  }

  it('gives every entry byte for byte, stored and deflated, in file order', async () => {
    const path = join(tempDir('together'), 'texts.jar');
    writeFileSync(path, textJar());
    const { bytes, errors } = await readEntries(path, [...names].reverse());
    assert.deepEqual(errors, []);
    assert.deepEqual([...bytes.keys()], names);
    names.forEach((name, index) => assert.deepEqual(bytes.get(name), texts[index]));
  });

  it('reads entries that inflate to more than one zlib call takes (16 MB), and a damaged one past the first call', async () => {
    const big = [0, 1, 2, 3].map((index) => Buffer.alloc(6 * 1024 * 1024, String.fromCharCode(97 + index)));
    const bigNames = big.map((_, index) => `big/${index}.bin`);
    const zip = writeZip(big.map((data, index) => ({ name: bigNames[index]!, data, method: 'deflated' })));
    const path = join(tempDir('together'), 'big.jar');
    writeFileSync(path, zip);
    const whole = await readEntries(path, bigNames);
    assert.deepEqual(whole.errors, []);
    bigNames.forEach((name, index) => assert.ok(whole.bytes.get(name)!.equals(big[index]!), name));
    writeFileSync(path, withWrongCrc(zip, 3));
    const damaged = await readEntries(path, bigNames);
    assert.deepEqual(damaged.errors.map((error) => error.entryName), [bigNames[3]]);
    assert.equal(damaged.bytes.size, 3);
  });

  it('names only the entry whose CRC-32 does not match, and reads the others', async () => {
    const path = join(tempDir('together'), 'crc.jar');
    writeFileSync(path, withWrongCrc(textJar(), 12));
    const { bytes, errors } = await readEntries(path, names);
    assert.deepEqual(errors.map((error) => [error.reason, error.entryName, error.message.includes('CRC-32')]), [['corrupt', names[12], true]]);
    assert.equal(bytes.size, names.length - 1);
    for (const [name, data] of bytes) assert.deepEqual(data, texts[names.indexOf(name)]);
  });

  it('names only the entry that inflates past its declared size, and reads the others', async () => {
    const path = join(tempDir('together'), 'liar.jar');
    writeFileSync(path, textJar(20));
    const { bytes, errors } = await readEntries(path, names);
    assert.deepEqual(errors.map((error) => [error.reason, error.entryName]), [['corrupt', names[20]]]);
    assert.equal(bytes.size, names.length - 1);
    assert.deepEqual(bytes.get(names[21]!), texts[21]);
  });
});

describe('damaged jars', () => {
  it('give an ArchiveError or a result, never another exception, for any flipped bytes', async () => {
    const original = readFileSync(jar('sample.jar'));
    const dir = tempDir('fuzz');
    let seed = 11;
    const random = (bound: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % bound;
    };
    const outcomes = new Set<string>();
    for (let round = 0; round < 150; round++) {
      const bytes = Buffer.from(original);
      // Damage the central directory and end record most of the time: that is what indexing reads.
      const from = round % 3 === 0 ? 0 : original.length - 1200;
      for (let flips = 1 + random(4); flips > 0; flips--) bytes[from + random(original.length - from)] = random(256);
      const path = join(dir, `damaged-${round}.jar`);
      writeFileSync(path, bytes);
      try {
        const opened = await openJar(path);
        try {
          const { errors } = await opened.readEntries(opened.index.entries.map((e) => e.name));
          outcomes.add(errors.length === 0 ? 'read' : `entries:${errors[0]!.reason}`);
        } finally {
          await opened.close();
        }
      } catch (error) {
        assert.ok(error instanceof ArchiveError, `round ${round}: ${String(error)}`);
        outcomes.add(error.reason);
      }
    }
    assert.ok(outcomes.size > 1, [...outcomes].join(' '));
  });
});

