/** A JSON text with comments that could not be parsed: why, and the 1-based line of the problem when known. */
export interface JsonTextError {
  readonly message: string;
  readonly line: number | undefined;
}

/**
 * Parses JSON as VS Code writes its settings files (JSONC): `//` and `/* *\/` comments and trailing commas
 * before `}` or `]` are allowed. Comments and trailing commas are blanked out (keeping offsets, so that line
 * numbers in errors stay true), strings are left untouched, then JSON.parse reads the rest.
 */
export function parseJsonWithComments(text: string): { ok: true; value: unknown } | { ok: false; error: JsonTextError } {
  const plain = withoutCommentsAndTrailingCommas(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  try {
    return { ok: true, value: plain.trim() === '' ? {} : (JSON.parse(plain) as unknown) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position === null ? undefined : plain.slice(0, Number(position[1])).split('\n').length;
    return { ok: false, error: { message, line } };
  }
}

function withoutCommentsAndTrailingCommas(text: string): string {
  const out = text.split('');
  let index = 0;
  // Index in `out` of a comma that is trailing if the next significant character closes a list or object.
  let pendingComma = -1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      pendingComma = -1;
      index++;
      while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      index++;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') out[index++] = ' ';
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; index < stop; index++) if (text[index] !== '\n') out[index] = ' ';
    } else {
      if (char === ',') pendingComma = index;
      else if ((char === '}' || char === ']') && pendingComma >= 0) {
        out[pendingComma] = ' ';
        pendingComma = -1;
      } else if (!/\s/.test(char)) pendingComma = -1;
      index++;
    }
  }
  return out.join('');
}
