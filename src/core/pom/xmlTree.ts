import { scanXml } from './xmlScanner';

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

/**
 * Parses XML into elements that keep their source offsets. A plain document (every pom and settings
 * file in practice) is read in one pass by scanXml; anything else, including every document that is
 * not well-formed, goes to fast-xml-parser, which checks well-formedness first so that a broken
 * document yields one error with its position (XML 1.0 §2.1) instead of a partial tree. Both give the
 * same tree for a document scanXml accepts (test/unit/pom/xmlScanner.test.ts).
 */
export function parseXml(text: string): XmlParseResult {
  const root = scanXml(text);
  return root === undefined ? libraryParser().parseXmlWithLibrary(text) : { ok: true, root, hasDoctype: false };
}

type LibraryParser = typeof import('./xmlLibraryParser');
let loadedLibraryParser: LibraryParser | undefined;

/** fast-xml-parser, loaded on first use: most runs never need it, and loading it costs start-up time. */
function libraryParser(): LibraryParser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, deferred load
  loadedLibraryParser ??= require('./xmlLibraryParser') as LibraryParser;
  return loadedLibraryParser;
}

// Plain loops rather than find/filter with a closure: these run a dozen times per <dependency> of every
// pom read, mostly before V8 has optimised them, where each closure and callback call counts.

export function childElement(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  if (parent === undefined) return undefined;
  const { children } = parent;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as XmlElement;
    if (child.name === name) return child;
  }
  return undefined;
}

export function childElements(parent: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  if (parent === undefined) return found;
  const { children } = parent;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as XmlElement;
    if (child.name === name) found.push(child);
  }
  return found;
}

/** Text of a direct child element, or undefined when the child is absent or empty. */
export function childText(parent: XmlElement | undefined, name: string): string | undefined {
  return nonEmptyText(childElement(parent, name));
}

/** An element's text, or undefined when the element is absent or its text empty. */
export function nonEmptyText(element: XmlElement | undefined): string | undefined {
  return element === undefined || element.text === '' ? undefined : element.text;
}
