import { ArchiveError } from '../archive/archiveError';
import type { ArchiveOptions } from '../archive/archiveLimits';
import { indexJar } from '../archive/openJar';
import type { CachedJar, JarIndexCache } from './jarIndexCache';

/**
 * Reads a jar the cache holds no current version of and records it: its index, or why it cannot be read
 * (the same file fails the same way, so the failure is cached too).
 */
export async function readJarIntoCache(cache: JarIndexCache, path: string, version: { size: number; mtimeMs: number }, options: ArchiveOptions = {}): Promise<CachedJar> {
  const { size, mtimeMs } = version;
  let jar: CachedJar;
  try {
    const index = await indexJar(path, options);
    jar = { path, size, mtimeMs, index, failure: undefined, classes: new Map(), classesLoaded: true };
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    jar = { path, size, mtimeMs, index: undefined, failure: { reason: error.reason, message: error.message }, classes: new Map(), classesLoaded: true };
  }
  cache.put(jar);
  return jar;
}

/** The error a cached jar without an index was recorded with, as reading the jar gave it. */
export function cachedFailure(jar: CachedJar): ArchiveError {
  const failure = jar.failure!;
  const detail = failure.message.startsWith(`${jar.path}: `) ? failure.message.slice(jar.path.length + 2) : failure.message;
  return new ArchiveError(failure.reason, jar.path, detail);
}
