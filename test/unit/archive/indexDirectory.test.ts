import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import { ArchiveError } from '../../../src/core/archive/archiveError';
import { entryCrc32, indexClasspathEntry, readIndexedEntries } from '../../../src/core/archive/classpathEntries';
import { indexDirectory } from '../../../src/core/archive/indexDirectory';
import { fixturePath } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

const classesDir = fixturePath('classfile', 'classes', 'java17');

async function assertArchiveError(promise: Promise<unknown>, reason: ArchiveError['reason']): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof ArchiveError && error.reason === reason);
}

/** A classes directory with one class, for tests that add trouble next to it. */
function smallClassesDir(): string {
  const dir = tempDir('classes');
  mkdirSync(join(dir, 'org', 'a'), { recursive: true });
  writeFileSync(join(dir, 'org', 'a', 'A.class'), readFileSync(join(classesDir, 'sample', 'Outer.class')));
  return dir;
}

describe('indexDirectory', () => {
  it('lists a classes directory like a jar, in name order, CRC-32 left for later', async () => {
    const index = await indexDirectory(classesDir);
    assert.equal(index.kind, 'directory');
    const names = index.entries.map((e) => e.name);
    assert.ok(names.includes('sample/Outer$Inner.class'));
    assert.deepEqual(names, [...names].sort());
    assert.ok(index.entries.every((e) => e.crc32 === undefined));
    const inner = index.entries.find((e) => e.name === 'sample/Outer$Inner.class')!;
    assert.equal(inner.className, 'sample/Outer$Inner');
    assert.equal(inner.uncompressedSize, readFileSync(join(classesDir, 'sample', 'Outer$Inner.class')).length);
    assert.equal(index.entries.find((e) => e.name === 'sample/package-info.class')?.isPackageInfo, true);
    assert.deepEqual(index.problems, []);
  });

  it('computes CRC-32 when asked, equal to the same bytes in a jar', async () => {
    const index = await indexDirectory(classesDir);
    const entry = index.entries.find((e) => e.name === 'sample/Point.class')!;
    const expected = crc32(readFileSync(join(classesDir, 'sample', 'Point.class')));
    assert.equal(await entryCrc32(index, entry), expected);
    assert.equal(entry.crc32, expected, 'kept on the entry');
    const jarIndex = await indexClasspathEntry(fixturePath('archive', 'sample.jar'));
    const inJar = jarIndex.entries.find((e) => e.name === 'sample/Point.class')!;
    assert.equal(await entryCrc32(jarIndex, inJar), expected);
  });

  it('reads files on demand through the same call as jars', async () => {
    const index = await indexClasspathEntry(classesDir);
    const { bytes, errors } = await readIndexedEntries(index, ['sample/Shape.class', 'sample/Nope.class']);
    assert.deepEqual(bytes.get('sample/Shape.class'), readFileSync(join(classesDir, 'sample', 'Shape.class')));
    assert.deepEqual(errors.map((e) => [e.reason, e.entryName]), [['entry-not-found', 'sample/Nope.class']]);
  });

  it('follows symbolic links but reports a loop and still lists the rest', async () => {
    const dir = smallClassesDir();
    symlinkSync('..', join(dir, 'org', 'a', 'up'));
    symlinkSync('self', join(dir, 'self'));
    symlinkSync(join(dir, 'org', 'a', 'A.class'), join(dir, 'Linked.class'));
    const index = await indexDirectory(dir);
    assert.deepEqual(index.entries.map((e) => e.name), ['Linked.class', 'org/a/A.class']);
    assert.deepEqual(index.problems.map((p) => p.reason).sort(), ['symlink-loop', 'symlink-loop']);
  });

  it('reports a missing directory, a file given as a directory, and too many files', async () => {
    const dir = smallClassesDir();
    await assertArchiveError(indexDirectory(join(dir, 'absent')), 'missing');
    await assertArchiveError(indexDirectory(join(dir, 'org', 'a', 'A.class')), 'unreadable');
    writeFileSync(join(dir, 'B.class'), 'x');
    await assertArchiveError(indexDirectory(dir, { limits: { maxEntries: 1 } }), 'too-many-entries');
  });

  it('reports directories nested past the depth limit', async () => {
    const dir = smallClassesDir();
    const index = await indexDirectory(dir, { limits: { maxDirectoryDepth: 1 } });
    assert.deepEqual(index.problems.map((p) => p.reason), ['too-deep']);
  });

  it('reports an unreadable subdirectory and lists the rest', { skip: process.getuid?.() === 0 ? 'root can read every directory' : false }, async () => {
    const dir = smallClassesDir();
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o000);
    try {
      const index = await indexDirectory(dir);
      assert.deepEqual(index.problems.map((p) => p.reason), ['unreadable']);
      assert.deepEqual(index.entries.map((e) => e.name), ['org/a/A.class']);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
});
