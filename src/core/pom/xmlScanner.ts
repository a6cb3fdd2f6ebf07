import { decodeReferences, normalizeLineEnds } from './xmlElementParts';
import type { XmlElement } from './xmlTree';

// A single forward pass over the plain XML that poms and settings files are written in. It accepts
// only what fast-xml-parser's validator accepts too, and builds exactly the tree that parser's output
// becomes; anything outside that plain subset (a DTD, processing instructions after the XML
// declaration, non-ASCII names, unusual references, a byte order mark, malformed markup) makes it
// give up, and the document goes to fast-xml-parser, which also reports errors with their position.

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

// 1: may start a name, 2: may only continue one (the ASCII part of XML 1.0 §2.3 Name, without ':'
// at the start, so that a start tag is also where fast-xml-parser's DOCTYPE check sees the root).
const NAME_START = 1;
const NAME_PART = 2;
const nameClass = new Uint8Array(128);
for (const range of ['AZ', 'az', '__']) {
  for (let code = range.charCodeAt(0); code <= range.charCodeAt(1); code++) nameClass[code] = NAME_START;
}
for (const char of '0123456789.-:') nameClass[char.charCodeAt(0)] = NAME_PART;

// Names fast-xml-parser refuses or renames (its prototype-pollution guards): left to it.
const guardedNames = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

// fast-xml-parser refuses documents nested deeper than 100 elements; poms never come close.
const maxDepth = 64;

const xmlDeclaration = /^<\?xml(?:[ \t\r\n]+(?:version|encoding|standalone)[ \t\r\n]*=[ \t\r\n]*(?:"[^"<>?]*"|'[^'<>?]*'))*[ \t\r\n]*\?>/;
const doctype = /<!DOCTYPE/i;
// Character references and named references as fast-xml-parser's validator accepts them in text.
const reference = /&(?:#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z0-9_]{1,20});/y;

const noAttributes: ReadonlyMap<string, string> = new Map();
// Most elements have no children: they share one empty list instead of each allocating its own.
const noChildren: readonly XmlElement[] = Object.freeze([]);

/** An element whose end tag is still to come. */
interface OpenElement {
  readonly name: string;
  readonly start: number;
  /** Just after the start tag's `>`. */
  readonly contentStart: number;
  readonly attributes: ReadonlyMap<string, string>;
  children: XmlElement[] | undefined;
  /** Its text parts so far, concatenated (fast-xml-parser's text nodes, joined). */
  text: string;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

function isNameStart(code: number): boolean {
  return code < 128 && nameClass[code] === NAME_START;
}

function isNamePart(code: number): boolean {
  return code < 128 && nameClass[code] !== 0;
}

function nameEnd(text: string, from: number): number {
  let at = from;
  while (isNamePart(text.charCodeAt(at))) at++;
  return at;
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (isSpace(text.charCodeAt(at))) at++;
  return at;
}

/**
 * Skips white space and comments outside the root element. Returns the offset of the next start tag,
 * the text's length at its end, or -1 when anything else comes first.
 */
function skipMisc(text: string, from: number): number {
  let at = from;
  for (;;) {
    at = skipSpaces(text, at);
    if (at >= text.length) return text.length;
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) return -1;
      at = end + 3;
    } else {
      return text.charCodeAt(at) === LT && isNameStart(text.charCodeAt(at + 1)) ? at : -1;
    }
  }
}

/** The start tag last read by readStartTag (fields rather than an object: one per element adds up). */
let tagName = '';
let tagAttributes: ReadonlyMap<string, string> = noAttributes;
let tagSelfClosing = false;

/** Reads the start tag at `lt` into tagName, tagAttributes and tagSelfClosing; the offset after its `>`, or -1. */
function readStartTag(text: string, lt: number): number {
  let at = nameEnd(text, lt + 2);
  const name = text.slice(lt + 1, at);
  if (guardedNames.has(name)) return -1;
  let attributes: Map<string, string> | undefined;
  for (;;) {
    const spaceStart = at;
    at = skipSpaces(text, at);
    const code = text.charCodeAt(at);
    if (code === GT || code === SLASH) {
      tagSelfClosing = code === SLASH;
      if (tagSelfClosing && text.charCodeAt(at + 1) !== GT) return -1;
      tagName = name;
      tagAttributes = attributes ?? noAttributes;
      return tagSelfClosing ? at + 2 : at + 1;
    }
    // Attributes are separated by white space (the validator's "has no space in starting").
    if (at === spaceStart || !isNameStart(code)) return -1;
    const attributeStart = at;
    at = nameEnd(text, at + 1);
    const attributeName = text.slice(attributeStart, at);
    at = skipSpaces(text, at);
    if (text.charCodeAt(at) !== EQUALS) return -1;
    at = skipSpaces(text, at + 1);
    const quote = text.charCodeAt(at);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return -1;
    const close = text.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", at + 1);
    if (close < 0 || guardedNames.has(attributeName)) return -1;
    attributes ??= new Map();
    if (attributes.has(attributeName)) return -1;
    attributes.set(attributeName, decodeReferences(normalizeLineEnds(text.slice(at + 1, close)).trim()));
    at = close + 1;
  }
}

/** Every `&` in `run` starts a reference the validator accepts. */
function referencesAreValid(run: string): boolean {
  for (let at = run.indexOf('&'); at >= 0; at = run.indexOf('&', at + 1)) {
    reference.lastIndex = at;
    if (!reference.test(run)) return false;
  }
  return true;
}

/** Adds the text between two pieces of markup, trimmed as fast-xml-parser trims each text node. */
function addText(open: OpenElement, text: string, from: number, to: number): boolean {
  const start = skipSpaces(text, from);
  if (start >= to) return true;
  let end = to;
  while (isSpace(text.charCodeAt(end - 1))) end--;
  const run = text.slice(start, end);
  if (run.includes('&') && !referencesAreValid(run)) return false;
  // trim() as well: fast-xml-parser also trims white space beyond ASCII (a no-break space, say).
  const trimmed = normalizeLineEnds(run).trim();
  open.text = open.text === '' ? trimmed : open.text + trimmed;
  return true;
}

/**
 * The element as fast-xml-parser's output becomes it: text parts joined, references decoded, trimmed. Its
 * content lies between the offsets where the scan left its start tag and met its end tag.
 */
function element(
  name: string,
  start: number,
  end: number,
  contentStart: number,
  contentEnd: number,
  attributes: ReadonlyMap<string, string>,
  children: readonly XmlElement[],
  text: string,
): XmlElement {
  return {
    name,
    range: { start, end },
    contentRange: { start: contentStart, end: contentEnd },
    attributes,
    children,
    text: decodeReferences(text).trim(),
  };
}

/**
 * The root element of a plain, well-formed XML document, built in one pass; undefined when the
 * document uses anything this scanner leaves to fast-xml-parser (see above), including every
 * document that is not well-formed.
 */
export function scanXml(text: string): XmlElement | undefined {
  let at = 0;
  if (text.startsWith('<?xml')) {
    const declaration = xmlDeclaration.exec(text);
    if (!declaration) return undefined;
    at = declaration[0].length;
  }
  at = skipMisc(text, at);
  if (at < 0 || at >= text.length || doctype.test(text.slice(0, at))) return undefined;
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  for (;;) {
    const open = stack[stack.length - 1];
    const next = text.charCodeAt(at + 1);
    if (next === SLASH) {
      if (open === undefined || !text.startsWith(open.name, at + 2)) return undefined;
      const close = skipSpaces(text, at + 2 + open.name.length);
      if (text.charCodeAt(close) !== GT) return undefined;
      stack.pop();
      const closed = element(open.name, open.start, close + 1, open.contentStart, at, open.attributes, open.children ?? noChildren, open.text);
      const parent = stack[stack.length - 1];
      if (parent) (parent.children ??= []).push(closed);
      else root = closed;
      at = close + 1;
    } else if (next === BANG && open !== undefined) {
      const comment = text.startsWith('<!--', at);
      if (!comment && !text.startsWith('<![CDATA[', at)) return undefined;
      const end = comment ? text.indexOf('-->', at + 4) : text.indexOf(']]>', at + 9);
      if (end < 0) return undefined;
      if (!comment) open.text += normalizeLineEnds(text.slice(at + 9, end));
      at = end + 3;
    } else {
      if (!isNameStart(next)) return undefined;
      const tagEnd = readStartTag(text, at);
      if (tagEnd < 0) return undefined;
      if (tagSelfClosing) {
        const leaf = element(tagName, at, tagEnd, tagEnd, tagEnd, tagAttributes, noChildren, '');
        if (open) (open.children ??= []).push(leaf);
        else root = leaf;
      } else {
        if (stack.length >= maxDepth) return undefined;
        stack.push({ name: tagName, start: at, contentStart: tagEnd, attributes: tagAttributes, children: undefined, text: '' });
      }
      at = tagEnd;
    }
    if (root !== undefined) break;
    const lt = text.indexOf('<', at);
    const current = stack[stack.length - 1];
    if (lt < 0 || current === undefined || !addText(current, text, at, lt)) return undefined;
    at = lt;
  }
  return skipMisc(text, at) === text.length ? root : undefined;
}
