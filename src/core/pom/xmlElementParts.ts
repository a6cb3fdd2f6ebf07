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

/** The range between an element's start and end tags, found in the source from the element's range. */
export function contentRangeOf(source: string, range: TextRange): TextRange {
  const startTagEnd = source.indexOf('>', range.start);
  if (startTagEnd < 0 || startTagEnd >= range.end) return { start: range.end, end: range.end };
  if (source.charCodeAt(startTagEnd - 1) === 47 /* '/' */) return { start: startTagEnd + 1, end: startTagEnd + 1 };
  const endTagStart = source.lastIndexOf('</', range.end - 1);
  return { start: startTagEnd + 1, end: Math.max(startTagEnd + 1, endTagStart) };
}
