import type { TextRange } from '../../core/pom/xmlTree';

/**
 * Where a range of the text the core read lies in the editor's newer text: the same characters, at the
 * occurrence nearest to the old offset; undefined when they are gone. Keeps diagnostics off stale ranges
 * while an edited pom has not been saved (the resolver reads poms from disk).
 */
export function remapRange(oldText: string, newText: string, range: TextRange): TextRange | undefined {
  if (oldText === newText) return range;
  const snippet = oldText.slice(range.start, range.end);
  if (snippet === '') return range.start <= newText.length ? range : undefined;
  let best: number | undefined;
  for (let at = newText.indexOf(snippet); at >= 0; at = newText.indexOf(snippet, at + 1)) {
    if (best === undefined || Math.abs(at - range.start) < Math.abs(best - range.start)) best = at;
  }
  return best === undefined ? undefined : { start: best, end: best + snippet.length };
}
