import { crc32, gunzipSync, inflateRawSync } from 'node:zlib';
import { fromRandomAccessReaderPromise, getFileNameLowLevel, type Entry, type ZipFile } from 'yauzl';
import type { ArchiveEntry, JarIndex } from './archiveEntry';
import { describeEntryName } from './archiveEntry';
import { ArchiveError, archiveErrorFromFs } from './archiveError';
import { resolveLimits, type ArchiveLimits, type ArchiveOptions } from './archiveLimits';
import { CachedFileReader } from './cachedFileReader';
import { manifestAttribute, parseManifestMainSection } from './manifest';
import { listPlainCentralDirectory, type RawEntry } from './plainCentralDirectory';
import { diagnoseUnopenableZip } from './zipDiagnosis';

const MANIFEST_NAME = 'META-INF/MANIFEST.MF';
const STORED = 0;
const DEFLATED = 8;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIZE = 30;
// A local header's name and extra field are at most this long (two u2 lengths): the most an entry's
// data can start after its header offset.
const MAX_LOCAL_HEADER_VARIABLE = 2 * 0xffff;
// Many entries are read with one read of the range they span, when it is at most this large.
const MIN_ENTRIES_FOR_ONE_READ = 8;
const MAX_ONE_READ_BYTES = 64 * 1024 * 1024;
// zlib's smallest output chunk size (zlib.constants.Z_MIN_CHUNK).
const MIN_INFLATE_CHUNK = 64;
// How often (in entries) a long loop looks at the abort signal.
const ABORT_CHECK_INTERVAL = 1024;
// Entries inflated in one zlib call inflate to at most this many bytes together (see inflateTogether).
const MAX_INFLATED_TOGETHER = 16 * 1024 * 1024;
// A gzip member header (RFC 1952 §2.3): deflate, no flags, no time, no extra flags, unknown OS.
const GZIP_MEMBER_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const GZIP_TRAILER_SIZE = 8;

/** Entry bytes that could be read, and a typed error for each entry that could not. */
export interface ReadEntriesResult {
  readonly bytes: Map<string, Buffer>;
  readonly errors: ArchiveError[];
}

/** Options of openJar and readEntries. */
export interface OpenJarOptions extends ArchiveOptions {
  /**
   * An index of this jar made earlier (e.g. cached, or sent to a worker, possibly holding only the
   * entries to read): used instead of listing the central directory again when the file's size and
   * modification time still match it.
   */
  readonly index?: JarIndex;
}

/** A jar opened for reading: its index, and entries inflated on demand. Close it when done. */
export interface OpenJar {
  readonly index: JarIndex;
  /** Inflates the named entries (in file order, each capped at maxInflatedEntrySize). */
  readEntries(names: Iterable<string>, options?: { signal?: AbortSignal }): Promise<ReadEntriesResult>;
  close(): Promise<void>;
}

/**
 * Opens a jar and lists its central directory with yauzl (lazy entries, nothing inflated but the
 * manifest, which decides whether `META-INF/versions/N/` holds versions of classes: JAR File
 * Specification, "Multi-release JAR files"). Zip64 archives are read like any other.
 * @throws ArchiveError 'missing' | 'unreadable' | 'symlink-loop' | 'not-a-zip' | 'truncated' |
 *   'corrupt' | 'too-many-entries' | 'entry-too-large'; an AbortError when `signal` aborts.
 */
export async function openJar(path: string, options: OpenJarOptions = {}): Promise<OpenJar> {
  const limits = resolveLimits(options.limits);
  options.signal?.throwIfAborted();
  let reader: CachedFileReader;
  try {
    reader = await CachedFileReader.open(path);
  } catch (error) {
    throw archiveErrorFromFs(error, path);
  }
  try {
    const stat = reader.stats;
    if (!stat.isFile()) throw new ArchiveError('unreadable', path, 'not a regular file');
    const known = options.index;
    if (known !== undefined && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
      return jarHandle({ ...known, path }, reader, limits);
    }
    const plain = await listPlainCentralDirectory(reader, limits.maxEntries);
    const { entries, manifestEntry } = plain !== undefined ? keptEntries(plain, path, limits) : await listWithYauzl(reader, path, limits, options.signal);
    const manifest = manifestEntry === undefined ? undefined : parseManifestMainSection(
      (await readEntry(reader, manifestEntry, Math.min(limits.maxManifestSize, limits.maxInflatedEntrySize))).toString('utf8'),
    );
    const multiRelease = manifest !== undefined && manifestAttribute(manifest, 'Multi-Release')?.trim().toLowerCase() === 'true';
    const index: JarIndex = {
      kind: 'jar',
      path,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      multiRelease,
      manifest,
      entries: entries.map((entry) => describedEntry(entry, multiRelease)),
    };
    return jarHandle(index, reader, limits);
  } catch (error) {
    await reader.closeFile();
    throw error instanceof ArchiveError || isAbort(error) ? error : archiveErrorFromFs(error, path);
  }
}

interface ListedEntries {
  readonly entries: RawEntry[];
  manifestEntry: RawEntry | undefined;
}

/** Keeps a file entry (folders are dropped) and notes the manifest; an entry that declares an absurd size is refused. */
function keepEntry(raw: RawEntry, kept: ListedEntries, path: string, limits: ArchiveLimits): void {
  if (raw.name.endsWith('/')) return;
  if (raw.uncompressedSize > limits.maxDeclaredEntrySize) {
    throw new ArchiveError('entry-too-large', path, `declares ${raw.uncompressedSize} bytes, more than the limit of ${limits.maxDeclaredEntrySize}`, raw.name);
  }
  if (raw.name.toUpperCase() === MANIFEST_NAME) kept.manifestEntry = raw;
  kept.entries.push(raw);
}

function keptEntries(listed: readonly RawEntry[], path: string, limits: ArchiveLimits): ListedEntries {
  const kept: ListedEntries = { entries: [], manifestEntry: undefined };
  for (const raw of listed) keepEntry(raw, kept, path, limits);
  return kept;
}

/** Any zip the plain reader leaves (zip64, comments, odd names ...), with yauzl's checks and errors. */
async function listWithYauzl(reader: CachedFileReader, path: string, limits: ArchiveLimits, signal: AbortSignal | undefined): Promise<ListedEntries> {
  const zip = await fromRandomAccessReaderPromise(reader, reader.size, {
    lazyEntries: true,
    autoClose: false,
    validateEntrySizes: true,
    // Names are decoded below without yauzl's extraction-safety check ('..', absolute paths):
    // nothing here is ever written to disk under an entry's name.
    decodeStrings: false,
  }).catch(async (error: unknown) => {
    throw await diagnoseUnopenableZip(reader, error);
  });
  const listed = await listEntries(zip, reader, path, limits, signal);
  zip.close();
  return listed;
}

async function listEntries(
  zip: ZipFile,
  reader: CachedFileReader,
  path: string,
  limits: ArchiveLimits,
  signal: AbortSignal | undefined,
): Promise<ListedEntries> {
  // The count comes from the end record: refuse before reading a single header.
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new ArchiveError('too-many-entries', path, `${zip.entryCount} entries, more than the limit of ${limits.maxEntries}`);
  }
  const kept: ListedEntries = { entries: [], manifestEntry: undefined };
  let seen = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (++seen % ABORT_CHECK_INTERVAL === 0) signal?.throwIfAborted();
      keepEntry(rawEntry(entry), kept, path, limits);
    }
  } catch (error) {
    zip.close();
    if (error instanceof ArchiveError || isAbort(error)) throw error;
    throw new ArchiveError('corrupt', path, `central directory: ${error instanceof Error ? error.message : String(error)}`);
  }
  await refuseUncountedEntries(zip, reader, path);
  return kept;
}

/**
 * A writer without zip64 stores the entry count in 16 bits, so 65,536 more entries than it says may
 * follow (the JDK's ZipFile walks the whole directory for this reason): another central header
 * right after the counted ones is refused rather than silently dropping those classes.
 */
async function refuseUncountedEntries(zip: ZipFile, reader: CachedFileReader, path: string): Promise<void> {
  const cursor = (zip as unknown as { readEntryCursor: number }).readEntryCursor;
  if (cursor + 4 > reader.size) return;
  if ((await reader.readAt(cursor, 4)).readUInt32LE(0) === CENTRAL_HEADER_SIGNATURE) {
    throw new ArchiveError('corrupt', path, `the central directory holds more than the ${zip.entryCount} entries its end record counts (over 65,535 entries written without zip64)`);
  }
}

function rawEntry(entry: Entry): RawEntry {
  return {
    name: getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false),
    crc32: entry.crc32,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    compressionMethod: entry.compressionMethod,
    isEncrypted: entry.isEncrypted(),
    localHeaderOffset: entry.relativeOffsetOfLocalHeader,
  };
}

// Written out field by field: object spread here made megamorphic dictionary objects, ten times slower.
function describedEntry(raw: RawEntry, multiRelease: boolean): ArchiveEntry {
  const { className, releaseVersion, isModuleInfo, isPackageInfo } = describeEntryName(raw.name, multiRelease);
  return {
    name: raw.name,
    crc32: raw.crc32,
    compressedSize: raw.compressedSize,
    uncompressedSize: raw.uncompressedSize,
    compressionMethod: raw.compressionMethod,
    isEncrypted: raw.isEncrypted,
    localHeaderOffset: raw.localHeaderOffset,
    className,
    releaseVersion,
    isModuleInfo,
    isPackageInfo,
  };
}

function jarHandle(index: JarIndex, reader: CachedFileReader, limits: ArchiveLimits): OpenJar {
  const byName = new Map<string, ArchiveEntry>();
  return {
    index,
    async readEntries(names, options = {}) {
      if (byName.size === 0) for (const entry of index.entries) byName.set(entry.name, entry);
      const result: ReadEntriesResult = { bytes: new Map(), errors: [] };
      const wanted: ArchiveEntry[] = [];
      for (const name of new Set(names)) {
        const entry = byName.get(name);
        if (entry === undefined) result.errors.push(new ArchiveError('entry-not-found', index.path, 'no such entry', name));
        else wanted.push(entry);
      }
      // File order turns the reads into one sequential pass through the read-ahead block.
      wanted.sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
      await preloadSpan(reader, wanted);
      let together: InflatedTogether = { inflated: new Map(), end: 0 };
      for (let i = 0; i < wanted.length; i++) {
        if (i % 64 === 0) options.signal?.throwIfAborted();
        const entry = wanted[i]!;
        if (i >= together.end) together = await inflateTogether(reader, wanted, i, limits.maxInflatedEntrySize);
        const inflated = together.inflated.get(entry);
        if (inflated !== undefined) {
          result.bytes.set(entry.name, inflated);
          continue;
        }
        try {
          result.bytes.set(entry.name, await readEntry(reader, entry, limits.maxInflatedEntrySize));
        } catch (error) {
          result.errors.push(error instanceof ArchiveError ? error : new ArchiveError('corrupt', index.path, String(error), entry.name));
        }
      }
      return result;
    },
    close: () => reader.closeFile(),
  };
}

/**
 * Reads the whole range that many entries span in one read, rather than one read-ahead block at a time
 * (each a system call and a thread-pool round trip), when the range is not too large.
 */
async function preloadSpan(reader: CachedFileReader, sorted: readonly RawEntry[]): Promise<void> {
  if (sorted.length < MIN_ENTRIES_FOR_ONE_READ) return;
  const first = sorted[0]!.localHeaderOffset;
  const last = sorted[sorted.length - 1]!;
  const end = Math.min(reader.size, last.localHeaderOffset + LOCAL_HEADER_SIZE + MAX_LOCAL_HEADER_VARIABLE + last.compressedSize);
  if (end - first > MAX_ONE_READ_BYTES) return;
  await reader.preload(first, end - first);
}

/** Entries inflated by one zlib call, by entry; `end`: the index in the sorted entries after those it considered. */
interface InflatedTogether {
  readonly inflated: Map<RawEntry, Buffer>;
  readonly end: number;
}

/**
 * Inflates deflated entries from `sorted[from]` on, up to MAX_INFLATED_TOGETHER bytes, in one zlib call:
 * each entry's data becomes a gzip member (RFC 1952) whose trailer holds the central directory's CRC-32
 * and size, and zlib inflates concatenated members one after another, checking each one's CRC-32 and
 * size. A zlib call per entry builds a stream object per entry, which costs as much as inflating a small
 * class. Entries it leaves out (stored, encrypted, too large, no local header) and every entry of a call
 * that fails (one corrupt entry, a size that lies) are read on their own by readEntry, which says why.
 */
async function inflateTogether(reader: CachedFileReader, sorted: readonly RawEntry[], from: number, maxSize: number): Promise<InflatedTogether> {
  const members: Buffer[] = [];
  const placed: RawEntry[] = [];
  let inflatedSize = 0;
  let memberBytes = 0;
  let end = from;
  for (; end < sorted.length && inflatedSize < MAX_INFLATED_TOGETHER; end++) {
    const entry = sorted[end]!;
    if (entry.isEncrypted || entry.compressionMethod !== DEFLATED || entry.uncompressedSize > maxSize || entry.crc32 === undefined) continue;
    const data = await entryData(reader, entry).catch(() => undefined);
    if (data === undefined) continue;
    const trailer = Buffer.allocUnsafe(GZIP_TRAILER_SIZE);
    trailer.writeUInt32LE(entry.crc32 >>> 0, 0);
    trailer.writeUInt32LE(entry.uncompressedSize >>> 0, 4);
    members.push(GZIP_MEMBER_HEADER, data, trailer);
    memberBytes += GZIP_MEMBER_HEADER.length + data.length + GZIP_TRAILER_SIZE;
    placed.push(entry);
    inflatedSize += entry.uncompressedSize;
  }
  const together: InflatedTogether = { inflated: new Map(), end };
  if (placed.length === 0) return together;
  let inflated: Buffer;
  try {
    // As readEntry: inflation stops at the declared sizes, into one chunk one byte larger than their sum.
    inflated = gunzipSync(Buffer.concat(members, memberBytes), { maxOutputLength: Math.max(1, inflatedSize), chunkSize: Math.max(MIN_INFLATE_CHUNK, inflatedSize + 1) });
  } catch {
    return together;
  }
  if (inflated.length !== inflatedSize) return together;
  let at = 0;
  for (const entry of placed) {
    together.inflated.set(entry, inflated.subarray(at, at + entry.uncompressedSize));
    at += entry.uncompressedSize;
  }
  return together;
}

/** An entry's stored bytes, after its local header (APPNOTE 4.3.7); undefined when no local header is where the central directory points. */
async function entryData(reader: CachedFileReader, entry: RawEntry): Promise<Buffer | undefined> {
  const header = await reader.readAt(entry.localHeaderOffset, LOCAL_HEADER_SIZE);
  if (header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) return undefined;
  return reader.readAt(entry.localHeaderOffset + LOCAL_HEADER_SIZE + header.readUInt16LE(26) + header.readUInt16LE(28), entry.compressedSize);
}

/**
 * Reads one entry's local header and data and inflates it (APPNOTE 4.3.7), refusing encrypted
 * entries and anything that would inflate past `maxSize` whatever size it declares.
 */
async function readEntry(reader: CachedFileReader, entry: RawEntry, maxSize: number): Promise<Buffer> {
  const fail = (reason: ArchiveError['reason'], detail: string) => new ArchiveError(reason, reader.path, detail, entry.name);
  if (entry.isEncrypted) throw fail('encrypted', 'the entry is encrypted');
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw fail('unsupported-compression', `compression method ${entry.compressionMethod}`);
  }
  if (entry.uncompressedSize > maxSize) throw fail('entry-too-large', `${entry.uncompressedSize} bytes, more than the limit of ${maxSize}`);
  const data = await entryData(reader, entry);
  if (data === undefined) throw fail('corrupt', 'no local file header where the central directory points');
  let bytes: Buffer;
  if (entry.compressionMethod === STORED) {
    bytes = Buffer.from(data);
  } else {
    try {
      // Inflation stops at the declared size: an entry that lies about its size cannot grow past it.
      // One output chunk one byte larger than the declared size: zlib fills it in one call, where 16 KiB
      // chunks (the default) cost an allocation each and a copy to join them.
      bytes = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize), chunkSize: Math.max(MIN_INFLATE_CHUNK, entry.uncompressedSize + 1) });
    } catch (error) {
      throw fail('corrupt', `cannot inflate: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (bytes.length !== entry.uncompressedSize) {
    throw fail('corrupt', `inflates to ${bytes.length} bytes, the central directory says ${entry.uncompressedSize}`);
  }
  if (crc32(bytes) !== entry.crc32) throw fail('corrupt', 'CRC-32 does not match the central directory');
  return bytes;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Lists a jar without keeping it open: see {@link openJar}. */
export async function indexJar(path: string, options: ArchiveOptions = {}): Promise<JarIndex> {
  const jar = await openJar(path, options);
  await jar.close();
  return jar.index;
}

/** Opens a jar, inflates the named entries and closes it again: see {@link openJar}. */
export async function readEntries(path: string, names: Iterable<string>, options: OpenJarOptions = {}): Promise<ReadEntriesResult> {
  const jar = await openJar(path, options);
  try {
    return await jar.readEntries(names, options);
  } finally {
    await jar.close();
  }
}
