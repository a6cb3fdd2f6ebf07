import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { JarIndex } from '../archive/archiveEntry';
import { archiveErrorFromFs } from '../archive/archiveError';
import type { ArchiveOptions } from '../archive/archiveLimits';
import { indexJar } from '../archive/openJar';
import { cachedFailure, readJarIntoCache } from '../cache/cachedJarRead';
import type { JarIndexCache } from '../cache/jarIndexCache';
import { identifyJar, jarArtifact, type JarIdentity } from './jarIdentity';

export interface FolderJarOptions extends ArchiveOptions {
  /** The jar cache: a jar unchanged (path, size, modification time) since it was cached is not read again. */
  readonly cache?: JarIndexCache;
}

/**
 * A loose jar's index and identity (see identifyJar). With a cache, both come from it while the jar is
 * unchanged, and a jar read afresh is recorded in it.
 * @throws ArchiveError when the jar cannot be read (from the cache too: the same file fails the same way).
 */
export async function readFolderJar(path: string, options: FolderJarOptions = {}): Promise<{ index: JarIndex; identity: JarIdentity }> {
  const { cache } = options;
  if (cache === undefined) {
    const index = await indexJar(path, options);
    return { index, identity: await identifyJar(index, options) };
  }
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    throw archiveErrorFromFs(error, path);
  }
  const jar = (await cache.get(path, stats.size, stats.mtimeMs)) ?? (await readJarIntoCache(cache, path, stats, options));
  if (jar.index === undefined) throw cachedFailure(jar);
  const { index } = jar;
  if (jar.pomProperties !== undefined) {
    return { index, identity: { artifact: jarArtifact(basename(path), jar.pomProperties, index.manifest), pomProperties: jar.pomProperties, errors: [] } };
  }
  const identity = await identifyJar(index, options);
  // A pom.properties that could not be read is read again next time, to report it again.
  if (identity.errors.length === 0) cache.addPomProperties(jar, identity.pomProperties);
  return { index, identity };
}
