import { managementKey } from './inheritance';
import type { ModelDependency } from './modelTypes';

/** Whether each field was written on the dependency itself (Maven merges only into fields left empty). */
export interface WrittenFields {
  version: boolean;
  scope: boolean;
  systemPath: boolean;
}

/** The management entries of each key, in model order (a key may be managed twice in one pom). */
export type ManagementIndex = ReadonlyMap<string, readonly ModelDependency[]>;

/** Groups management entries by management key, keeping their order. */
export function indexManagement(management: readonly ModelDependency[]): ManagementIndex {
  const index = new Map<string, ModelDependency[]>();
  for (const entry of management) {
    const key = managementKey(entry);
    const entries = index.get(key);
    if (entries) entries.push(entry);
    else index.set(key, [entry]);
  }
  return index;
}

/**
 * Maven 3.8's DefaultDependencyManagementInjector: each dependencyManagement entry with the dependency's
 * management key, in order, fills the dependency's version, scope and systemPath when still empty, and its
 * exclusions when it has none. What the dependency writes is never overridden; `optional` is not managed.
 * `managedBy` is the first entry that supplied something.
 */
export function injectManagement(dependency: ModelDependency, written: WrittenFields, management: ManagementIndex): ModelDependency {
  const entries = management.get(managementKey(dependency));
  if (!entries) return dependency;
  let { version, scope, systemPath, exclusions } = dependency;
  let managedBy = dependency.managedBy;
  const filled = { version: written.version, scope: written.scope, systemPath: written.systemPath, exclusions: exclusions.length > 0 };
  for (const managed of entries) {
    let supplied = false;
    if (!filled.version && managed.version !== undefined) {
      version = managed.version;
      filled.version = supplied = true;
    }
    if (!filled.scope && managed.scope !== undefined) {
      scope = managed.scope;
      filled.scope = supplied = true;
    }
    if (!filled.systemPath && managed.systemPath !== undefined) {
      systemPath = managed.systemPath;
      filled.systemPath = supplied = true;
    }
    if (!filled.exclusions && managed.exclusions.length > 0) {
      exclusions = managed.exclusions;
      filled.exclusions = supplied = true;
    }
    if (supplied) managedBy ??= managed.declaredAt;
  }
  if (!managedBy) return dependency;
  // Written out rather than spread: a field added to a spread copy takes V8's slow path, per dependency.
  const { groupId, artifactId, type, classifier, optional, declaredAt } = dependency;
  return { groupId, artifactId, version, type, classifier, scope, optional, systemPath, exclusions, declaredAt, managedBy };
}

/**
 * Maven 3.8's DefaultModelNormalizer, after management: a scope written empty (`<scope/>`, which management did
 * not fill) becomes the default. Undefined stands for that default here, as for a scope never written.
 */
export function withDefaultScope(dependency: ModelDependency): ModelDependency {
  return dependency.scope === '' ? { ...dependency, scope: undefined } : dependency;
}
