import { createReadStream, type Dirent, type Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describeEntryName, type ArchiveEntry, type DirectoryIndex } from './archiveEntry';
import { ArchiveError, archiveErrorFromFs } from './archiveError';
import { resolveLimits, type ArchiveLimits, type ArchiveOptions } from './archiveLimits';
import type { ReadEntriesResult } from './openJar';

// Files of one directory are stat'ed this many at a time.
const STAT_BATCH = 64;

interface Walk {
  readonly root: string;
  readonly limits: ArchiveLimits;
  readonly signal: AbortSignal | undefined;
  readonly entries: ArchiveEntry[];
  readonly problems: ArchiveError[];
}

/**
 * Lists the files below a classpath directory (e.g. `target/classes`) like a jar's entries, following
 * symbolic links as the JDK's class loaders do. CRC-32 is left undefined until `entryCrc32` asks for
 * it. A subdirectory that cannot be read, links back to one of its ancestors, or lies deeper than
 * maxDirectoryDepth is a problem in the index, and the rest is still listed.
 * @throws ArchiveError 'missing' | 'unreadable' | 'symlink-loop' for the directory itself,
 *   'too-many-entries' past maxEntries files; an AbortError when `signal` aborts.
 */
export async function indexDirectory(path: string, options: ArchiveOptions = {}): Promise<DirectoryIndex> {
  options.signal?.throwIfAborted();
  let rootStat: Stats;
  try {
    rootStat = await stat(path);
  } catch (error) {
    throw archiveErrorFromFs(error, path);
  }
  if (!rootStat.isDirectory()) throw new ArchiveError('unreadable', path, 'not a directory');
  const walk: Walk = { root: path, limits: resolveLimits(options.limits), signal: options.signal, entries: [], problems: [] };
  const dirents = await readdir(path, { withFileTypes: true }).catch((error: unknown) => {
    throw archiveErrorFromFs(error, path);
  });
  await walkDirectory(walk, dirents, '', 0, [directoryKey(rootStat)]);
  return { kind: 'directory', path, mtimeMs: rootStat.mtimeMs, entries: walk.entries, problems: walk.problems };
}

function directoryKey(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

async function walkDirectory(walk: Walk, dirents: Dirent[], prefix: string, depth: number, ancestors: readonly string[]): Promise<void> {
  walk.signal?.throwIfAborted();
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: { name: string; stats: Stats }[] = [];
  const directories: { name: string; stats: Stats }[] = [];
  for (let i = 0; i < dirents.length; i += STAT_BATCH) {
    const batch = dirents.slice(i, i + STAT_BATCH);
    const stats = await Promise.all(
      batch.map((dirent) =>
        // stat follows symbolic links: a link to a file is a file, a dangling or looping link a problem.
        stat(join(walk.root, prefix, dirent.name)).catch((error: unknown) => {
          walk.problems.push(archiveErrorFromFs(error, join(walk.root, prefix, dirent.name)));
          return undefined;
        }),
      ),
    );
    batch.forEach((dirent, k) => {
      const found = stats[k];
      if (found?.isDirectory()) directories.push({ name: dirent.name, stats: found });
      else if (found?.isFile()) files.push({ name: dirent.name, stats: found });
    });
  }
  for (const file of files) addFile(walk, prefix + file.name, file.stats.size);
  for (const directory of directories) {
    const full = join(walk.root, prefix, directory.name);
    const key = directoryKey(directory.stats);
    if (ancestors.includes(key)) {
      walk.problems.push(new ArchiveError('symlink-loop', full, 'a symbolic link leads back to a directory above it'));
    } else if (depth + 1 > walk.limits.maxDirectoryDepth) {
      walk.problems.push(new ArchiveError('too-deep', full, `nested deeper than ${walk.limits.maxDirectoryDepth} directories`));
    } else {
      let children: Dirent[];
      try {
        children = await readdir(full, { withFileTypes: true });
      } catch (error) {
        walk.problems.push(archiveErrorFromFs(error, full));
        continue;
      }
      await walkDirectory(walk, children, `${prefix}${directory.name}/`, depth + 1, [...ancestors, key]);
    }
  }
}

function addFile(walk: Walk, name: string, size: number): void {
  if (walk.entries.length >= walk.limits.maxEntries) {
    throw new ArchiveError('too-many-entries', walk.root, `more than the limit of ${walk.limits.maxEntries} files`);
  }
  const { className, releaseVersion, isModuleInfo, isPackageInfo } = describeEntryName(name, false);
  walk.entries.push({
    name,
    crc32: undefined,
    compressedSize: size,
    uncompressedSize: size,
    compressionMethod: 0,
    isEncrypted: false,
    localHeaderOffset: -1,
    className,
    releaseVersion,
    isModuleInfo,
    isPackageInfo,
  });
}

/** CRC-32 of a directory's file, streamed, so that identical copies can be told by CRC-32 and size. */
export async function directoryFileCrc32(index: DirectoryIndex, entry: ArchiveEntry): Promise<number> {
  let crc = 0;
  try {
    for await (const chunk of createReadStream(join(index.path, entry.name))) crc = crc32(chunk as Buffer, crc);
  } catch (error) {
    throw archiveErrorFromFs(error, index.path, entry.name);
  }
  return crc;
}

/** Reads the named files of an indexed directory, each capped at maxInflatedEntrySize. */
export async function readDirectoryEntries(
  index: DirectoryIndex,
  names: Iterable<string>,
  options: ArchiveOptions = {},
): Promise<ReadEntriesResult> {
  const limits = resolveLimits(options.limits);
  const byName = new Map(index.entries.map((entry) => [entry.name, entry]));
  const result: ReadEntriesResult = { bytes: new Map(), errors: [] };
  for (const name of new Set(names)) {
    options.signal?.throwIfAborted();
    const entry = byName.get(name);
    if (entry === undefined) {
      result.errors.push(new ArchiveError('entry-not-found', index.path, 'no such file', name));
    } else if (entry.uncompressedSize > limits.maxInflatedEntrySize) {
      result.errors.push(new ArchiveError('entry-too-large', index.path, `${entry.uncompressedSize} bytes, more than the limit of ${limits.maxInflatedEntrySize}`, name));
    } else {
      try {
        result.bytes.set(name, await readFile(join(index.path, name)));
      } catch (error) {
        result.errors.push(archiveErrorFromFs(error, index.path, name));
      }
    }
  }
  return result;
}
