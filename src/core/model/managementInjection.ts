import { managementKey } from './inheritance';
import type { ModelDependency } from './modelTypes';

/** Whether each field was written on the dependency itself (Maven merges only into fields left empty). */
export interface WrittenFields {
  version: boolean;
  scope: boolean;
  systemPath: boolean;
}

/**
 * Maven 3.8's DefaultDependencyManagementInjector: a dependency takes version, scope and systemPath from the
 * dependencyManagement entry with its management key when it does not write them itself, and the entry's
 * exclusions when it has none of its own. What the dependency writes is never overridden; `optional` is not
 * managed.
 */
export function injectManagement(
  dependency: ModelDependency,
  written: WrittenFields,
  management: ReadonlyMap<string, ModelDependency>,
): ModelDependency {
  const managed = management.get(managementKey(dependency));
  if (!managed) return dependency;
  const result: ModelDependency = { ...dependency };
  let changed = false;
  if (!written.version && managed.version !== undefined) {
    result.version = managed.version;
    changed = true;
  }
  if (!written.scope && managed.scope !== undefined) {
    result.scope = managed.scope;
    changed = true;
  }
  if (!written.systemPath && managed.systemPath !== undefined) {
    result.systemPath = managed.systemPath;
    changed = true;
  }
  if (dependency.exclusions.length === 0 && managed.exclusions.length > 0) {
    result.exclusions = managed.exclusions;
    changed = true;
  }
  if (!changed) return dependency;
  result.managedBy = managed.declaredAt;
  return result;
}

/** The management entries by key; entries come first-wins (own before imported). */
export function indexManagement(management: readonly ModelDependency[]): Map<string, ModelDependency> {
  const index = new Map<string, ModelDependency>();
  for (const entry of management) {
    const key = managementKey(entry);
    if (!index.has(key)) index.set(key, entry);
  }
  return index;
}
