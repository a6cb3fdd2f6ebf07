import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A half-open range of UTF-16 offsets into the source text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** One XML element with the source range it spans, from `<` of its start tag to after its end tag. */
export interface XmlElement {
  readonly name: string;
  readonly range: TextRange;
  /** The range between the start and end tags (empty for `<a/>`). */
  readonly contentRange: TextRange;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text, trimmed, with character and predefined entity references decoded. */
  readonly text: string;
}

/** A document that is not well-formed XML, with the 1-based position the parser stopped at. */
export interface XmlSyntaxError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export type XmlParseResult =
  | { readonly ok: true; readonly root: XmlElement; readonly hasDoctype: boolean }
  | { readonly ok: false; readonly error: XmlSyntaxError };

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

const predefinedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10), whole);
    return predefinedEntities[ref] ?? whole;
  });
}

function safeCodePoint(codePoint: number, fallback: string): string {
  return codePoint >= 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : fallback;
}

/** 1-based line and column of an offset, as editors and Maven's messages count them. */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

function contentRangeOf(source: string, range: TextRange): TextRange {
  const startTagEnd = source.indexOf('>', range.start);
  if (startTagEnd < 0 || startTagEnd >= range.end) return { start: range.end, end: range.end };
  if (source.charCodeAt(startTagEnd - 1) === 47 /* '/' */) return { start: startTagEnd + 1, end: startTagEnd + 1 };
  const endTagStart = source.lastIndexOf('</', range.end - 1);
  return { start: startTagEnd + 1, end: Math.max(startTagEnd + 1, endTagStart) };
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
 * Parses XML into elements that keep their source offsets. Well-formedness is checked first so that a
 * broken document yields one error with its position (XML 1.0 §2.1) instead of a partial tree.
 */
export function parseXml(original: string): XmlParseResult {
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

export function childElement(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return parent?.children.find((child) => child.name === name);
}

export function childElements(parent: XmlElement | undefined, name: string): XmlElement[] {
  return parent ? parent.children.filter((child) => child.name === name) : [];
}

/** Text of a direct child element, or undefined when the child is absent or empty. */
export function childText(parent: XmlElement | undefined, name: string): string | undefined {
  const text = childElement(parent, name)?.text;
  return text === undefined || text === '' ? undefined : text;
}
