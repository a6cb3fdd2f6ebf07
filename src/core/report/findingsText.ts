import type { Finding } from '../analysis/finding';
import { childText, parseXml } from '../pom/xmlTree';
import { displayPath, pathChain, sortFindings, stepText, summarizeFindings } from './findingsSummary';

export interface FindingsTextOptions {
  /** Paths inside this folder are shown relative to it. */
  readonly baseDir?: string;
  /** Classes listed per finding before "(+N more)". */
  readonly maxClasses?: number;
  /** The text of a pom, to name the element a location points at; without it the first path names it. */
  readonly pomText?: (file: string) => string | undefined;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

/**
 * What a location is shown on: the `<dependency>` written at that range (`groupId:artifactId` as written),
 * else the direct dependency of the first path (step 0 is the module itself).
 */
function subjectOf(finding: Finding, options: FindingsTextOptions): string {
  const { file, range } = finding.location;
  // Findings on a loose jar folder are located on the folder itself, which has no pom text.
  if (finding.module.startsWith('folder:')) return 'the jar folder';
  const parsed = parseXml(options.pomText?.(file)?.slice(range.start, range.end) ?? '');
  if (parsed.ok && parsed.root.name === 'project') return 'the project';
  if (parsed.ok && parsed.root.name === 'dependency') {
    return `${childText(parsed.root, 'groupId') ?? '?'}:${childText(parsed.root, 'artifactId') ?? '?'}`;
  }
  const direct = finding.paths[0]?.[1];
  return direct ? stepText(direct) : 'the project';
}

function findingLines(finding: Finding, options: FindingsTextOptions): string[] {
  const maxClasses = options.maxClasses ?? 5;
  const lines = [`    ${finding.severity} ${finding.code} [${finding.scopes.join(', ')}]: ${finding.message}`];
  const [firstPath] = finding.paths;
  if (firstPath) {
    const more = finding.paths.length > 1 ? ` (+${plural(finding.paths.length - 1, 'more path')})` : '';
    lines.push(`      path: ${pathChain(firstPath).join(' -> ')}${more}`);
  }
  if (finding.classes.length > 0) {
    const shown = finding.classes.slice(0, maxClasses).join(', ');
    const more = finding.classes.length > maxClasses ? ` (+${finding.classes.length - maxClasses} more)` : '';
    lines.push(`      classes: ${shown}${more}`);
  }
  for (const jar of finding.jars) lines.push(`      jar: ${displayPath(jar, options.baseDir)}`);
  for (const fix of finding.fixes) {
    if (fix.edits.length > 0) lines.push(`      fix: ${fix.title}${fix.preferred ? ' (preferred)' : ''}`);
  }
  return lines;
}

/**
 * Findings for people: per module, then per pom location (the `<dependency>` that brings the problem
 * in), each with its first dependency path, its jars and the titles of its fixes, and a count at the end.
 */
export function findingsText(findings: readonly Finding[], options: FindingsTextOptions = {}): string {
  const sorted = sortFindings(findings);
  const lines: string[] = [];
  for (const [module, ofModule] of groupBy(sorted, (finding) => finding.module)) {
    lines.push(module);
    const byLocation = groupBy(ofModule, (finding) => `${finding.location.file}\0${finding.location.range.start}`);
    for (const group of byLocation.values()) {
      const { location } = group[0] as Finding;
      lines.push(`  ${displayPath(location.file, options.baseDir)}:${location.line}:${location.column}: ${subjectOf(group[0] as Finding, options)}`);
      for (const finding of group) lines.push(...findingLines(finding, options));
    }
    lines.push('');
  }
  const summary = summarizeFindings(findings);
  if (summary.total === 0) lines.push('No findings.');
  else lines.push(`${plural(summary.total, 'finding')}: ${plural(summary.error, 'error')}, ${plural(summary.warning, 'warning')}, ${summary.info} info`);
  return `${lines.join('\n')}\n`;
}
