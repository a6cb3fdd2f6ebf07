import { isAbsolute, relative, sep } from 'node:path';
import type { Finding, FindingCode, PathStep, Severity } from '../analysis/finding';

/** Severities from least to most serious, for `--fail-on` and sorting. */
export const severityRank: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

export interface FindingsSummary {
  readonly total: number;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly byCode: Readonly<Partial<Record<FindingCode, number>>>;
  /** Modules with at least one finding, in the order they first appear. */
  readonly modules: readonly string[];
}

export function summarizeFindings(findings: readonly Finding[]): FindingsSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byCode: Partial<Record<FindingCode, number>> = {};
  const modules = new Set<string>();
  for (const finding of findings) {
    counts[finding.severity]++;
    byCode[finding.code] = (byCode[finding.code] ?? 0) + 1;
    modules.add(finding.module);
  }
  return { total: findings.length, ...counts, byCode, modules: [...modules] };
}

/**
 * A stable order for every rendering: modules as they first appear (the reactor order the analysis used),
 * then by file and position, the most serious first at one position, then by code and message.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const moduleOrder = new Map<string, number>();
  for (const finding of findings) if (!moduleOrder.has(finding.module)) moduleOrder.set(finding.module, moduleOrder.size);
  return [...findings].sort(
    (a, b) =>
      (moduleOrder.get(a.module) ?? 0) - (moduleOrder.get(b.module) ?? 0) ||
      a.location.file.localeCompare(b.location.file) ||
      a.location.range.start - b.location.range.start ||
      severityRank[b.severity] - severityRank[a.severity] ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

/** A path relative to `baseDir` with forward slashes when it lies inside it, else as given. */
export function displayPath(file: string, baseDir: string | undefined): string {
  if (baseDir === undefined) return file;
  const inside = relative(baseDir, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return file;
  return inside.split(sep).join('/');
}

/** `g:a:v` (with `:classifier` before the version when there is one). */
export function stepText(step: PathStep): string {
  return `${step.groupId}:${step.artifactId}${step.classifier ? `:${step.classifier}` : ''}:${step.version}`;
}

export function pathChain(path: readonly PathStep[]): string[] {
  return path.map(stepText);
}
