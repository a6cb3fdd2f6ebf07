import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describeEntryName, type ArchiveEntry, type JarIndex } from '../archive/archiveEntry';
import type { ArchiveErrorReason } from '../archive/archiveError';
import type { ClassSummary } from '../analysis/classSummary';
import { writeJsonAtomically } from './atomicWrite';
import { decodeSummary, encodeSummary, StringTable } from './classSummaryCodec';

// Bumped whenever the record's shape or the meaning of a summary changes: older files are ignored.
const CACHE_FORMAT = 3;
const WRITE_BATCH = 8;

/** name, crc32, compressedSize, uncompressedSize, compressionMethod, encrypted (0/1), localHeaderOffset. */
type CompactEntry = [string, number, number, number, number, number, number];

/** A parsed class entry, or why it could not be parsed. */
export type CachedClass = ClassSummary | { readonly error: string };

/** What is known about one jar file, valid while its path, size and modification time are unchanged. */
export interface CachedJar {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** The jar's index, or why it could not be read (the same file fails the same way). */
  readonly index: JarIndex | undefined;
  readonly failure: { readonly reason: ArchiveErrorReason; readonly message: string } | undefined;
  /**
   * Class entries parsed so far, by entry name; filled in as analyses ask. For a jar read back from the
   * cache folder these are stored apart and read on demand: call JarIndexCache.loadClasses first.
   */
  readonly classes: Map<string, CachedClass>;
  /** Whether `classes` holds what the cache folder stored for this jar (or the jar was read afresh). */
  classesLoaded: boolean;
}

/** Which jar file version a cache file describes. */
interface CacheFileHeader {
  format: number;
  path: string;
  size: number;
  mtimeMs: number;
}

interface CacheFile extends CacheFileHeader {
  multiRelease?: boolean;
  manifest?: Record<string, string>;
  entries?: CompactEntry[];
  failure?: { reason: ArchiveErrorReason; message: string };
}

/** The parsed classes of a jar, in a file of their own: a run that needs only the index never reads them. */
interface ClassesFile extends CacheFileHeader {
  /** The string table of the encoded summaries (see classSummaryCodec). */
  strings: string[];
  /** Entry name -> an encoded summary, or the parse error's text. */
  classes: [string, number[] | string][];
}

/** The default cache folder: `$XDG_CACHE_HOME/jarscope`, else `~/.cache/jarscope`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'jarscope');
}

/**
 * Jar indexes and parsed class summaries kept across runs, two JSON files per jar under `<dir>/jars/`
 * (the index, and the parsed classes read only when asked for),
 * keyed by the jar's path and valid only for the size and modification time it was read at: an
 * unchanged jar is never read twice. Without a folder it only caches in memory. A cache file that is
 * unreadable or of another format is ignored and rewritten; writing is best effort (a read-only cache
 * folder costs speed, never results).
 */
export class JarIndexCache {
  private readonly memory = new Map<string, CachedJar>();
  private readonly dirty = new Set<string>();

  constructor(readonly dir: string | undefined) {}

  /** The cached jar at `path` if it was cached with this size and modification time. */
  async get(path: string, size: number, mtimeMs: number): Promise<CachedJar | undefined> {
    const known = this.memory.get(path);
    if (known !== undefined) return known.size === size && known.mtimeMs === mtimeMs ? known : undefined;
    if (this.dir === undefined) return undefined;
    let file: CacheFile;
    try {
      file = JSON.parse(await readFile(this.fileFor(path), 'utf8')) as CacheFile;
    } catch {
      return undefined;
    }
    if (!sameVersion(file, path, size, mtimeMs)) return undefined;
    let jar: CachedJar;
    try {
      jar = fromFile(file);
    } catch {
      return undefined;
    }
    this.memory.set(path, jar);
    return jar;
  }

  /**
   * Reads the parsed classes stored for a jar read back from the cache folder into `jar.classes`. A
   * missing or damaged classes file leaves them unknown: they are parsed again and rewritten.
   */
  async loadClasses(jar: CachedJar): Promise<void> {
    if (jar.classesLoaded) return;
    jar.classesLoaded = true;
    if (this.dir === undefined) return;
    let stored: [string, CachedClass][];
    try {
      const file = JSON.parse(await readFile(this.classesFileFor(jar.path), 'utf8')) as ClassesFile;
      if (!sameVersion(file, jar.path, jar.size, jar.mtimeMs)) return;
      stored = file.classes.map(([name, data]): [string, CachedClass] => [name, typeof data === 'string' ? { error: data } : decodeSummary(data, file.strings)]);
    } catch {
      return;
    }
    for (const [name, parsed] of stored) if (!jar.classes.has(name)) jar.classes.set(name, parsed);
  }

  /** Records a freshly read jar (its index or its failure). */
  put(jar: CachedJar): void {
    this.memory.set(jar.path, jar);
    this.dirty.add(jar.path);
  }

  /** Records parsed classes of a cached jar. */
  addClasses(jar: CachedJar, classes: Iterable<[string, CachedClass]>): void {
    for (const [name, parsed] of classes) jar.classes.set(name, parsed);
    this.dirty.add(jar.path);
  }

  /** Writes every jar changed since the last flush. */
  async flush(): Promise<void> {
    if (this.dir === undefined) {
      this.dirty.clear();
      return;
    }
    const paths = [...this.dirty];
    this.dirty.clear();
    try {
      await mkdir(join(this.dir, 'jars'), { recursive: true });
    } catch {
      return;
    }
    // A few files at a time: the writes overlap with encoding the next jar.
    for (let i = 0; i < paths.length; i += WRITE_BATCH) {
      await Promise.all(paths.slice(i, i + WRITE_BATCH).map((path) => this.write(path)));
    }
  }

  private async write(path: string): Promise<void> {
    const jar = this.memory.get(path);
    if (jar === undefined) return;
    // The classes file first: an index file is only ever next to the classes of its own jar version.
    if (jar.classesLoaded) await writeJsonAtomically(this.classesFileFor(path), classesToFile(jar));
    await writeJsonAtomically(this.fileFor(path), toFile(jar));
  }

  private fileFor(path: string): string {
    return join(this.dir!, 'jars', `${fileKey(path)}.json`);
  }

  private classesFileFor(path: string): string {
    return join(this.dir!, 'jars', `${fileKey(path)}.classes.json`);
  }
}

function fileKey(path: string): string {
  return createHash('sha1').update(path).digest('hex');
}

function sameVersion(header: CacheFileHeader, path: string, size: number, mtimeMs: number): boolean {
  return header.format === CACHE_FORMAT && header.path === path && header.size === size && header.mtimeMs === mtimeMs;
}

function classesToFile(jar: CachedJar): ClassesFile {
  const table = new StringTable();
  const classes: [string, number[] | string][] = [...jar.classes].map(([name, parsed]) => [name, 'error' in parsed ? parsed.error : encodeSummary(parsed, table)]);
  return { format: CACHE_FORMAT, path: jar.path, size: jar.size, mtimeMs: jar.mtimeMs, strings: table.strings, classes };
}

function toFile(jar: CachedJar): CacheFile {
  const file: CacheFile = { format: CACHE_FORMAT, path: jar.path, size: jar.size, mtimeMs: jar.mtimeMs };
  if (jar.failure !== undefined) file.failure = jar.failure;
  if (jar.index !== undefined) {
    file.multiRelease = jar.index.multiRelease;
    if (jar.index.manifest !== undefined) file.manifest = { ...jar.index.manifest };
    file.entries = jar.index.entries.map((entry) => [
      entry.name,
      entry.crc32 ?? 0,
      entry.compressedSize,
      entry.uncompressedSize,
      entry.compressionMethod,
      entry.isEncrypted ? 1 : 0,
      entry.localHeaderOffset,
    ]);
  }
  return file;
}

function fromFile(file: CacheFile): CachedJar {
  const multiRelease = file.multiRelease === true;
  const index: JarIndex | undefined =
    file.entries === undefined
      ? undefined
      : {
          kind: 'jar',
          path: file.path,
          size: file.size,
          mtimeMs: file.mtimeMs,
          multiRelease,
          manifest: file.manifest,
          entries: file.entries.map((compact) => entryFrom(compact, multiRelease)),
        };
  return {
    path: file.path,
    size: file.size,
    mtimeMs: file.mtimeMs,
    index,
    failure: file.failure,
    classes: new Map(),
    classesLoaded: false,
  };
}

function entryFrom([name, crc32, compressedSize, uncompressedSize, compressionMethod, encrypted, localHeaderOffset]: CompactEntry, multiRelease: boolean): ArchiveEntry {
  const { className, releaseVersion, isModuleInfo, isPackageInfo } = describeEntryName(name, multiRelease);
  return {
    name,
    crc32,
    compressedSize,
    uncompressedSize,
    compressionMethod,
    isEncrypted: encrypted === 1,
    localHeaderOffset,
    className,
    releaseVersion,
    isModuleInfo,
    isPackageInfo,
  };
}
