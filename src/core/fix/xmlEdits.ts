import type { TextEdit } from '../analysis/finding';
import type { TextRange, XmlElement } from '../pom/xmlTree';
import { lastTexts } from './lastTexts';
import { detectLayout, type PomDocument, type TextLayout } from './pomDocument';

/** An element to write: a leaf with text, an element with children, or a comment. */
export type NewXml =
  | { readonly name: string; readonly text: string }
  | { readonly name: string; readonly children: readonly NewXml[] }
  | { readonly comment: string };

/** The pom being edited, with the layout every inserted line follows. */
export interface EditContext {
  readonly file: string;
  readonly text: string;
  readonly layout: TextLayout;
}

const layoutOf = lastTexts(detectLayout);

export function editContext(pom: PomDocument): EditContext {
  return { file: pom.path, text: pom.text, layout: layoutOf(pom.text) };
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** True when only spaces and tabs stand between the start of the line and `offset`. */
function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

/** The leading whitespace of the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

function isSelfClosing(element: XmlElement): boolean {
  return element.contentRange.start === element.range.end;
}

/**
 * Whether children of `element` are written on one line with it: its content already is (and is not
 * empty), or it is empty and does not start its own line.
 */
function writtenInline(text: string, element: XmlElement): boolean {
  const content = text.slice(element.contentRange.start, element.contentRange.end);
  if (/[\r\n]/.test(content)) return false;
  if (content.trim() !== '') return true;
  return !startsLine(text, element.range.start);
}

/** The indentation of `element`'s children: as its first child is written, else one unit deeper. */
function childIndent(context: EditContext, element: XmlElement): string {
  const first = element.children[0];
  if (first && startsLine(context.text, first.range.start)) return lineIndent(context.text, first.range.start);
  return lineIndent(context.text, element.range.start) + context.layout.indentUnit;
}

/** Writes `node` at `indent` (the column its start tag sits at), or all on one line when `inline`. */
export function renderXml(node: NewXml, indent: string, layout: TextLayout, inline: boolean): string {
  if ('comment' in node) return `<!-- ${node.comment} -->`;
  if ('text' in node) return `<${node.name}>${escapeText(node.text)}</${node.name}>`;
  if (inline) return `<${node.name}>${node.children.map((child) => renderXml(child, '', layout, true)).join('')}</${node.name}>`;
  const inner = indent + layout.indentUnit;
  const body = node.children.map((child) => layout.newline + inner + renderXml(child, inner, layout, false)).join('');
  return `<${node.name}>${body}${layout.newline}${indent}</${node.name}>`;
}

function edit(context: EditContext, range: TextRange, newText: string): TextEdit {
  return { file: context.file, range, newText };
}

/** Adds `node` as the last child of `parent`, opening a self-closing `<x/>` when needed. */
export function appendChild(context: EditContext, parent: XmlElement, node: NewXml): TextEdit {
  const { text, layout } = context;
  const inline = writtenInline(text, parent);
  const parentIndent = lineIndent(text, parent.range.start);
  const indent = childIndent(context, parent);
  const rendered = renderXml(node, indent, layout, inline);
  const body = inline ? rendered : layout.newline + indent + rendered + layout.newline + parentIndent;
  if (isSelfClosing(parent)) {
    const startTag = text.slice(parent.range.start, parent.range.end - 2).trimEnd();
    return edit(context, parent.range, `${startTag}>${body}</${parent.name}>`);
  }
  const content = text.slice(parent.contentRange.start, parent.contentRange.end);
  if (content.trim() === '') return edit(context, parent.contentRange, body);
  if (inline) return edit(context, { start: parent.contentRange.end, end: parent.contentRange.end }, rendered);
  const lastContentEnd = parent.contentRange.start + content.trimEnd().length;
  return edit(context, { start: lastContentEnd, end: lastContentEnd }, layout.newline + indent + rendered);
}

/** Adds `node` as the first child of `parent`, on its own line when `parent` spans lines. */
export function prependChild(context: EditContext, parent: XmlElement, node: NewXml): TextEdit {
  const { text, layout } = context;
  if (isSelfClosing(parent) || text.slice(parent.contentRange.start, parent.contentRange.end).trim() === '') {
    return appendChild(context, parent, node);
  }
  const at = { start: parent.contentRange.start, end: parent.contentRange.start };
  if (writtenInline(text, parent)) return edit(context, at, renderXml(node, '', layout, true));
  const indent = childIndent(context, parent);
  return edit(context, at, layout.newline + indent + renderXml(node, indent, layout, false));
}

/** Adds `node` right before `sibling`, at the sibling's indentation, pushing the sibling to the next line. */
export function insertBefore(context: EditContext, parent: XmlElement, sibling: XmlElement, node: NewXml): TextEdit {
  const { text, layout } = context;
  const at = { start: sibling.range.start, end: sibling.range.start };
  if (writtenInline(text, parent) || !startsLine(text, sibling.range.start)) {
    return edit(context, at, renderXml(node, '', layout, true));
  }
  const indent = lineIndent(text, sibling.range.start);
  return edit(context, at, renderXml(node, indent, layout, false) + layout.newline + indent);
}

/**
 * Adds `node` among `parent`'s children where `order` (the element order of Maven's POM schema) puts it:
 * before the first existing child that the schema lists after it, else last.
 */
export function insertInOrder(context: EditContext, parent: XmlElement, node: NewXml & { name: string }, order: readonly string[]): TextEdit {
  const rank = order.indexOf(node.name);
  const next = parent.children.find((child) => order.indexOf(child.name) > rank);
  return next ? insertBefore(context, parent, next, node) : appendChild(context, parent, node);
}

/** Replaces the text of a leaf element (`<scope>test</scope>`, `<version/>`). */
export function replaceText(context: EditContext, element: XmlElement, value: string): TextEdit {
  if (isSelfClosing(element)) return edit(context, element.range, `<${element.name}>${escapeText(value)}</${element.name}>`);
  return edit(context, element.contentRange, escapeText(value));
}

/** The element of `name` that starts at `range.start`, anywhere under `root`. */
export function elementAt(root: XmlElement, range: TextRange, name?: string): XmlElement | undefined {
  if (root.range.start === range.start && (name === undefined || root.name === name)) return root;
  for (const child of root.children) {
    if (child.range.start <= range.start && range.start < child.range.end) {
      const found = elementAt(child, range, name);
      if (found) return found;
    }
  }
  return undefined;
}
