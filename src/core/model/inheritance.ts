import type { RawDependency } from '../pom/rawPom';
import type { DeclarationSite, PomSource } from './modelTypes';

/** A dependency as written (uninterpolated), with the pom and element that declare it. */
export interface WorkingDependency {
  readonly raw: RawDependency;
  readonly site: DeclarationSite;
}

/** Dependencies keyed by management key, in model order. */
export type DependencyMap = Map<string, WorkingDependency>;

/** Maven's Dependency.getManagementKey(): groupId:artifactId:type[:classifier], type defaulting to jar. */
export function managementKey(dependency: { groupId: string; artifactId: string; type?: string; classifier?: string }): string {
  const classifier = dependency.classifier ? `:${dependency.classifier}` : '';
  return `${dependency.groupId}:${dependency.artifactId}:${dependency.type ?? 'jar'}${classifier}`;
}

/**
 * Adds dependencies to a map with the later one dominant: a key seen before keeps its position and takes the
 * later content. This is Maven's ModelMerger with a dominant source, used for a profile injected into its pom
 * and, as Maven 3.8 does, for a dependency declared twice in one pom (reported through `onDuplicate`).
 */
export function putDominant(
  target: DependencyMap,
  dependencies: readonly RawDependency[],
  source: PomSource,
  onDuplicate?: (first: WorkingDependency, again: RawDependency) => void,
): void {
  const seenHere = new Set<string>();
  for (const raw of dependencies) {
    const key = managementKey(raw);
    const previous = target.get(key);
    if (previous && seenHere.has(key)) onDuplicate?.(previous, raw);
    seenHere.add(key);
    target.set(key, { raw, site: { source, range: raw.range } });
  }
}

/**
 * Maven's InheritanceAssembler for dependencies and dependencyManagement: the child's entries first, then the
 * parent's entries whose management key the child does not declare (the child wins per key).
 */
export function inheritDependencies(child: DependencyMap, parent: DependencyMap | undefined): DependencyMap {
  if (!parent || parent.size === 0) return child;
  const merged: DependencyMap = new Map(child);
  for (const [key, dependency] of parent) {
    if (!merged.has(key)) merged.set(key, dependency);
  }
  return merged;
}
