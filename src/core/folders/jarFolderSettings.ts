import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonWithComments } from '../runtime/jsonWithComments';

/** `jarscope.jarFolders` of a folder's `.vscode/settings.json`, and why it could not be used. */
export interface JarFolderSettings {
  readonly globs: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * Reads `jarscope.jarFolders` from `DIR/.vscode/settings.json`, so that `jarscope check` in CI analyses
 * the jar folders the editor does. No file is no setting; a file that does not parse, or a value that
 * is not a list of strings, is a warning naming the file.
 */
export function readJarFolderSettings(dir: string): JarFolderSettings {
  const file = join(dir, '.vscode', 'settings.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { globs: [], warnings: code === 'ENOENT' || code === 'ENOTDIR' ? [] : [`${file} cannot be read (${code ?? String(error)}); its jar folders are not used`] };
  }
  const parsed = parseJsonWithComments(text);
  if (!parsed.ok) return { globs: [], warnings: [`${file} is not valid JSON: ${parsed.error.message}; its jar folders are not used`] };
  const value = typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>)['jarscope.jarFolders'] : undefined;
  if (value === undefined) return { globs: [], warnings: [] };
  if (!Array.isArray(value) || !value.every((glob) => typeof glob === 'string')) {
    return { globs: [], warnings: [`${file}: jarscope.jarFolders must be a list of folder paths or globs`] };
  }
  return { globs: value.map((glob: string) => glob.trim()).filter((glob) => glob !== ''), warnings: [] };
}
