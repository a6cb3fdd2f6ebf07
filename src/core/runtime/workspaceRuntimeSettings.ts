import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonWithComments } from './jsonWithComments';

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
 * accepts them; a file that still does not parse is a warning naming it, never an error.
 */
export function readWorkspaceRuntimeSettings(dir: string): WorkspaceRuntimeSettings {
  const file = join(dir, '.vscode', 'settings.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { file: undefined, runtimes: undefined, runtime: undefined, warnings: [] };
    return { file, runtimes: undefined, runtime: undefined, warnings: [`${file} cannot be read (${code ?? String(error)}); its runtimes are not used`] };
  }
  const parsed = parseJsonWithComments(text);
  if (!parsed.ok) {
    const where = parsed.error.line === undefined ? '' : ` (line ${parsed.error.line})`;
    return { file, runtimes: undefined, runtime: undefined, warnings: [`${file} is not valid JSON${where}: ${parsed.error.message}; its runtimes are not used`] };
  }
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { file, runtimes: undefined, runtime: undefined, warnings: [`${file} does not hold a settings object; its runtimes are not used`] };
  }
  const settings = value as Record<string, unknown>;
  const runtime = settings['jarscope.runtime'];
  const warnings = runtime === undefined || typeof runtime === 'string' ? [] : [`${file}: jarscope.runtime must be a runtime name`];
  return { file, runtimes: settings['jarscope.runtimes'], runtime: typeof runtime === 'string' ? runtime : undefined, warnings };
}
