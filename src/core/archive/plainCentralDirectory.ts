import type { ArchiveEntry } from './archiveEntry';
import type { CachedFileReader } from './cachedFileReader';

/** An entry as the central directory lists it, before its name is interpreted as a class. */
export type RawEntry = Omit<ArchiveEntry, 'className' | 'releaseVersion' | 'isModuleInfo' | 'isPackageInfo'>;

const END_RECORD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_RECORD_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const CENTRAL_HEADER_SIZE = 46;
const UTF8_NAMES_FLAG = 0x800;
const STRONG_ENCRYPTION_FLAG = 0x40;
const ENCRYPTED_FLAG = 0x1;
const UNICODE_PATH_EXTRA_FIELD = 0x7075;
const ZIP64_MARKER = 0xffffffff;
const BACKSLASH = 0x5c;
const SLASH = '/';

/**
 * Lists the central directory of a plain zip (APPNOTE 4.3.12, 4.3.16) with one read and one loop:
 * no comment after the end record, no zip64, no multi-disk, the directory right before the end
 * record, every header well-formed, names in UTF-8 (flag bit 11) or printable ASCII, no Info-ZIP
 * Unicode path field, stored entries whose sizes agree. Nearly every jar is such a zip, and listing
 * it this way costs a fraction of yauzl's two reads and one promise per entry. Anything else gives
 * undefined, and the caller lists the archive with yauzl, which reads every variant and reports every
 * defect; for the archives this accepts, both give the same entries
 * (test/unit/archive/plainCentralDirectory.test.ts), names with `\` turned into `/` as yauzl does.
 */
export async function listPlainCentralDirectory(reader: CachedFileReader, maxEntries: number): Promise<RawEntry[] | undefined> {
  const size = reader.size;
  if (size < END_RECORD_SIZE) return undefined;
  const tailLength = Math.min(size, END_RECORD_SIZE + ZIP64_LOCATOR_SIZE);
  const tail = await reader.readAt(size - tailLength, tailLength);
  const end = tailLength - END_RECORD_SIZE;
  if (tail.readUInt32LE(end) !== END_RECORD_SIGNATURE || tail.readUInt16LE(end + 20) !== 0) return undefined;
  if (end >= ZIP64_LOCATOR_SIZE && tail.readUInt32LE(end - ZIP64_LOCATOR_SIZE) === ZIP64_LOCATOR_SIGNATURE) return undefined;
  const diskNumber = tail.readUInt16LE(end + 4);
  const entryCount = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (diskNumber !== 0 || entryCount > maxEntries || directoryOffset + directorySize !== size - END_RECORD_SIZE) return undefined;
  const directory = await reader.readAt(directoryOffset, directorySize);
  return parseDirectory(directory, entryCount);
}

function parseDirectory(directory: Buffer, entryCount: number): RawEntry[] | undefined {
  const entries: RawEntry[] = [];
  let at = 0;
  for (let i = 0; i < entryCount; i++) {
    if (at + CENTRAL_HEADER_SIZE > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) return undefined;
    const flags = directory.readUInt16LE(at + 8);
    const compressionMethod = directory.readUInt16LE(at + 10);
    const crc32 = directory.readUInt32LE(at + 16);
    const compressedSize = directory.readUInt32LE(at + 20);
    const uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const localHeaderOffset = directory.readUInt32LE(at + 42);
    const nameStart = at + CENTRAL_HEADER_SIZE;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directory.length || (flags & STRONG_ENCRYPTION_FLAG) !== 0) return undefined;
    if (compressedSize === ZIP64_MARKER || uncompressedSize === ZIP64_MARKER || localHeaderOffset === ZIP64_MARKER) return undefined;
    const isEncrypted = (flags & ENCRYPTED_FLAG) !== 0;
    // yauzl's validateEntrySizes: a stored entry is as long as its data (plus the 12-byte header of
    // traditional encryption).
    if (compressionMethod === 0 && compressedSize !== uncompressedSize + (isEncrypted ? 12 : 0)) return undefined;
    if (!extraFieldsArePlain(directory, extraStart, extraStart + extraLength)) return undefined;
    const name = entryName(directory, nameStart, extraStart, (flags & UTF8_NAMES_FLAG) !== 0);
    if (name === undefined) return undefined;
    entries.push({ name, crc32, compressedSize, uncompressedSize, compressionMethod, isEncrypted, localHeaderOffset });
    at = next;
  }
  // Every byte of the directory belongs to a counted entry: more headers would be uncounted entries.
  return at === directory.length ? entries : undefined;
}

/** Extra fields well-formed as yauzl parses them, and none that changes a name (Info-ZIP Unicode path). */
function extraFieldsArePlain(directory: Buffer, start: number, end: number): boolean {
  let at = start;
  while (at < end - 3) {
    const id = directory.readUInt16LE(at);
    const dataEnd = at + 4 + directory.readUInt16LE(at + 2);
    // A zip64 field (0x0001) only matters with a 0xffffffff marker, which the caller already refused.
    if (dataEnd > end || id === UNICODE_PATH_EXTRA_FIELD) return false;
    at = dataEnd;
  }
  return true;
}

/** The name in UTF-8, or in printable ASCII (where CP437, the other encoding, agrees); else undefined. */
function entryName(directory: Buffer, start: number, end: number, utf8: boolean): string | undefined {
  let hasBackslash = false;
  if (!utf8) {
    for (let i = start; i < end; i++) {
      const byte = directory[i]!;
      if (byte < 0x20 || byte > 0x7e) return undefined;
      if (byte === BACKSLASH) hasBackslash = true;
    }
  }
  const name = directory.toString(utf8 ? 'utf8' : 'latin1', start, end);
  return hasBackslash || (utf8 && name.includes('\\')) ? name.replace(/\\/g, SLASH) : name;
}
