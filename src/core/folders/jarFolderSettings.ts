import { readWorkspaceSettingsFile, unusableSettingsWarning, type WorkspaceSettingsFile } from '../workspace/workspaceSettingsFile';

/** `jarscope.jarFolders` of a folder's `.vscode/settings.json`, and why it could not be used. */
export interface JarFolderSettings {
  readonly globs: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * Reads `jarscope.jarFolders` from `DIR/.vscode/settings.json`, so that `jarscope check` in CI analyses
 * the jar folders the editor does. No file is no setting; a file that does not parse, or a value that
 * is not a list of strings, is a warning naming the file. `read`: the file when the caller has read it
 * already (it reads other settings of it too).
 */
export function readJarFolderSettings(dir: string, read: WorkspaceSettingsFile = readWorkspaceSettingsFile(dir)): JarFolderSettings {
  if (read.kind === 'absent') return { globs: [], warnings: [] };
  if (read.kind === 'unusable') return { globs: [], warnings: [unusableSettingsWarning(read)] };
  const value = read.settings['jarscope.jarFolders'];
  if (value === undefined) return { globs: [], warnings: [] };
  if (!Array.isArray(value) || !value.every((glob) => typeof glob === 'string')) {
    return { globs: [], warnings: [`${read.file}: jarscope.jarFolders must be a list of folder paths or globs`] };
  }
  return { globs: value.map((glob: string) => glob.trim()).filter((glob) => glob !== ''), warnings: [] };
}
