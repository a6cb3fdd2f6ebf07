import type { DeclarationSite } from '../model/modelTypes';
import { exclusionKey, versionlessKey, type Artifact, type Exclusion } from './artifact';
import type { Dependency } from './dependencyGraph';
import type { ScopeString } from './scopeString';

interface Managed<T> {
  readonly value: T;
  readonly from?: DeclarationSite;
}

/** What the root's dependencyManagement changes on one dependency (maven-resolver's DependencyManagement). */
export interface DependencyManagementResult {
  version?: Managed<string>;
  scope?: Managed<ScopeString>;
  systemPath?: string | null;
  exclusions?: readonly Exclusion[];
}

/**
 * The root project's dependencyManagement as maven-resolver 1.6's ClassicDependencyManager applies it:
 * only the root's entries count (first entry per groupId:artifactId:extension:classifier wins), versions
 * and scopes apply from depth 2 on (never to a direct dependency, whose version the model builder already
 * settled), and managed exclusions are added at every depth.
 */
export class RootDependencyManagement {
  private readonly versions = new Map<string, Managed<string>>();
  private readonly scopes = new Map<string, Managed<ScopeString>>();
  private readonly systemPaths = new Map<string, string>();
  private readonly exclusions = new Map<string, Exclusion[]>();

  constructor(managed: readonly Dependency[]) {
    for (const entry of managed) {
      const key = versionlessKey(entry.artifact);
      const from = entry.declaredAt;
      if (entry.artifact.version !== '' && !this.versions.has(key)) {
        this.versions.set(key, { value: entry.artifact.version, from });
      }
      if (entry.scope.value !== '' && !this.scopes.has(key)) this.scopes.set(key, { value: entry.scope, from });
      if (entry.artifact.systemPath !== undefined && !this.systemPaths.has(key)) {
        this.systemPaths.set(key, entry.artifact.systemPath);
      }
      if (entry.exclusions.length > 0) {
        const list = this.exclusions.get(key) ?? [];
        for (const exclusion of entry.exclusions) {
          if (!list.some((known) => exclusionKey(known) === exclusionKey(exclusion))) list.push(exclusion);
        }
        this.exclusions.set(key, list);
      }
    }
  }

  /** maven-resolver's `manageDependency` for a dependency collected at `depth` (1 = direct). */
  manage(dependency: Dependency, depth: number): DependencyManagementResult | undefined {
    const key = versionlessKey(dependency.artifact);
    let version: Managed<string> | undefined;
    let scope: Managed<ScopeString> | undefined;
    let systemPath: string | null | undefined;
    if (depth >= 2) {
      version = this.versions.get(key);
      scope = this.scopes.get(key);
      if (scope && scope.value.value !== 'system' && dependency.artifact.systemPath !== undefined) systemPath = null;
      const effectiveScope = scope?.value.value ?? dependency.scope.value;
      const managedPath = this.systemPaths.get(key);
      if (effectiveScope === 'system' && managedPath !== undefined) systemPath = managedPath;
    }
    let exclusions: Exclusion[] | undefined;
    const managedExclusions = this.exclusions.get(key);
    if (managedExclusions) {
      exclusions = [...dependency.exclusions];
      for (const exclusion of managedExclusions) {
        if (!exclusions.some((known) => exclusionKey(known) === exclusionKey(exclusion))) exclusions.push(exclusion);
      }
    }
    if (version === undefined && scope === undefined && systemPath === undefined && exclusions === undefined) return undefined;
    // One object literal with every field: adding fields to a spread copy is a slow path in V8, and this
    // runs for every dependency collected.
    return { version, scope, systemPath, exclusions };
  }
}

/** The artifact with a managed version or system path applied. */
export function managedArtifact(artifact: Artifact, version: string | undefined, systemPath: string | null | undefined): Artifact {
  let result = artifact;
  if (version !== undefined) result = { ...result, version };
  if (systemPath === null) result = { ...result, systemPath: undefined };
  else if (systemPath !== undefined) result = { ...result, systemPath };
  return result;
}
