import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globRegExp } from '../runtime/jarGlob';
import { isSkippedFolderName } from '../workspace/findPoms';

/** Folder names that hold a runtime's or an application's loose jars (Flink `lib/`, `plugins/`, ...). */
export const JAR_FOLDER_NAMES: readonly string[] = ['lib', 'libs', 'plugins', 'connectors'];

export interface FindJarFoldersOptions {
  /** User globs (`jarscope.jarFolders`, `--jar-folder`), relative to the root or absolute. */
  readonly globs?: readonly string[];
  /** Extra folder names to skip, as findPoms takes them. */
  readonly exclude?: readonly string[];
  /** Folders read at most, so that a huge tree cannot stall the search (a warning says so). */
  readonly maxFolders?: number;
  readonly signal?: AbortSignal;
}

export interface JarFolderSearch {
  /** Absolute folder paths, sorted: named folders holding a jar, and every folder a glob matched. */
  readonly folders: string[];
  /** What could not be searched or matched, each naming the folder or glob. */
  readonly warnings: string[];
}

const DEFAULT_MAX_FOLDERS = 20_000;

/**
 * Finds the loose jar folders of a workspace: folders named lib, libs, plugins or connectors at any
 * depth that hold at least one jar, skipping what findPoms skips (`target`, `node_modules`, hidden
 * folders, user excludes), plus the folders the user's globs match (`*` and `?` within one name, `**`
 * across folders). A glob without wildcards names one folder, which must exist. Symbolic links to
 * folders are not followed while searching, so a link loop cannot trap it.
 */
export async function findJarFolders(root: string, options: FindJarFoldersOptions = {}): Promise<JarFolderSearch> {
  const warnings: string[] = [];
  const found = new Set<string>();
  const exclude = options.exclude ?? [];
  const globs = options.globs ?? [];
  const patterns = globs.filter(hasWildcard).map((glob) => ({ glob, regex: globRegExp(relativeGlob(glob, root)) }));
  const matched = new Set<string>();
  const maxFolders = options.maxFolders ?? DEFAULT_MAX_FOLDERS;
  const queue = [resolve(root)];
  let read = 0;
  while (queue.length > 0) {
    options.signal?.throwIfAborted();
    if (read++ >= maxFolders) {
      warnings.push(`stopped searching for jar folders after ${maxFolders} folders under ${root}`);
      break;
    }
    const folder = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      warnings.push(`cannot read folder ${folder}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const holdsJar = entries.some((entry) => !entry.isDirectory() && isJarFileName(entry.name));
    const name = folder.slice(folder.lastIndexOf(sep) + 1);
    if (holdsJar && JAR_FOLDER_NAMES.includes(name) && folder !== resolve(root)) found.add(folder);
    for (const { glob, regex } of patterns) {
      if (regex.test(slashPath(relative(root, folder)))) {
        found.add(folder);
        matched.add(glob);
      }
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !isSkippedFolderName(entry.name, exclude)) queue.push(join(folder, entry.name));
    }
  }
  for (const glob of globs) {
    if (hasWildcard(glob)) {
      if (!matched.has(glob)) warnings.push(`jar folder glob "${glob}" matched no folder under ${root}`);
      continue;
    }
    const folder = isAbsolute(glob) ? glob : resolve(root, glob);
    const problem = await folderProblem(folder);
    if (problem === undefined) found.add(folder);
    else warnings.push(`jar folder ${folder} ${problem}`);
  }
  return { folders: [...found].sort(), warnings };
}

/** Why a named jar folder cannot be used, or undefined when it is a folder. */
export async function folderProblem(folder: string): Promise<string | undefined> {
  try {
    return (await stat(folder)).isDirectory() ? undefined : 'is not a folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'does not exist' : `cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** The java launcher's `dir/*` takes files ending in `.jar` or `.JAR` (java.lang.ClassLoader docs, "Class path wildcards"). */
export function isJarFileName(name: string): boolean {
  return name.endsWith('.jar') || name.endsWith('.JAR');
}

function hasWildcard(glob: string): boolean {
  return /[*?]/.test(glob);
}

function slashPath(path: string): string {
  return path.split(sep).join('/');
}

/** A glob as matched against folder paths relative to `root`, '/'-separated, without `./` or a trailing '/'. */
function relativeGlob(glob: string, root: string): string {
  return slashPath(isAbsolute(glob) ? relative(root, glob) : glob).replace(/^\.\//, '').replace(/\/+$/, '');
}
