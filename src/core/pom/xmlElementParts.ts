import type { TextRange } from './xmlTree';

const predefinedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes character references and the five predefined entities (XML 1.0 §4.1, §4.6); any other
 * entity reference is left as written, since entities declared in a DTD are never expanded.
 */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10), whole);
    return predefinedEntities[ref] ?? whole;
  });
}

function safeCodePoint(codePoint: number, fallback: string): string {
  return codePoint >= 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : fallback;
}

/** Line ends as an XML processor passes them on: CR LF and a lone CR become LF (XML 1.0 §2.11). */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The offset of the `>` that ends the start tag at `start`: a `>` inside a quoted attribute value does not (XML 1.0 §3.1). */
function startTagEnd(source: string, start: number, end: number): number {
  let quote = 0;
  for (let at = start; at < end; at++) {
    const code = source.charCodeAt(at);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 34 /* '"' */ || code === 39 /* "'" */) {
      quote = code;
    } else if (code === 62 /* '>' */) {
      return at;
    }
  }
  return -1;
}

/** The range between an element's start and end tags, found in the source from the element's range. */
export function contentRangeOf(source: string, range: TextRange): TextRange {
  const tagEnd = startTagEnd(source, range.start, range.end);
  if (tagEnd < 0) return { start: range.end, end: range.end };
  if (source.charCodeAt(tagEnd - 1) === 47 /* '/' */) return { start: tagEnd + 1, end: tagEnd + 1 };
  const endTagStart = source.lastIndexOf('</', range.end - 1);
  return { start: tagEnd + 1, end: Math.max(tagEnd + 1, endTagStart) };
}
