import { readFileSync } from 'node:fs';
import { lineAndColumnAt, type TextRange } from '../core/pom/xmlTree';

const texts = new Map<string, string | undefined>();

function textOf(path: string): string | undefined {
  if (!texts.has(path)) {
    try {
      texts.set(path, readFileSync(path, 'utf8'));
    } catch {
      texts.set(path, undefined);
    }
  }
  return texts.get(path);
}

/** One problem line for stderr: `path:line:col: severity: message`, as compilers and editors read them. */
export function problemLine(
  path: string,
  severity: 'error' | 'warning',
  message: string,
  at?: { range?: TextRange; line?: number; column?: number },
): string {
  let line = at?.line ?? 1;
  let column = at?.column ?? 1;
  if (at?.line === undefined && at?.range !== undefined) {
    const text = textOf(path);
    if (text !== undefined) ({ line, column } = lineAndColumnAt(text, at.range.start));
  }
  return `${path}:${line}:${column}: ${severity}: ${message}\n`;
}
