import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import type { JarIndex } from '../archive/archiveEntry';
import { ArchiveError } from '../archive/archiveError';
import { mapFewAtATime } from '../async/mapFewAtATime';
import { folderProblem, isJarFileName } from './findJarFolders';
import { readFolderJar, type FolderJarOptions } from './folderJarReader';
import type { JarIdentity } from './jarIdentity';

/** A jar of a loose jar folder, indexed and identified. */
export interface FolderJar {
  readonly path: string;
  readonly fileName: string;
  readonly index: JarIndex;
  readonly identity: JarIdentity;
}

/** A jar folder as the java launcher's `folder/*` would put it on the class path. */
export interface JarFolder {
  readonly path: string;
  /** In directory order: the order in which `folder/*` expands on this machine (see readJarFolder). */
  readonly jars: readonly FolderJar[];
  /** Why the folder, or a jar in it, could not be read; each message names the file. */
  readonly problems: readonly JarFolderProblem[];
}

export interface JarFolderProblem {
  /** The folder or jar at fault. */
  readonly path: string;
  readonly message: string;
  /** Set for a jar that could not be read (a corrupt or truncated file). */
  readonly archiveError?: ArchiveError;
}

/** Jars of one folder read at the same time. */
const PARALLEL_JARS = 4;

/**
 * Reads the jars directly in `folder` (not below it: `folder/*` is not recursive) in directory order,
 * which is the order the java launcher expands the wildcard in (it reads the directory with readdir;
 * the Java documentation leaves the order unspecified). A folder that does not exist or holds no jar,
 * and a jar that cannot be read, become problems; every other jar is still read.
 */
export async function readJarFolder(folder: string, options: FolderJarOptions = {}): Promise<JarFolder> {
  const missing = await folderProblem(folder);
  if (missing !== undefined) return { path: folder, jars: [], problems: [{ path: folder, message: `jar folder ${folder} ${missing}` }] };
  const names: string[] = [];
  try {
    for await (const entry of await opendir(folder)) {
      if (!entry.isDirectory() && isJarFileName(entry.name)) names.push(entry.name);
    }
  } catch (error) {
    return { path: folder, jars: [], problems: [{ path: folder, message: `cannot read jar folder ${folder}: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const problems: JarFolderProblem[] = [];
  if (names.length === 0) problems.push({ path: folder, message: `jar folder ${folder} holds no jar` });
  const read = await mapFewAtATime(names, PARALLEL_JARS, async (fileName): Promise<FolderJar | JarFolderProblem> => {
    options.signal?.throwIfAborted();
    const path = join(folder, fileName);
    try {
      const { index, identity } = await readFolderJar(path, options);
      return { path, fileName, index, identity };
    } catch (error) {
      if (!(error instanceof ArchiveError)) throw error;
      return { path, message: `cannot read jar ${error.message}`, archiveError: error };
    }
  });
  const jars: FolderJar[] = [];
  for (const result of read) {
    if ('index' in result) jars.push(result);
    else problems.push(result);
  }
  return { path: folder, jars, problems };
}

/**
 * The key two jars of one artifact share: artifactId and classifier. The groupId is left out because a
 * jar named by its file has none, and the same artifact may be identified both ways in two folders.
 */
export function artifactKey(jar: FolderJar): string {
  const { artifactId, classifier } = jar.identity.artifact;
  return classifier === undefined ? artifactId : `${artifactId}:${classifier}`;
}
