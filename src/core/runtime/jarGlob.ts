import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve, sep } from 'node:path';

/** The jars one `libs` entry names, or why it names none. */
export interface LibJars {
  /** Absolute path as resolved (after `~` and the base folder). */
  readonly path: string;
  readonly jars: readonly string[];
  /** Set when the entry gives no jars: a folder that does not exist, an empty one, a glob matching nothing. */
  readonly problem?: string;
}

// A runtime folder is small; these bound a walk that `**` sends into a large or looping tree.
const MAX_VISITED_FOLDERS = 2000;
const MAX_DEPTH = 12;

function hasGlob(segment: string): boolean {
  return /[*?]/.test(segment);
}

/** `~` and `~/x` are the home folder; a relative path is taken against `baseDir`. */
export function expandPath(path: string, baseDir: string): string {
  const expanded = path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
  return isAbsolute(expanded) ? resolve(expanded) : resolve(baseDir, expanded);
}

/**
 * A glob of `/`-separated segments as a regular expression: `**` is any number of whole segments, `*` any
 * characters but `/`, `?` one such character; everything else is literal.
 */
export function globRegExp(glob: string): RegExp {
  let source = '';
  const segments = glob.split('/');
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      source += last ? '.*' : '(?:[^/]*/)*';
      return;
    }
    for (const char of segment) source += char === '*' ? '[^/]*' : char === '?' ? '[^/]' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    if (!last) source += '/';
  });
  return new RegExp(`^${source}$`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function jarsIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.name.endsWith('.jar') && !entry.isDirectory())
    .map((entry) => join(folder, entry.name))
    .sort();
}

/**
 * The jars of one `libs` entry, sorted by path: a folder means its `*.jar` files (not its subfolders, as a
 * runtime's lib/ folder is read), a jar file itself, or a glob (`*`, `**`, `?`) matched against files under
 * the folder before its first wildcard. Never throws: an unreadable or missing path is a problem.
 */
export function expandLib(entry: string, baseDir: string): LibJars {
  const path = expandPath(entry.trim(), baseDir);
  const segments = path.split(sep);
  const firstGlob = segments.findIndex(hasGlob);
  if (firstGlob < 0) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return { path, jars: [], problem: `${path} does not exist` };
    }
    if (!stats.isDirectory()) return { path, jars: [path] };
    try {
      const jars = jarsIn(path);
      return jars.length > 0 ? { path, jars } : { path, jars: [], problem: `${path} has no .jar files` };
    } catch (error) {
      return { path, jars: [], problem: `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
    }
  }
  const root = segments.slice(0, firstGlob).join(sep) || sep;
  const pattern = globRegExp(segments.slice(firstGlob).join('/'));
  if (!isDirectory(root)) return { path, jars: [], problem: `${root} does not exist (in ${path})` };
  const jars: string[] = [];
  let visited = 0;
  const walk = (folder: string, relative: string, depth: number): void => {
    if (++visited > MAX_VISITED_FOLDERS || depth > MAX_DEPTH) return;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const item of entries) {
      const itemRelative = relative === '' ? item.name : `${relative}/${item.name}`;
      // Symbolic links to folders are not followed: they may loop.
      if (item.isDirectory()) walk(join(folder, item.name), itemRelative, depth + 1);
      else if (pattern.test(itemRelative) && item.name.endsWith('.jar')) jars.push(join(folder, item.name));
    }
  };
  walk(root, '', 0);
  jars.sort();
  return jars.length > 0 ? { path, jars } : { path, jars: [], problem: `${path} matches no .jar file` };
}
