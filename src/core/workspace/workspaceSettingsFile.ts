import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonWithComments } from './jsonWithComments';

/** A folder's `.vscode/settings.json` as an object of settings, or why it cannot be used. */
export type WorkspaceSettingsFile =
  | { readonly kind: 'absent' }
  | { readonly kind: 'read'; readonly file: string; readonly settings: Readonly<Record<string, unknown>> }
  | { readonly kind: 'unusable'; readonly file: string; readonly problem: string };

/**
 * Reads `DIR/.vscode/settings.json`, so that `jarscope check` in CI uses the settings the editor uses.
 * Comments and trailing commas are accepted as VS Code accepts them. No file is no settings; an unreadable
 * file, one that does not parse, or one that does not hold an object is `unusable`, with the cause.
 */
export function readWorkspaceSettingsFile(dir: string): WorkspaceSettingsFile {
  const file = join(dir, '.vscode', 'settings.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    return { kind: 'unusable', file, problem: `${file} cannot be read (${code ?? String(error)})` };
  }
  const parsed = parseJsonWithComments(text);
  if (!parsed.ok) {
    const where = parsed.error.line === undefined ? '' : ` (line ${parsed.error.line})`;
    return { kind: 'unusable', file, problem: `${file} is not valid JSON${where}: ${parsed.error.message}` };
  }
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'unusable', file, problem: `${file} does not hold a settings object` };
  return { kind: 'read', file, settings: value as Record<string, unknown> };
}

/** The warning for a settings file that cannot be used, the same whichever of its settings was wanted. */
export function unusableSettingsWarning(read: WorkspaceSettingsFile & { kind: 'unusable' }): string {
  return `${read.problem}; its jarscope settings are not used`;
}
