// How findings become diagnostics and quick fixes, as plain data: no vscode here, so it is unit-tested in plain Node.
import type { Finding, FindingCode, Fix, PathStep, Severity, SourceLocation } from '../../core/analysis/finding';
import { ignoreFix } from '../../core/fix/ignoreMarkers';
import type { TextRange } from '../../core/pom/xmlTree';

/** What a user may set a finding code to: a diagnostic severity, or `off` to hide it. */
export type SeverityLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';

// A record, so that the compiler rejects a code added to FindingCode but not listed here.
const CODE_SET: Readonly<Record<FindingCode, true>> = {
  'pom-error': true,
  'unresolved-artifact': true,
  'version-conflict': true,
  'duplicate-class': true,
  'missing-class': true,
  'missing-member': true,
  'unreadable-jar': true,
  'invalid-class-file': true,
  'runtime-overlap': true,
  'runtime-missing-member': true,
  'runtime-problem': true,
  'folder-version-conflict': true,
  'embedded-artifact': true,
};

export const FINDING_CODES: readonly FindingCode[] = Object.keys(CODE_SET) as FindingCode[];

const LEVELS: readonly SeverityLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

export function isFindingCode(value: unknown): value is FindingCode {
  return typeof value === 'string' && (FINDING_CODES as readonly string[]).includes(value);
}

export function isSeverityLevel(value: unknown): value is SeverityLevel {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

const defaultLevel: Readonly<Record<Severity, SeverityLevel>> = { error: 'error', warning: 'warning', info: 'information' };

/** The level a finding is shown at: the user's override for its code, else the core's severity. */
export function levelOf(finding: Finding, overrides: ReadonlyMap<FindingCode, SeverityLevel>): SeverityLevel {
  return overrides.get(finding.code) ?? defaultLevel[finding.severity];
}

/**
 * Whether another diagnostic collection already shows this finding: pom problems (malformed XML, a missing
 * parent or BOM) and collection problems (a dependency's missing pom) are shown where resolution reports
 * them; the findings keep what only the classpath analysis knows (missing jars, conflicts, classes).
 */
export function shownElsewhere(finding: Finding): boolean {
  if (finding.code === 'pom-error') return true;
  // A missing jar names the jar; a resolution problem (missing pom, unresolvable range) names none.
  return finding.code === 'unresolved-artifact' && finding.jars.length === 0;
}

/**
 * The first sentence of a message, for the Problems panel: up to the first `. ` or `; ` outside parentheses
 * (class names and versions contain dots but no space after them). The whole message is in the hover.
 */
export function shortMessage(message: string): string {
  let depth = 0;
  for (let index = 0; index < message.length - 1; index++) {
    const char = message[index];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (char === '.' || char === ';') && message[index + 1] === ' ') return message.slice(0, char === '.' ? index + 1 : index);
  }
  return message;
}

export function stepText(step: PathStep): string {
  return `${step.groupId}:${step.artifactId}${step.classifier ? `:${step.classifier}` : ''}:${step.version}`;
}

export function pathText(path: readonly PathStep[]): string {
  return path.map(stepText).join(' -> ');
}

/** A related-information entry: a message at a place in a file. */
export interface RelatedEntry {
  readonly message: string;
  /** A pom location (offsets in the analysed text), or a whole file (a jar) when undefined. */
  readonly location: SourceLocation | undefined;
  readonly file: string;
}

/**
 * The related information of a finding's diagnostic: the core's related locations, then each dependency
 * path (at the finding's own element: the path starts there), then each jar involved.
 */
export function relatedEntries(finding: Finding): RelatedEntry[] {
  return [
    ...finding.related.map(({ message, location }) => ({ message, location, file: location.file })),
    ...finding.paths.map((path) => ({ message: `path: ${pathText(path)}`, location: finding.location, file: finding.location.file })),
    ...finding.jars.map((jar) => ({ message: `jar: ${jar}`, location: undefined, file: jar })),
  ];
}

/** The diagnostic of a finding, by offsets in the text that was analysed. */
export interface DiagnosticData {
  readonly file: string;
  readonly range: TextRange;
  readonly level: Exclude<SeverityLevel, 'off'>;
  readonly code: FindingCode;
  readonly message: string;
  readonly fullMessage: string;
  readonly related: readonly RelatedEntry[];
}

/** The diagnostic a finding is shown as; undefined when the user turned its code off. */
export function diagnosticData(finding: Finding, overrides: ReadonlyMap<FindingCode, SeverityLevel>): DiagnosticData | undefined {
  const level = levelOf(finding, overrides);
  if (level === 'off') return undefined;
  const scopes = finding.scopes.length === 3 ? '' : ` [${finding.scopes.join(', ')}]`;
  return {
    file: finding.location.file,
    range: finding.location.range,
    level,
    code: finding.code,
    message: shortMessage(finding.message) + scopes,
    fullMessage: finding.message,
    related: relatedEntries(finding),
  };
}

/** Several modules of one reactor often report one problem in a shared pom: keep it once. */
export function distinctFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.location.file}|${finding.location.range.start}|${finding.location.range.end}|${finding.code}|${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What an ignore marker for a finding names: the class it is about for class findings (the first of its
 * classes is the missing, clashing or broken one), else the artifact at the end of its first path.
 */
export function ignoreSubject(finding: Finding): string | undefined {
  if (finding.classes.length > 0 && finding.code !== 'version-conflict') return finding.classes[0];
  const artifact = finding.paths[0]?.at(-1);
  return artifact && `${artifact.groupId}:${artifact.artifactId}`;
}

/**
 * The quick fixes of a finding, the core's first (the preferred one marked there), then "Ignore" writing a
 * `jarscope:ignore` marker on the element the finding is shown on. `pomText` is the text of that pom as
 * it was analysed.
 */
export function quickFixes(finding: Finding, pomText: string | undefined): Fix[] {
  const fixes = finding.fixes.filter((fix) => fix.edits.length > 0);
  const subject = ignoreSubject(finding);
  if (pomText === undefined || subject === undefined) return fixes;
  const ignore = ignoreFix({ path: finding.location.file, text: pomText }, finding.location.range, finding.code, subject, `Ignore this finding (${finding.code} ${subject})`);
  return ignore.edits.length > 0 ? [...fixes, ignore] : fixes;
}

/** Counts for the status bar, by what the user sees: errors, and warnings. */
export function countLevels(levels: readonly SeverityLevel[]): { errors: number; warnings: number } {
  return {
    errors: levels.filter((level) => level === 'error').length,
    warnings: levels.filter((level) => level === 'warning').length,
  };
}

/** The status bar text: codicons and counts, e.g. `$(error) 1 $(warning) 1 Jarscope`. */
export function statusText(counts: { errors: number; warnings: number }, running: boolean): string {
  const prefix = running ? '$(sync~spin) ' : '';
  return `${prefix}$(error) ${counts.errors} $(warning) ${counts.warnings} Jarscope`;
}
