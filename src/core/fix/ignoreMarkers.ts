import type { FindingCode, Fix } from '../analysis/finding';
import { parseXml, type TextRange, type XmlElement } from '../pom/xmlTree';
import { makeFix, projectElement } from './pomElements';
import type { PomDocument } from './pomDocument';
import { editContext, elementAt, prependChild } from './xmlEdits';

/** A `<!-- jarscope:ignore <code> <subject> -->` comment written in a pom. */
export interface IgnoreMarker {
  /** The finding code it silences, as written (unknown codes are kept so that a typo can be reported). */
  readonly code: string;
  /** A class, package or artifact pattern where `*` matches any run of characters. */
  readonly subject: string;
  /** The element the comment sits in (a `<dependency>` or the `<project>`): the marker applies to it. */
  readonly range: TextRange;
  /** The comment itself. */
  readonly markerRange: TextRange;
}

const markerPattern = /<!--\s*jarscope:ignore\s+(\S+)\s+(\S+)\s*-->/g;

// XML 1.0 §2.5: a comment may not contain "--"; a subject never needs it.
function commentSafe(subject: string): string {
  return subject.replace(/-{2,}/g, '-').replace(/\s+/g, '');
}

function enclosing(root: XmlElement, offset: number): XmlElement {
  const child = root.children.find((element) => element.contentRange.start <= offset && offset < element.contentRange.end);
  return child ? enclosing(child, offset) : root;
}

/** Every ignore marker of a pom text, with the element it belongs to (the whole text when it does not parse). */
export function readIgnoreMarkers(pomText: string): IgnoreMarker[] {
  const parsed = parseXml(pomText);
  const markers: IgnoreMarker[] = [];
  for (const match of pomText.matchAll(markerPattern)) {
    const start = match.index;
    const markerRange = { start, end: start + match[0].length };
    const range = parsed.ok ? enclosing(parsed.root, start).range : { start: 0, end: pomText.length };
    markers.push({ code: match[1] ?? '', subject: match[2] ?? '', range, markerRange });
  }
  return markers;
}

/** True when `subject` (a dotted class name, a package or `groupId:artifactId`) matches a `*` pattern. */
export function matchesIgnorePattern(pattern: string, subject: string): boolean {
  const regex = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${regex}$`).test(subject);
}

/**
 * Silences a finding where the user sees it and can undo it: `<!-- jarscope:ignore <code> <subject> -->`
 * as the first child line of the element at `anchorRange` (a `<dependency>`, or the `<project>` for
 * findings of the whole module). No edit when the same marker is already there.
 */
export function ignoreFix(
  pom: PomDocument,
  anchorRange: TextRange,
  code: FindingCode,
  subject: string,
  title = `Ignore ${code} for ${subject}`,
): Fix {
  const project = projectElement(pom.text);
  const anchor = project && elementAt(project, anchorRange);
  if (!anchor) return makeFix('ignore', title, []);
  const safeSubject = commentSafe(subject);
  const present = readIgnoreMarkers(pom.text).some(
    (marker) => marker.range.start === anchor.range.start && marker.code === code && marker.subject === safeSubject,
  );
  if (present) return makeFix('ignore', title, []);
  return makeFix('ignore', title, [prependChild(editContext(pom), anchor, { comment: `jarscope:ignore ${code} ${safeSubject}` })]);
}
