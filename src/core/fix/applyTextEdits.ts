import type { TextEdit } from '../analysis/finding';

/**
 * Applies non-overlapping edits to a text, as an editor applies one WorkspaceEdit: every range refers to
 * the original text, and edits at the same offset keep their given order.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end || a.index - b.index);
  let result = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.range.start < cursor || edit.range.end < edit.range.start || edit.range.end > text.length) {
      throw new RangeError(`Overlapping or out-of-bounds edit at ${edit.range.start}-${edit.range.end} in ${edit.file}`);
    }
    result += text.slice(cursor, edit.range.start) + edit.newText;
    cursor = edit.range.end;
  }
  return result + text.slice(cursor);
}
