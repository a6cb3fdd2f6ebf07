import type { RawDependency } from '../pom/rawPom';
import type { DeclarationSite, PomSource } from './modelTypes';

/** A dependency as written (uninterpolated), with the pom and element that declare it. */
export interface WorkingDependency {
  readonly raw: RawDependency;
  readonly key: string;
  readonly site: DeclarationSite;
}

/** Dependencies in model order; one management key may still appear twice (as Maven's model allows). */
export type DependencyList = readonly WorkingDependency[];

/**
 * Maven's Dependency.getManagementKey(): groupId:artifactId:type[:classifier], type defaulting to jar. A type
 * or classifier written empty counts (`g:a:`, `g:a:jar:`), so it matches neither a dependency without one nor
 * its entry.
 */
export function managementKey(dependency: { groupId: string; artifactId: string; type?: string; classifier?: string }): string {
  const classifier = dependency.classifier !== undefined ? `:${dependency.classifier}` : '';
  return `${dependency.groupId}:${dependency.artifactId}:${dependency.type ?? 'jar'}${classifier}`;
}

/** The `<dependency>` elements of one section of a pom, as written there. */
export function workingDependencies(dependencies: readonly RawDependency[], source: PomSource): WorkingDependency[] {
  return dependencies.map((raw) => ({ raw, key: managementKey(raw), site: { source, range: raw.range } }));
}

/** Each declaration whose management key an earlier one of the same list already has (Maven warns about them). */
export function repeatedDeclarations(dependencies: DependencyList): Array<{ first: WorkingDependency; again: WorkingDependency }> {
  if (dependencies.length < 2) return [];
  const firsts = new Map<string, WorkingDependency>();
  const repeated: Array<{ first: WorkingDependency; again: WorkingDependency }> = [];
  for (const dependency of dependencies) {
    const first = firsts.get(dependency.key);
    if (first) repeated.push({ first, again: dependency });
    else firsts.set(dependency.key, dependency);
  }
  return repeated;
}

/**
 * Maven's ModelMerger.mergeModelBase_Dependencies (and ..._DependencyManagement): only when the source list has
 * entries, the target is indexed by management key (a key written twice keeps its first position and takes its
 * last content), then each source entry is added, replacing the target's one when the source is dominant (a
 * profile injected into its pom) and only when the key is new otherwise (a parent inherited by its child).
 */
export function mergeDependencies(target: DependencyList, source: DependencyList, sourceDominant: boolean): DependencyList {
  if (source.length === 0) return target;
  const merged = new Map<string, WorkingDependency>();
  for (const dependency of target) merged.set(dependency.key, dependency);
  for (const dependency of source) {
    if (sourceDominant || !merged.has(dependency.key)) merged.set(dependency.key, dependency);
  }
  return [...merged.values()];
}

/** One entry per management key: its first position, its last content (what Maven resolves for a project's dependencies). */
export function collapseRepeated(dependencies: DependencyList): DependencyList {
  return repeatedDeclarations(dependencies).length === 0 ? dependencies : mergeDependencies([], dependencies, true);
}
