import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** Why a part of the folder could not be searched, or why the search stopped early. */
export type PomScanWarningCode =
  | 'unreadable-directory'
  | 'pom-is-directory'
  | 'broken-symlink'
  | 'symlink-loop'
  | 'max-poms-reached';

export interface PomScanWarning {
  readonly code: PomScanWarningCode;
  /** The file or folder the warning is about. */
  readonly path: string;
  /** What went wrong, for a person to read. */
  readonly cause: string;
}

/** The file system calls the search needs; tests substitute failing ones. */
export interface PomScanFileSystem {
  readdir(path: string): Promise<Dirent[]>;
  /** Follows symbolic links. */
  isDirectory(path: string): Promise<boolean>;
  realpath(path: string): Promise<string>;
}

export interface FindPomsOptions {
  /** Extra folder names to skip, on top of `target`, `node_modules` and hidden folders. */
  readonly exclude?: readonly string[];
  /** Stop after this many poms (a `max-poms-reached` warning says so). */
  readonly maxPoms?: number;
  readonly signal?: AbortSignal;
  readonly fileSystem?: PomScanFileSystem;
}

export interface FindPomsResult {
  /** Absolute pom.xml paths, sorted. */
  readonly poms: string[];
  readonly warnings: PomScanWarning[];
  /** True when the search stopped at `maxPoms`. */
  readonly truncated: boolean;
}

const POM_FILE = 'pom.xml';
const ALWAYS_SKIPPED = new Set(['target', 'node_modules']);
/** Folders read at the same time: enough to hide disk latency without flooding the libuv pool. */
const PARALLEL_READS = 8;

const nodeFileSystem: PomScanFileSystem = {
  readdir: (path) => readdir(path, { withFileTypes: true }),
  isDirectory: async (path) => (await stat(path)).isDirectory(),
  realpath: (path) => realpath(path),
};

/**
 * Whether a folder name is never searched: Maven's build output (`target`), npm's `node_modules`,
 * hidden folders (`.git`, `.idea`, ...) and the user's extra excludes.
 */
export function isSkippedFolderName(name: string, exclude: readonly string[] = []): boolean {
  return name.startsWith('.') || ALWAYS_SKIPPED.has(name) || exclude.includes(name);
}

/** Whether a path below `root` lies in a folder that {@link findPoms} skips. */
export function isInSkippedFolder(root: string, path: string, exclude: readonly string[] = []): boolean {
  const prefix = root.endsWith(sep) ? root : root + sep;
  if (!path.startsWith(prefix)) return false;
  const folders = path.slice(prefix.length).split(sep).slice(0, -1);
  return folders.some((name) => isSkippedFolderName(name, exclude));
}

function describeError(error: unknown): string {
  if (error instanceof Error) return 'code' in error && typeof error.code === 'string' ? `${error.code}: ${error.message}` : error.message;
  return String(error);
}

interface Folder {
  readonly path: string;
  /** The folder's resolved path: the identity that stops a symlink from being followed twice. */
  readonly realPath: string;
}

/** One search: the state shared by the folders being read. */
class PomSearch {
  readonly poms: string[] = [];
  readonly warnings: PomScanWarning[] = [];
  truncated = false;
  private readonly visited = new Set<string>();
  /** Symlinked folders wait until every real folder has been read, so a pom is found by its own path. */
  private linkedFolders: Folder[] = [];

  constructor(
    private readonly fs: PomScanFileSystem,
    private readonly exclude: readonly string[],
    private readonly maxPoms: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  async run(root: string): Promise<void> {
    let realRoot: string;
    try {
      realRoot = await this.fs.realpath(root);
    } catch (error) {
      this.warn('unreadable-directory', root, describeError(error));
      return;
    }
    this.visited.add(realRoot);
    let folders: Folder[] = [{ path: root, realPath: realRoot }];
    while (folders.length > 0 && !this.truncated) {
      await this.readFolders(folders);
      folders = await this.followLinkedFolders();
    }
  }

  /** Reads folders and everything below them, a few at a time. */
  private readFolders(start: readonly Folder[]): Promise<void> {
    const queue = [...start];
    let reading = 0;
    return new Promise<void>((resolve, reject) => {
      const pump = (): void => {
        if (this.signal?.aborted) {
          reject(this.signal.reason as Error);
          return;
        }
        while (reading < PARALLEL_READS && queue.length > 0 && !this.truncated) {
          const folder = queue.pop() as Folder;
          reading++;
          this.readFolder(folder).then((subfolders) => {
            reading--;
            queue.push(...subfolders);
            pump();
          }, reject);
        }
        if (reading === 0 && (queue.length === 0 || this.truncated)) resolve();
      };
      pump();
    });
  }

  private async readFolder(folder: Folder): Promise<Folder[]> {
    let entries: Dirent[];
    try {
      entries = await this.fs.readdir(folder.path);
    } catch (error) {
      this.warn('unreadable-directory', folder.path, describeError(error));
      return [];
    }
    const subfolders: Folder[] = [];
    for (const entry of entries) {
      const path = join(folder.path, entry.name);
      if (entry.name === POM_FILE) await this.addPom(path, entry);
      if (entry.isDirectory() && !isSkippedFolderName(entry.name, this.exclude)) {
        // A real folder's resolved path is its parent's plus its name: no system call needed.
        subfolders.push({ path, realPath: join(folder.realPath, entry.name) });
        this.visited.add(join(folder.realPath, entry.name));
      } else if (mayBeLinkedFolder(entry) && !isSkippedFolderName(entry.name, this.exclude) && entry.name !== POM_FILE) {
        // `realPath` is the parent's here; the link itself is resolved later.
        this.linkedFolders.push({ path, realPath: folder.realPath });
      }
    }
    return subfolders;
  }

  private async addPom(path: string, entry: Dirent): Promise<void> {
    if (this.truncated) return;
    let isDirectory = entry.isDirectory();
    if (mayBeLinkedFolder(entry)) {
      try {
        isDirectory = await this.fs.isDirectory(path);
      } catch (error) {
        this.warn('broken-symlink', path, `pom.xml is a symbolic link that cannot be followed (${describeError(error)})`);
        return;
      }
    }
    if (isDirectory) {
      this.warn('pom-is-directory', path, 'pom.xml is a directory, not a file');
      return;
    }
    if (this.poms.length >= this.maxPoms) {
      this.truncated = true;
      this.warn('max-poms-reached', path, `stopped after ${this.maxPoms} pom.xml files (jarscope.scan.maxPoms)`);
      return;
    }
    this.poms.push(path);
  }

  /** Resolves the symlinks met so far; each target folder is searched once, wherever it is linked from. */
  private async followLinkedFolders(): Promise<Folder[]> {
    const links = this.linkedFolders;
    this.linkedFolders = [];
    const folders: Folder[] = [];
    for (const { path, realPath: parentRealPath } of links) {
      this.signal?.throwIfAborted();
      let realPath: string;
      try {
        realPath = await this.fs.realpath(path);
        if (!(await this.fs.isDirectory(realPath))) continue;
      } catch (error) {
        // A dangling link, or one that loops onto itself (ELOOP).
        const code = error instanceof Error && 'code' in error && error.code === 'ELOOP' ? 'symlink-loop' : 'broken-symlink';
        this.warn(code, path, `symbolic link cannot be followed (${describeError(error)})`);
        continue;
      }
      if (this.visited.has(realPath)) {
        if (isAncestorOrSelf(realPath, parentRealPath)) {
          this.warn('symlink-loop', path, `symbolic link points back to its own ancestor ${realPath}; not followed`);
        }
        continue;
      }
      this.visited.add(realPath);
      folders.push({ path, realPath });
    }
    return folders;
  }

  private warn(code: PomScanWarningCode, path: string, cause: string): void {
    this.warnings.push({ code, path, cause });
  }
}

/** A symbolic link, or an entry whose type the file system did not report (DT_UNKNOWN). */
function mayBeLinkedFolder(entry: Dirent): boolean {
  return entry.isSymbolicLink() || (!entry.isFile() && !entry.isDirectory() && !entry.isBlockDevice() && !entry.isCharacterDevice() && !entry.isFIFO() && !entry.isSocket());
}

function isAncestorOrSelf(ancestor: string, path: string): boolean {
  return path === ancestor || path.startsWith(ancestor.endsWith(sep) ? ancestor : ancestor + sep);
}

/**
 * Finds every pom.xml below `root`, as a Maven user would expect to see them: build output (`target`),
 * `node_modules`, hidden folders and user excludes are skipped. Symbolic links to folders are followed,
 * each resolved folder at most once, so a link loop ends. Folders that cannot be read, a pom.xml that is
 * a folder and a dangling link become warnings; the search goes on. Throws only when `signal` aborts.
 */
export async function findPoms(root: string, options: FindPomsOptions = {}): Promise<FindPomsResult> {
  const search = new PomSearch(
    options.fileSystem ?? nodeFileSystem,
    options.exclude ?? [],
    options.maxPoms ?? Number.POSITIVE_INFINITY,
    options.signal,
  );
  await search.run(root);
  return { poms: search.poms.sort(), warnings: search.warnings, truncated: search.truncated };
}
