import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { contentRangeOf, decodeReferences } from './xmlElementParts';
import type { TextRange, XmlElement, XmlParseResult } from './xmlTree';

type OrderedNode = Record<string, unknown>;

const metadataSymbol = XMLParser.getMetaDataSymbol() as unknown as symbol;

// Entities are never expanded by the parser: a DTD could declare recursive or external ones
// ("billion laughs", XXE). Only the five predefined entities and character references are decoded.
const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  trimValues: true,
  commentPropName: '#comment',
});

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

function toElement(source: string, node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@' && !key.startsWith('#') && !key.startsWith('?'));
  if (name === undefined) return undefined;
  const meta = (node as Record<symbol, { startIndex?: number; endIndex?: number } | undefined>)[metadataSymbol];
  const range: TextRange = { start: meta?.startIndex ?? 0, end: meta?.endIndex ?? meta?.startIndex ?? 0 };
  const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
  const children: XmlElement[] = [];
  const textParts: string[] = [];
  for (const child of (node[name] as OrderedNode[] | undefined) ?? []) {
    if ('#text' in child) textParts.push(String(child['#text']));
    else if ('#cdata' in child) textParts.push(String(child['#cdata']));
    else {
      const element = toElement(source, child);
      if (element) children.push(element);
    }
  }
  return {
    name,
    range,
    contentRange: contentRangeOf(source, range),
    attributes: new Map(Object.entries(rawAttributes).map(([key, value]) => [key, decodeReferences(value)])),
    children,
    text: decodeReferences(textParts.join('')).trim(),
  };
}

/**
 * Blanks out a document type declaration, keeping every offset and line: its internal subset could
 * declare recursive or external entities, and a pom has no use for them.
 */
function blankDoctype(source: string): { text: string; hasDoctype: boolean } {
  const start = source.search(/<!DOCTYPE/i);
  const rootStart = source.search(/<[A-Za-z_]/);
  if (start < 0 || (rootStart >= 0 && rootStart < start)) {
    return { text: source, hasDoctype: false };
  }
  const subsetEnd = source.indexOf(']', start);
  const firstClose = source.indexOf('>', start);
  const hasSubset = source.indexOf('[', start) >= 0 && source.indexOf('[', start) < firstClose;
  const close = hasSubset && subsetEnd >= 0 ? source.indexOf('>', subsetEnd) : firstClose;
  const end = close < 0 ? source.length : close + 1;
  const blank = source.slice(start, end).replace(/[^\n]/g, ' ');
  return { text: source.slice(0, start) + blank + source.slice(end), hasDoctype: true };
}

/**
 * Parses any XML document with fast-xml-parser. Well-formedness is checked first so that a broken
 * document yields one error with its position (XML 1.0 §2.1) instead of a partial tree.
 */
export function parseXmlWithLibrary(original: string): XmlParseResult {
  const { text: source, hasDoctype } = blankDoctype(original);
  const verdict = XMLValidator.validate(source, { allowBooleanAttributes: false });
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    return { ok: false, error: { message: msg, line, column: col, offset: offsetOf(source, line, col) } };
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(source) as OrderedNode[];
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: { message, line: 1, column: 1, offset: 0 } };
  }
  const root = nodes.map((node) => toElement(source, node)).find((element) => element !== undefined);
  if (!root) {
    return { ok: false, error: { message: 'The document has no root element.', line: 1, column: 1, offset: 0 } };
  }
  return { ok: true, root, hasDoctype };
}
