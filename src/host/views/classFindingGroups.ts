// How the class findings become the rows of the Duplicate Classes and Missing Classes views, as plain data:
// no vscode here, so it is unit-tested in plain Node.
import { basename, dirname } from 'node:path';
import type { AnalysedScope, Finding, Fix, Severity } from '../../core/analysis/finding';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The worst severity first; a set with none ranks last. */
export function severityRank(severity: Severity | undefined): number {
  return severity === undefined ? 3 : SEVERITY_RANK[severity];
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  return findings.map((finding) => finding.severity).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0];
}

/** A stable identity of a finding across analyses: where it is, its code and its message. */
export function findingKey(finding: Finding): string {
  const { file, range } = finding.location;
  return `${file}|${range.start}|${range.end}|${finding.code}|${finding.message}`;
}

/** The artifactId of a module's `groupId:artifactId:version`, the name the other views show. */
export function moduleName(module: string): string {
  return module.split(':')[1] ?? module;
}

/** A classpath element's short name: the jar's file name, or the module folder of `<module>/target/classes`. */
export function elementName(path: string): string {
  const normalized = path.replace(/[\\/]+$/, '');
  if (basename(normalized) === 'classes' && basename(dirname(normalized)) === 'target') return basename(dirname(dirname(normalized)));
  return basename(normalized);
}

/** A class defined by every jar of a duplicate set. */
export interface DuplicateClass {
  readonly name: string;
  /** Whether the copies' bytes differ (else they are identical). */
  readonly different: boolean;
}

/** One duplicate-class finding: a set of jars of one module that define the same classes. */
export interface DuplicateSet {
  readonly key: string;
  readonly finding: Finding;
  readonly moduleName: string;
  readonly scopes: readonly AnalysedScope[];
  /** In classpath order: the first one's copy is the one the class loader takes. */
  readonly jars: readonly string[];
  readonly classes: readonly DuplicateClass[];
  readonly differentCount: number;
  readonly identicalCount: number;
}

export function duplicateSetLabel(set: DuplicateSet): string {
  return set.jars.map(elementName).join(' ↔ ');
}

/** "N different, M identical" (the parts that are not zero). */
export function duplicateCounts(set: Pick<DuplicateSet, 'differentCount' | 'identicalCount'>): string {
  const parts = [set.differentCount > 0 ? `${set.differentCount} different` : '', set.identicalCount > 0 ? `${set.identicalCount} identical` : ''];
  return parts.filter(Boolean).join(', ');
}

/** The duplicate-class findings as sets of jars, worst severity first, then by module and jars. */
export function duplicateSets(findings: readonly Finding[]): DuplicateSet[] {
  const sets = findings
    .filter((finding) => finding.code === 'duplicate-class')
    .map((finding): DuplicateSet => {
      const different = new Set(finding.differentClasses ?? []);
      const classes = finding.classes.map((name) => ({ name, different: different.has(name) }));
      return {
        key: findingKey(finding),
        finding,
        moduleName: moduleName(finding.module),
        scopes: finding.scopes,
        jars: finding.jars,
        classes: [...classes.filter((entry) => entry.different), ...classes.filter((entry) => !entry.different)],
        differentCount: classes.filter((entry) => entry.different).length,
        identicalCount: classes.filter((entry) => !entry.different).length,
      };
    });
  // Each label made once, not once per comparison.
  const labels = new Map(sets.map((set) => [set, duplicateSetLabel(set)]));
  return sets.sort(
    (a, b) =>
      severityRank(a.finding.severity) - severityRank(b.finding.severity) ||
      a.moduleName.localeCompare(b.moduleName) ||
      labels.get(a)!.localeCompare(labels.get(b)!),
  );
}

/** Who references a missing class or member: the module, the classes, and the finding that says so. */
export interface MissingReference {
  readonly finding: Finding;
  readonly moduleName: string;
  readonly referencedBy: readonly string[];
}

/** A missing class (or member) and every finding that reports it. */
export interface MissingName {
  readonly name: string;
  readonly references: readonly MissingReference[];
  readonly severity: Severity | undefined;
}

/** The missing classes (or members) one artifact would provide. */
export interface ProviderGroup {
  /** `groupId:artifactId`, or NO_PROVIDER. */
  readonly key: string;
  readonly provider: { readonly groupId: string; readonly artifactId: string; readonly version?: string } | undefined;
  readonly names: readonly MissingName[];
  readonly findings: readonly Finding[];
  readonly severity: Severity | undefined;
}

export const NO_PROVIDER = 'not provided by any artifact in the local repository';

export type MissingCode = 'missing-class' | 'missing-member';

/** The class of a missing member `Owner.name(descriptor)` or `Owner.name:descriptor`; a class name as is. */
export function ownerClass(name: string, code: MissingCode): string {
  if (code === 'missing-class') return name;
  const end = name.search(/[(:]/);
  const member = end < 0 ? name : name.slice(0, end);
  return member.slice(0, member.lastIndexOf('.'));
}

/** What a missing-class or missing-member finding lacks: its structured detail, else its classes. */
function detailOf(finding: Finding): NonNullable<Finding['missing']> {
  return finding.missing ?? { names: finding.classes.slice(0, 1), referencedBy: finding.classes.slice(1) };
}

/**
 * Missing-class (or missing-member) findings grouped by the artifact that would provide them (for members:
 * the owner's artifact), and under each the missing names with who references them. Groups and names come
 * worst severity first, then by name; the group of names no artifact provides comes after the others of
 * its severity.
 */
export function providerGroups(findings: readonly Finding[], code: MissingCode): ProviderGroup[] {
  const groups = new Map<string, { provider: ProviderGroup['provider']; names: Map<string, MissingReference[]>; findings: Finding[] }>();
  for (const finding of findings) {
    if (finding.code !== code) continue;
    const detail = detailOf(finding);
    const key = detail.provider ? `${detail.provider.groupId}:${detail.provider.artifactId}` : NO_PROVIDER;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { provider: detail.provider, names: new Map(), findings: [] }));
    group.findings.push(finding);
    // Several findings may name different versions of one provider: show the highest-ranked one's (the first).
    for (const name of detail.names) {
      let references = group.names.get(name);
      if (references === undefined) group.names.set(name, (references = []));
      references.push({ finding, moduleName: moduleName(finding.module), referencedBy: detail.referencedBy });
    }
  }
  const bySeverityThenName = <T extends { severity: Severity | undefined }>(a: T, b: T, nameA: string, nameB: string): number =>
    severityRank(a.severity) - severityRank(b.severity) || (nameA === NO_PROVIDER ? 1 : 0) - (nameB === NO_PROVIDER ? 1 : 0) || nameA.localeCompare(nameB);
  return [...groups]
    .map(([key, group]): ProviderGroup => {
      const names = [...group.names]
        .map(([name, references]): MissingName => ({ name, references, severity: worstSeverity(references.map((reference) => reference.finding)) }))
        .sort((a, b) => bySeverityThenName(a, b, a.name, b.name));
      return { key, provider: group.provider, names, findings: group.findings, severity: worstSeverity(group.findings) };
    })
    .sort((a, b) => bySeverityThenName(a, b, a.key, b.key));
}

/** "referenced by A, B (module)" for one reference, with at most `shown` class names. */
export function referenceText(reference: MissingReference, shown = 2): string {
  const names = reference.referencedBy;
  const listed = names.slice(0, shown).join(', ') + (names.length > shown ? ` and ${names.length - shown} more` : '');
  return names.length === 0 ? reference.moduleName : `${listed} (${reference.moduleName})`;
}

/** Every distinct fix of some findings, by title, with the finding it belongs to. */
export function distinctFixes(findings: readonly Finding[], fixesOf: (finding: Finding) => readonly Fix[] = (finding) => finding.fixes): { readonly finding: Finding; readonly fix: Fix }[] {
  const seen = new Set<string>();
  const fixes: { finding: Finding; fix: Fix }[] = [];
  for (const finding of findings) {
    for (const fix of fixesOf(finding)) {
      const key = `${fix.title}|${fix.edits.map((edit) => `${edit.file}:${edit.range.start}`).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fixes.push({ finding, fix });
    }
  }
  return fixes;
}

function contains(texts: readonly string[], needle: string): boolean {
  return texts.some((text) => text.toLowerCase().includes(needle));
}

/**
 * The duplicate sets a filter text keeps (case-insensitive): a set whose module or jars contain it whole,
 * else only its classes whose names contain it. The counts stay those of the whole set.
 */
export function filterDuplicateSets(sets: readonly DuplicateSet[], filter: string): DuplicateSet[] {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return [...sets];
  return sets.flatMap((set) => {
    if (contains([set.moduleName, ...set.jars.map(elementName)], needle)) return [set];
    const classes = set.classes.filter((entry) => entry.name.toLowerCase().includes(needle));
    return classes.length > 0 ? [{ ...set, classes }] : [];
  });
}

/** The provider groups a filter text keeps: a group whose artifact contains it whole, else the names that or whose referencing classes contain it. */
export function filterProviderGroups(groups: readonly ProviderGroup[], filter: string): ProviderGroup[] {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return [...groups];
  return groups.flatMap((group) => {
    if (group.key.toLowerCase().includes(needle)) return [group];
    const names = group.names.filter((name) => contains([name.name, ...name.references.flatMap((reference) => [reference.moduleName, ...reference.referencedBy])], needle));
    return names.length > 0 ? [{ ...group, names }] : [];
  });
}
