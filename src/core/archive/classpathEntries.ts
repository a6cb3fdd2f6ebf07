import { stat } from 'node:fs/promises';
import type { ArchiveEntry, ClasspathIndex } from './archiveEntry';
import { archiveErrorFromFs } from './archiveError';
import type { ArchiveOptions } from './archiveLimits';
import { directoryFileCrc32, indexDirectory, readDirectoryEntries } from './indexDirectory';
import { indexJar, readEntries, type ReadEntriesResult } from './openJar';

/**
 * Indexes a classpath element as the JDK's class path does: a directory as a directory, any other
 * file as a jar (whatever its name ends in).
 */
export async function indexClasspathEntry(path: string, options: ArchiveOptions = {}): Promise<ClasspathIndex> {
  const isDirectory = await stat(path).then(
    (stats) => stats.isDirectory(),
    (error: unknown) => {
      throw archiveErrorFromFs(error, path);
    },
  );
  return isDirectory ? indexDirectory(path, options) : indexJar(path, options);
}

/** Reads the named entries of an indexed jar or directory (see openJar / readDirectoryEntries). */
export function readIndexedEntries(index: ClasspathIndex, names: Iterable<string>, options: ArchiveOptions = {}): Promise<ReadEntriesResult> {
  return index.kind === 'jar' ? readEntries(index.path, names, options) : readDirectoryEntries(index, names, options);
}

/**
 * An entry's CRC-32: a jar's from its central directory, a directory file's computed on first ask
 * and kept on the entry. Two copies of a class are identical when CRC-32 and size agree.
 */
export async function entryCrc32(index: ClasspathIndex, entry: ArchiveEntry): Promise<number> {
  if (entry.crc32 === undefined && index.kind === 'directory') entry.crc32 = await directoryFileCrc32(index, entry);
  return entry.crc32 ?? 0;
}
