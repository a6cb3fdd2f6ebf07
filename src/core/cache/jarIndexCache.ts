import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describeEntryName, type ArchiveEntry, type JarIndex } from '../archive/archiveEntry';
import type { ArchiveErrorReason } from '../archive/archiveError';
import type { ClassSummary, ParsedEntry } from '../analysis/classSummary';
import type { PomProperties } from '../folders/pomProperties';
import { decodeParsedEntries, encodeParsedEntries, type EncodedParsedEntries } from '../analysis/workers/parsedEntriesCodec';
import { writeFileAtomically, writeJsonAtomically } from './atomicWrite';
import { classesFileBytes, readClassesFile, type CacheFileHeader } from './classesFile';

// Bumped whenever the record's shape or the meaning of a summary changes: older files are ignored.
const CACHE_FORMAT = 5;
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
  /** `classes` encoded (parsedEntriesCodec), while an encoding of exactly them is at hand: written as is. */
  encodedClasses?: EncodedParsedEntries | undefined;
  /** The jar's pom.properties files once read (a jar folder identifies its jars by them, see identifyJar). */
  pomProperties?: readonly PomProperties[] | undefined;
}

interface CacheFile extends CacheFileHeader {
  multiRelease?: boolean;
  manifest?: Record<string, string>;
  entries?: CompactEntry[];
  failure?: { reason: ArchiveErrorReason; message: string };
  pomProperties?: PomProperties[];
}

/** The default cache folder: `$XDG_CACHE_HOME/jarscope`, else `~/.cache/jarscope`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'jarscope');
}

/**
 * Jar indexes and parsed class summaries kept across runs, two files per jar under `<dir>/jars/` (the
 * index as JSON, and the parsed classes, read only when asked for, as a classesFile),
 * keyed by the jar's path and valid only for the size and modification time it was read at: an
 * unchanged jar is never read twice. Without a folder it only caches in memory. A cache file that is
 * unreadable or of another format is ignored and rewritten; writing is best effort (a read-only cache
 * folder costs speed, never results).
 */
export class JarIndexCache {
  private readonly memory = new Map<string, CachedJar>();
  private readonly dirty = new Set<string>();
  private readonly writes = new Map<string, Promise<void>>();
  private folder: Promise<boolean> | undefined;

  /**
   * `writeAsParsed` (default true): writeSoon writes at once. False keeps every write for flush: a
   * long-lived caller (the editor) flushes once a run has replied, so that writing never takes CPU from
   * the run its user waits for.
   */
  constructor(
    readonly dir: string | undefined,
    private readonly options: { readonly writeAsParsed?: boolean } = {},
  ) {}

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
    let stored: { encoded: EncodedParsedEntries; entries: ParsedEntry[] };
    try {
      const { header, encoded } = readClassesFile(await readFile(this.classesFileFor(jar.path)));
      if (!sameVersion(header, jar.path, jar.size, jar.mtimeMs)) return;
      stored = { encoded, entries: decodeParsedEntries(encoded) };
    } catch {
      return;
    }
    if (jar.classes.size === 0) jar.encodedClasses = stored.encoded;
    for (const entry of stored.entries) if (!jar.classes.has(entry.entryName)) jar.classes.set(entry.entryName, 'summary' in entry ? entry.summary : { error: entry.error });
  }

  /** Records a freshly read jar (its index or its failure). */
  put(jar: CachedJar): void {
    this.memory.set(jar.path, jar);
    this.dirty.add(jar.path);
  }

  /**
   * Records parsed classes of a cached jar; `encoded`: their encoding, when a worker parsed them (entry
   * names as the keys), which becomes the classes file as is if the jar had no parsed class before.
   */
  addClasses(jar: CachedJar, classes: Iterable<[string, CachedClass]>, encoded?: EncodedParsedEntries): void {
    jar.encodedClasses = jar.classes.size === 0 ? encoded : undefined;
    for (const [name, parsed] of classes) jar.classes.set(name, parsed);
    this.dirty.add(jar.path);
  }

  /** Records the pom.properties files read from a cached jar. */
  addPomProperties(jar: CachedJar, pomProperties: readonly PomProperties[]): void {
    jar.pomProperties = pomProperties;
    this.dirty.add(jar.path);
  }

  /**
   * Starts writing a jar's files now, in the background (flush waits for it): a run writes each jar as
   * its classes are parsed, while the main thread waits for other jars' parses, instead of all at the end.
   */
  writeSoon(path: string): void {
    if (this.dir === undefined || this.options.writeAsParsed === false || !this.dirty.delete(path)) return;
    void this.schedule(path);
  }

  /** Writes every jar changed since the last flush, and waits for the writes writeSoon started. */
  async flush(): Promise<void> {
    if (this.dir === undefined) {
      this.dirty.clear();
      return;
    }
    const paths = [...this.dirty];
    this.dirty.clear();
    // A few files at a time: the writes overlap with encoding the next jar.
    for (let i = 0; i < paths.length; i += WRITE_BATCH) {
      await Promise.all(paths.slice(i, i + WRITE_BATCH).map((path) => this.schedule(path)));
    }
    await Promise.all(this.writes.values());
  }

  /** Writes a jar's files after any write of them still under way (two writes of one file would share its temporary file). */
  private schedule(path: string): Promise<void> {
    const previous = this.writes.get(path) ?? Promise.resolve();
    // Best effort: a failed write costs speed, never results (nor the writes after it).
    const next = previous
      .then(async () => {
        if (await this.folderReady()) await this.write(path);
      })
      .catch(() => undefined);
    this.writes.set(path, next);
    const forget = (): void => {
      if (this.writes.get(path) === next) this.writes.delete(path);
    };
    next.then(forget, forget);
    return next;
  }

  /** Creates `<dir>/jars` once; false when it cannot be (writing is best effort). */
  private folderReady(): Promise<boolean> {
    this.folder ??= mkdir(join(this.dir!, 'jars'), { recursive: true }).then(
      () => true,
      () => false,
    );
    return this.folder;
  }

  private async write(path: string): Promise<void> {
    const jar = this.memory.get(path);
    if (jar === undefined) return;
    // The classes file first: an index file is only ever next to the classes of its own jar version.
    // A jar none of whose classes was parsed (one only listed, e.g. to see which classes it has) needs none.
    if (jar.classesLoaded && jar.classes.size > 0) await writeFileAtomically(this.classesFileFor(path), classesToFile(jar));
    await writeJsonAtomically(this.fileFor(path), toFile(jar));
  }

  private fileFor(path: string): string {
    return join(this.dir!, 'jars', `${fileKey(path)}.json`);
  }

  private classesFileFor(path: string): string {
    return join(this.dir!, 'jars', `${fileKey(path)}.classes.bin`);
  }
}

function fileKey(path: string): string {
  return createHash('sha1').update(path).digest('hex');
}

function sameVersion(header: CacheFileHeader, path: string, size: number, mtimeMs: number): boolean {
  return header.format === CACHE_FORMAT && header.path === path && header.size === size && header.mtimeMs === mtimeMs;
}

function classesToFile(jar: CachedJar): Buffer {
  const encoded =
    jar.encodedClasses ?? encodeParsedEntries([...jar.classes].map(([entryName, parsed]): ParsedEntry => ('error' in parsed ? { entryName, error: parsed.error } : { entryName, summary: parsed })));
  return classesFileBytes({ format: CACHE_FORMAT, path: jar.path, size: jar.size, mtimeMs: jar.mtimeMs }, encoded);
}

function toFile(jar: CachedJar): CacheFile {
  const file: CacheFile = { format: CACHE_FORMAT, path: jar.path, size: jar.size, mtimeMs: jar.mtimeMs };
  if (jar.failure !== undefined) file.failure = jar.failure;
  if (jar.pomProperties !== undefined) file.pomProperties = [...jar.pomProperties];
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
    // Absent in a file written before any folder read the jar: then read when asked for.
    pomProperties: Array.isArray(file.pomProperties) ? file.pomProperties : undefined,
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
