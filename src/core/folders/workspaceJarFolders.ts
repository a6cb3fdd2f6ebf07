import type { Finding } from '../analysis/finding';
import { repositoryClassNames } from '../embedded/repositoryClassNames';
import type { LocalRepository } from '../repo/localRepository';
import { findJarFolders } from './findJarFolders';
import type { FolderJarOptions } from './folderJarReader';
import { folderFindings } from './folderFindings';
import { readJarFolder } from './jarFolder';

export interface WorkspaceJarFoldersOptions extends FolderJarOptions {
  /** User globs of jar folders (`jarscope.jarFolders`, `--jar-folder`). */
  readonly globs?: readonly string[];
  /** Folder names the workspace search skips. */
  readonly exclude?: readonly string[];
  /** The local repository, to tell relocated embedded copies from unrelocated ones. */
  readonly repository?: LocalRepository;
}

export interface WorkspaceJarFolders {
  /** The jar folders analysed, absolute. */
  readonly folders: readonly string[];
  readonly findings: readonly Finding[];
  /** Globs that matched nothing, folders that are missing, empty or unreadable: each names the folder or glob. */
  readonly warnings: readonly string[];
}

/**
 * Finds a workspace's loose jar folders (findJarFolders) and analyses each as `folder/*` would load
 * it (folderFindings). A folder that cannot be used becomes a warning; the others are still analysed.
 */
export async function workspaceJarFolders(root: string, options: WorkspaceJarFoldersOptions = {}): Promise<WorkspaceJarFolders> {
  const search = await findJarFolders(root, { globs: options.globs, exclude: options.exclude, signal: options.signal });
  const warnings = [...search.warnings];
  const findings: Finding[] = [];
  const classNames = options.repository === undefined ? undefined : repositoryClassNames(options.repository);
  for (const path of search.folders) {
    const folder = await readJarFolder(path, options);
    warnings.push(...folder.problems.filter((problem) => problem.archiveError === undefined).map((problem) => problem.message));
    findings.push(...(await folderFindings(folder, { baseDir: root, repositoryClassNames: classNames, signal: options.signal })));
  }
  return { folders: search.folders, findings, warnings };
}
