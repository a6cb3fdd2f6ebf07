import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ArchiveEntry, ClasspathIndex } from '../archive/archiveEntry';
import { ArchiveError, archiveErrorFromFs } from '../archive/archiveError';
import type { ArchiveLimits } from '../archive/archiveLimits';
import { indexClasspathEntry } from '../archive/classpathEntries';
import type { CachedClass, CachedJar, JarIndexCache } from '../cache/jarIndexCache';
import { cachedFailure, readJarIntoCache } from '../cache/cachedJarRead';
import type { ClassSummary } from './classSummary';
import type { ClassParsePool } from './workers/classParsePool';

/** One classpath element, indexed: the classes it defines as the JVM would load them. */
export interface IndexedEntry {
  readonly path: string;
  readonly index: ClasspathIndex | undefined;
  /** Why the element could not be read at all; then it defines no classes. */
  readonly failure: ArchiveError | undefined;
  /** Parts of a directory that could not be read (the rest is indexed). */
  readonly problems: readonly ArchiveError[];
  /**
   * Binary name -> the entry a class loader reads for it: in a multi-release jar the highest
   * `META-INF/versions/N/` copy with N <= the JDK's release, else the base entry (JEP 238).
   * module-info and package-info are left out: neither is a class a program links against.
   */
  readonly classes: ReadonlyMap<string, ArchiveEntry>;
}

/** The classes of an element, parsed: a summary per binary name, or the parse error of its entry. */
export type ParsedClasses = ReadonlyMap<string, CachedClass>;

export interface ClasspathIndexerOptions {
  readonly cache: JarIndexCache;
  readonly pool: ClassParsePool;
  /** The JDK's feature release (e.g. 17), choosing multi-release versions; undefined: base entries. */
  readonly javaRelease: number | undefined;
  readonly limits?: Partial<ArchiveLimits>;
}

/**
 * Indexes classpath elements once per run (and jars once per file version, through the persistent
 * cache), and parses their classes only when an analysis asks for them.
 */
export class ClasspathIndexer {
  private readonly indexed = new Map<string, Promise<IndexedEntry>>();
  private readonly parsed = new Map<string, Promise<ParsedClasses>>();
  private readonly cachedJars = new Map<string, CachedJar>();
  /** Jars read so far by file identity (see fileIdentity): what indexSameFile answers from. */
  private readonly byIdentity = new Map<string, Promise<IndexedEntry>>();
  /** Elements some of whose classes this indexer parsed (the others' all came from the cache). */
  private readonly parsedHere = new Set<string>();

  constructor(private readonly options: ClasspathIndexerOptions) {}

  index(path: string, signal?: AbortSignal): Promise<IndexedEntry> {
    let result = this.indexed.get(path);
    if (result === undefined) {
      result = this.read(path, signal);
      this.indexed.set(path, result);
    }
    return result;
  }

  /**
   * index(path), except that a jar already read under another path to the same file is not read again: its
   * entry is the answer, named by that other path. Debian's repository links one jar under several versions
   * (`1.2.3`, `debian`); a look-up among a repository's versions reads each file once. Only for callers that
   * want a jar's classes, not its path.
   */
  async indexSameFile(path: string, signal?: AbortSignal): Promise<IndexedEntry> {
    const known = this.indexed.get(path);
    if (known !== undefined) return known;
    const identity = fileIdentity(await stat(path).catch(() => undefined));
    if (identity === undefined) return this.index(path, signal);
    let entry = this.byIdentity.get(identity);
    if (entry === undefined) {
      entry = this.index(path, signal);
      this.byIdentity.set(identity, entry);
    }
    return entry;
  }

  /** Parses every class the element defines (see IndexedEntry.classes). */
  classesOf(entry: IndexedEntry, signal?: AbortSignal): Promise<ParsedClasses> {
    let result = this.parsed.get(entry.path);
    if (result === undefined) {
      result = this.parse(entry, signal);
      this.parsed.set(entry.path, result);
    }
    return result;
  }

  /** Whether classesOf parsed some of the element's classes rather than finding them all in the cache. */
  parsedClassesOf(entry: IndexedEntry): boolean {
    return this.parsedHere.has(entry.path);
  }

  private async read(path: string, signal: AbortSignal | undefined): Promise<IndexedEntry> {
    let stats;
    try {
      stats = await stat(path);
    } catch (error) {
      return failed(path, archiveErrorFromFs(error, path));
    }
    if (stats.isDirectory()) {
      try {
        const index = await indexClasspathEntry(path, { signal, limits: this.options.limits });
        return indexed(path, index, index.kind === 'directory' ? index.problems : [], this.options.javaRelease);
      } catch (error) {
        if (!(error instanceof ArchiveError)) throw error;
        return failed(path, error);
      }
    }
    const { cache } = this.options;
    let jar = await cache.get(path, stats.size, stats.mtimeMs);
    if (jar === undefined) {
      // A jar not in the cache will have its classes parsed: the workers start while jars are listed.
      this.options.pool.warmUp();
      jar = await readJarIntoCache(cache, path, stats, { signal, limits: this.options.limits });
    }
    this.cachedJars.set(path, jar);
    const entry = jar.index === undefined ? failed(path, cachedFailure(jar)) : indexed(path, jar.index, [], this.options.javaRelease);
    const identity = fileIdentity(stats);
    if (identity !== undefined && !this.byIdentity.has(identity)) this.byIdentity.set(identity, Promise.resolve(entry));
    return entry;
  }

  /**
   * Starts parsing a jar's classes now, on the parse workers, while the caller goes on with work that
   * needs none (the editor's first answer): a later run that asks for them (the full pass, with its own
   * indexer) waits for this parse through the cache instead of parsing again.
   */
  startParsing(entry: IndexedEntry, signal?: AbortSignal): void {
    if (entry.index?.kind !== 'jar' || !this.cachedJars.has(entry.path)) return;
    this.classesOf(entry, signal).catch(() => undefined);
  }

  /**
   * startParsing for a jar read afresh in this run, none of whose classes is parsed yet: a full check
   * parses them anyway, and starting now overlaps that with the checks that need no class. A jar whose
   * classes the cache folder may hold is left alone (a run whose linkage facts are cached reads none).
   */
  startParsingFresh(entry: IndexedEntry, signal?: AbortSignal): void {
    const jar = this.cachedJars.get(entry.path);
    if (jar === undefined || !jar.classesLoaded || jar.classes.size > 0) return;
    this.startParsing(entry, signal);
  }

  private async parse(entry: IndexedEntry, signal: AbortSignal | undefined): Promise<ParsedClasses> {
    const jar = this.cachedJars.get(entry.path);
    if (jar === undefined) return this.parseUncached(entry, undefined, signal);
    // Another run's parse of this jar: its classes are in the cached jar once it ends.
    const earlier = parsesUnderWay.get(jar);
    if (earlier !== undefined) await earlier.catch(() => undefined);
    const parsing = this.parseUncached(entry, jar, signal);
    parsesUnderWay.set(jar, parsing);
    const forget = (): void => {
      if (parsesUnderWay.get(jar) === parsing) parsesUnderWay.delete(jar);
    };
    parsing.then(forget, forget);
    return parsing;
  }

  private async parseUncached(entry: IndexedEntry, jar: CachedJar | undefined, signal: AbortSignal | undefined): Promise<ParsedClasses> {
    const result = new Map<string, CachedClass>();
    if (entry.index === undefined) return result;
    if (jar !== undefined) await this.options.cache.loadClasses(jar);
    const earlier = jar === undefined ? undefined : completeClasses.get(jar);
    // A jar's recorded classes only grow: the same count means the same classes.
    if (earlier !== undefined && earlier.classes === entry.classes && earlier.recorded === jar!.classes.size) return earlier.parsed;
    const wanted: string[] = [];
    const wantedEntries: ArchiveEntry[] = [];
    const classOfEntry = new Map<string, string>();
    for (const [className, archiveEntry] of entry.classes) {
      const known = jar?.classes.get(archiveEntry.name);
      if (known !== undefined) {
        result.set(className, known);
      } else {
        wanted.push(archiveEntry.name);
        wantedEntries.push(archiveEntry);
        classOfEntry.set(archiveEntry.name, className);
      }
    }
    if (wanted.length === 0) return rememberComplete(jar, entry, result);
    // A jar's entries to read go with the request: the reader need not list the central directory again.
    const index = entry.index.kind === 'jar' ? { ...entry.index, manifest: undefined, entries: wantedEntries } : undefined;
    // The element's class names go too: the parser keeps only the references that leave the element.
    const request = { kind: entry.index.kind, path: entry.path, entryNames: wanted, ownClasses: [...entry.classes.keys()], ...(index === undefined ? {} : { index }) };
    const batch = await this.options.pool.parseBatch(request, signal);
    this.parsedHere.add(entry.path);
    const fresh: [string, CachedClass][] = [];
    for (const item of batch.entries) {
      const className = classOfEntry.get(item.entryName);
      if (className === undefined) continue;
      const value: CachedClass = 'summary' in item ? item.summary : { error: item.error };
      result.set(className, value);
      fresh.push([item.entryName, value]);
    }
    // The batch's encoding is kept for the cache file only when it holds exactly the classes recorded.
    if (jar !== undefined) {
      this.options.cache.addClasses(jar, fresh, fresh.length === batch.entries.length ? batch.encoded : undefined);
      this.options.cache.writeSoon(jar.path);
    }
    return rememberComplete(jar, entry, result);
  }
}

/**
 * Per cached jar, its parsed classes once every class was recorded: later runs (each with its own indexer)
 * get the same map, without building it again, and what is derived from it can be kept with it.
 */
const completeClasses = new WeakMap<CachedJar, { readonly classes: IndexedEntry['classes']; readonly recorded: number; readonly parsed: ParsedClasses }>();

function rememberComplete(jar: CachedJar | undefined, entry: IndexedEntry, parsed: ParsedClasses): ParsedClasses {
  if (jar !== undefined && parsed.size === entry.classes.size) completeClasses.set(jar, { classes: entry.classes, recorded: jar.classes.size, parsed });
  return parsed;
}

/** Parses of a cached jar's classes under way, across indexers (each run has its own). */
const parsesUnderWay = new WeakMap<CachedJar, Promise<ParsedClasses>>();

export function isSummary(parsed: CachedClass | undefined): parsed is ClassSummary {
  return parsed !== undefined && !('error' in parsed);
}

/**
 * One file's identity whatever path leads to it (a symbolic link, another version's folder): device, inode,
 * size and modification time; undefined when the file system gives no inode (0 on some Windows volumes).
 */
function fileIdentity(stats: Stats | undefined): string | undefined {
  if (stats === undefined || !stats.isFile() || stats.ino === 0) return undefined;
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

function failed(path: string, failure: ArchiveError): IndexedEntry {
  return { path, index: undefined, failure, problems: [], classes: new Map() };
}

function indexed(path: string, index: ClasspathIndex, problems: readonly ArchiveError[], javaRelease: number | undefined): IndexedEntry {
  return { path, index, failure: undefined, problems, classes: classesOfIndex(index, javaRelease) };
}

/**
 * The classes of a jar's index, kept with the index: a jar kept in memory (see JarIndexCache) gives each
 * run the same map, and what is worked out per element's classes (see parseUncached) holds across runs.
 */
const classesByIndex = new WeakMap<ClasspathIndex, { readonly javaRelease: number | undefined; readonly classes: ReadonlyMap<string, ArchiveEntry> }>();

function classesOfIndex(index: ClasspathIndex, javaRelease: number | undefined): ReadonlyMap<string, ArchiveEntry> {
  const known = classesByIndex.get(index);
  if (known !== undefined && known.javaRelease === javaRelease) return known.classes;
  const versioned = index.entries.some((entry) => entry.releaseVersion !== undefined && entry.releaseVersion > 0);
  const classes = versioned ? releaseClasses(index, javaRelease) : baseClasses(index);
  classesByIndex.set(index, { javaRelease, classes });
  return classes;
}

/** Each class from its first entry: what a jar without versioned entries defines. */
function baseClasses(index: ClasspathIndex): Map<string, ArchiveEntry> {
  const classes = new Map<string, ArchiveEntry>();
  for (const entry of index.entries) {
    if (entry.className === undefined || entry.isModuleInfo || entry.isPackageInfo || classes.has(entry.className)) continue;
    classes.set(entry.className, entry);
  }
  return classes;
}

/** Each class from the entry of the highest release up to `javaRelease` (JAR File Specification, multi-release jars). */
function releaseClasses(index: ClasspathIndex, javaRelease: number | undefined): Map<string, ArchiveEntry> {
  const classes = new Map<string, ArchiveEntry>();
  const chosenRelease = new Map<string, number>();
  for (const entry of index.entries) {
    if (entry.className === undefined || entry.isModuleInfo || entry.isPackageInfo) continue;
    const release = entry.releaseVersion ?? 0;
    if (release > 0 && (javaRelease === undefined || release > javaRelease)) {
      // A versioned copy the runtime would not pick; still record the class if nothing else defines it.
      if (!classes.has(entry.className)) {
        classes.set(entry.className, entry);
        chosenRelease.set(entry.className, Number.MAX_SAFE_INTEGER);
      }
      continue;
    }
    const current = chosenRelease.get(entry.className);
    if (current === undefined || current === Number.MAX_SAFE_INTEGER || release > current) {
      classes.set(entry.className, entry);
      chosenRelease.set(entry.className, release);
    }
  }
  return classes;
}
