import type { Finding } from './finding';
import { ANALYSED_SCOPES } from './moduleClasspaths';

function findingKey(finding: Finding): string {
  const { file, range } = finding.location;
  return [finding.code, finding.severity, file, range.start, range.end, finding.message, finding.classes.join(','), finding.jars.join(',')].join('\u0000');
}

/**
 * Merges findings that are the same on several classpaths into one listing every scope it occurs on, and
 * sorts them by file, offset and code so that output is stable.
 */
export function mergeScopes(findings: readonly Finding[]): Finding[] {
  const merged = new Map<string, Finding>();
  for (const finding of findings) {
    const key = findingKey(finding);
    const known = merged.get(key);
    if (known === undefined) {
      merged.set(key, finding);
    } else {
      const scopes = new Set([...known.scopes, ...finding.scopes]);
      merged.set(key, { ...known, scopes: ANALYSED_SCOPES.filter((scope) => scopes.has(scope)) });
    }
  }
  return [...merged.values()].sort(
    (a, b) =>
      (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
      a.location.range.start - b.location.range.start ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
