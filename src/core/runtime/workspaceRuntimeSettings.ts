import { readWorkspaceSettingsFile, unusableSettingsWarning, type WorkspaceSettingsFile } from '../workspace/workspaceSettingsFile';

/** The runtime settings a folder's `.vscode/settings.json` holds, for the CLI to use the editor's configuration. */
export interface WorkspaceRuntimeSettings {
  /** The file read, when there is one. */
  readonly file: string | undefined;
  /** `jarscope.runtimes` as written. */
  readonly runtimes: unknown;
  /** `jarscope.runtime`. */
  readonly runtime: string | undefined;
  /** A malformed or unreadable file, named with its cause. */
  readonly warnings: readonly string[];
}

/**
 * Reads `jarscope.runtimes` and `jarscope.runtime` from `DIR/.vscode/settings.json` when it exists, so
 * that CI runs with the runtimes the editor uses. Comments and trailing commas are accepted as VS Code
 * accepts them; a file that still does not parse is a warning naming it, never an error. `read`: the
 * file when the caller has read it already (it reads other settings of it too).
 */
export function readWorkspaceRuntimeSettings(dir: string, read: WorkspaceSettingsFile = readWorkspaceSettingsFile(dir)): WorkspaceRuntimeSettings {
  if (read.kind === 'absent') return { file: undefined, runtimes: undefined, runtime: undefined, warnings: [] };
  if (read.kind === 'unusable') return { file: read.file, runtimes: undefined, runtime: undefined, warnings: [unusableSettingsWarning(read)] };
  const { file, settings } = read;
  const runtime = settings['jarscope.runtime'];
  const warnings = runtime === undefined || typeof runtime === 'string' ? [] : [`${file}: jarscope.runtime must be a runtime name`];
  return { file, runtimes: settings['jarscope.runtimes'], runtime: typeof runtime === 'string' ? runtime : undefined, warnings };
}
