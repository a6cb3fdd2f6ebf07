import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getFileNameLowLevel, open as openZip, type Entry } from 'yauzl';
import { CachedFileReader } from '../../../src/core/archive/cachedFileReader';
import { listPlainCentralDirectory, type RawEntry } from '../../../src/core/archive/plainCentralDirectory';
import { fixturePath } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';
import { manyEntriesZip, writeZip } from './zipWriter';

const scratch = tempDir('plain-cd');

/** What yauzl lists (the reference): every entry, folders included, names decoded as openJar asks it to. */
function yauzlListing(path: string): Promise<RawEntry[]> {
  return new Promise((resolve, reject) => {
    openZip(path, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (error, zip) => {
      if (error) return reject(error);
      const entries: RawEntry[] = [];
      zip.on('entry', (entry: Entry) => {
        entries.push({
          name: getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false),
          crc32: entry.crc32,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          compressionMethod: entry.compressionMethod,
          isEncrypted: entry.isEncrypted(),
          localHeaderOffset: entry.relativeOffsetOfLocalHeader,
        });
        zip.readEntry();
      });
      zip.on('end', () => {
        zip.close();
        resolve(entries);
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function plainListing(path: string): Promise<RawEntry[] | undefined> {
  const reader = await CachedFileReader.open(path);
  try {
    return await listPlainCentralDirectory(reader, 500_000);
  } finally {
    await reader.closeFile();
  }
}

function jarsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jarsUnder(path);
    return entry.name.endsWith('.jar') ? [path] : [];
  });
}

function zipFile(name: string, bytes: Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

const classBytes = Buffer.from('cafebabe00000034', 'hex');

describe('listPlainCentralDirectory', () => {
  it('lists every fixture jar it accepts exactly as yauzl does, and accepts the ordinary ones', async () => {
    let accepted = 0;
    let checked = 0;
    for (const jar of jarsUnder(fixturePath())) {
      let reference: RawEntry[];
      try {
        reference = await yauzlListing(jar);
      } catch {
        // A deliberately broken fixture: the plain reader must not list it either.
        assert.equal(await plainListing(jar).catch(() => undefined), undefined, jar);
        continue;
      }
      checked++;
      const plain = await plainListing(jar);
      if (plain === undefined) continue;
      accepted++;
      assert.deepEqual(plain, reference, jar);
    }
    assert.ok(checked > 20, `fixture jars checked: ${checked}`);
    assert.ok(accepted >= checked * 0.9, `accepted ${accepted} of ${checked} readable fixture jars`);
  });

  it('decodes UTF-8 names and turns backslashes into slashes, as yauzl does', async () => {
    const path = zipFile('names.jar', writeZip([
      { name: 'a\\b\\C.class', data: classBytes },
      { name: 'ünï/cødé.class', data: classBytes, method: 'deflated' },
      { name: 'dir/', data: Buffer.alloc(0) },
    ]));
    const plain = await plainListing(path);
    assert.deepEqual(plain?.map((entry) => entry.name), ['a/b/C.class', 'ünï/cødé.class', 'dir/']);
    assert.deepEqual(plain, await yauzlListing(path));
  });

  it('leaves zip64, a comment, a stored entry whose sizes disagree and uncounted entries to yauzl', async () => {
    const entries = [{ name: 'A.class', data: classBytes }];
    assert.equal(await plainListing(zipFile('zip64.jar', writeZip(entries, { zip64: true }))), undefined);

    const withComment = writeZip(entries);
    withComment.writeUInt16LE(7, withComment.length - 2);
    assert.equal(await plainListing(zipFile('comment.jar', Buffer.concat([withComment, Buffer.from('comment')]))), undefined);

    assert.equal(await plainListing(zipFile('lying.jar', writeZip([{ name: 'A.class', data: classBytes, declaredSize: 3 }]))), undefined);
    // 70,000 entries written without zip64: the 16-bit count wraps, and the directory holds more than it says.
    assert.equal(await plainListing(zipFile('wrapped.jar', manyEntriesZip(70_000, false))), undefined);
  });

  it('gives up on bytes that are not a zip, or a zip cut short, instead of throwing', async () => {
    assert.equal(await plainListing(zipFile('html.jar', Buffer.from('<html>404</html>'))), undefined);
    const whole = writeZip([{ name: 'A.class', data: classBytes }]);
    assert.equal(await plainListing(zipFile('cut.jar', whole.subarray(0, whole.length - 5))), undefined);
    const tiny = Buffer.from('PK');
    assert.equal(await plainListing(zipFile('tiny.jar', tiny)), undefined);
  });
});
