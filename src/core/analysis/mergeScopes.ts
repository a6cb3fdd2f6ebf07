import type { Finding } from './finding';
import { ANALYSED_SCOPES } from './moduleClasspaths';

/** What two findings must share to be the same, but for their classes: a list that can be thousands long is compared apart. */
function findingKey(finding: Finding): string {
  const { file, range } = finding.location;
  return [finding.code, finding.severity, file, range.start, range.end, finding.message, finding.jars.join(',')].join('\u0000');
}

function sameClasses(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((name, index) => name === b[index]));
}

/**
 * Merges findings that are the same on several classpaths into one listing every scope it occurs on, and
 * sorts them by file, offset and code so that output is stable.
 */
export function mergeScopes(findings: readonly Finding[]): Finding[] {
  // In order of first appearance, which the sort keeps among equals.
  const merged: Finding[] = [];
  const byKey = new Map<string, number[]>();
  for (const finding of findings) {
    const key = findingKey(finding);
    let places = byKey.get(key);
    if (places === undefined) byKey.set(key, (places = []));
    const place = places.find((index) => sameClasses(merged[index]!.classes, finding.classes));
    if (place === undefined) {
      places.push(merged.length);
      merged.push(finding);
    } else {
      const known = merged[place]!;
      const scopes = new Set([...known.scopes, ...finding.scopes]);
      merged[place] = { ...known, scopes: ANALYSED_SCOPES.filter((scope) => scopes.has(scope)) };
    }
  }
  return merged.sort(
    (a, b) =>
      (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
      a.location.range.start - b.location.range.start ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
