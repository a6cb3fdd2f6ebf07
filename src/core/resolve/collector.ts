import type { DeclarationSite } from '../model/modelTypes';
import { artifactHandlerFor } from '../repo/artifactHandler';
import { compareVersions } from '../version/comparableVersion';
import { constraintContains, isVersionRange, parseVersionConstraint } from '../version/versionRange';
import {
  artifactIdentity,
  exclusionKey,
  formatArtifact,
  isExcluded,
  versionlessKey,
  type Artifact,
  type Exclusion,
} from './artifact';
import { managedBits, withScope, type ChildList, type Dependency, type DependencyNode } from './dependencyGraph';
import { managedArtifact, RootDependencyManagement } from './dependencyManager';
import { DependencyPool } from './dependencyPool';

/** A dependency's pom as the resolver reads it (maven-resolver's ArtifactDescriptorResult). */
export interface ArtifactDescriptor {
  /** The artifact after relocation; the requested one when the pom does not relocate. */
  readonly artifact: Artifact;
  /** When the pom relocates: the requested artifact and every other one of the chain before `artifact`; else empty. */
  readonly relocations: readonly Artifact[];
  readonly dependencies: readonly Dependency[];
}

/**
 * Reading a pom: its descriptor, or why there is none. Maven's default ArtifactDescriptorPolicy ignores a
 * missing or invalid pom (a warning; the artifact stays, without dependencies), but a parent or imported BOM
 * it cannot find fails the collection (DefaultArtifactDescriptorReader rethrows UnresolvableModelException), and
 * so does a managed dependency whose type is empty (see emptyManagedTypeCode).
 */
export type DescriptorResult =
  | { readonly kind: 'found'; readonly descriptor: ArtifactDescriptor }
  | { readonly kind: 'missing' | 'invalid' | 'unresolvable'; readonly message: string };

/** Where the collector reads poms and available versions from. */
export interface DescriptorSource {
  /** Follows a relocation chain to its end: the descriptor of its last coordinates relocates no further. */
  readDescriptor(artifact: Artifact): DescriptorResult;
  /** The versions the local repository lists for the artifact (any order). */
  availableVersions(artifact: Artifact): readonly string[];
}

export type CollectProblemCode =
  | 'missing-pom'
  | 'invalid-pom'
  | 'unresolvable-pom'
  | 'no-version-in-range'
  | 'invalid-version-range'
  | 'unsolvable-version-conflict';

/** Something that could not be collected, with the path of artifacts that led to it. */
export interface CollectProblem {
  readonly code: CollectProblemCode;
  readonly message: string;
  readonly artifact: Artifact;
  /** Root first, the artifact that needed it last. */
  readonly path: readonly Artifact[];
  /**
   * The `<dependency>` element of the root's dependency whose subtree needed the artifact, when known; for a
   * relocated one too, whose written coordinates the path no longer names.
   */
  readonly declaredAt: DeclarationSite | undefined;
  /** True when Maven stops the build for it (a missing pom only warns). */
  readonly fatal: boolean;
}

export interface CollectRequest {
  readonly root: Artifact;
  readonly dependencies: readonly Dependency[];
  readonly managedDependencies: readonly Dependency[];
}

export interface CollectResult {
  readonly root: DependencyNode;
  readonly problems: CollectProblem[];
}

/** The state of maven-resolver's selectors (scope, optional, exclusion) below one node. */
interface SelectorState {
  /** 0 above the root, 1 for direct dependencies, 2 for anything deeper (the selectors stop counting there). */
  readonly depth: number;
  readonly exclusions: readonly Exclusion[];
  readonly key: string;
}

function deriveSelector(parent: SelectorState, dependency: Dependency | undefined): SelectorState {
  const depth = Math.min(parent.depth + 1, 2);
  let exclusions = parent.exclusions;
  for (const exclusion of dependency?.exclusions ?? []) {
    if (!exclusions.some((known) => exclusionKey(known) === exclusionKey(exclusion))) {
      exclusions = [...exclusions, exclusion];
    }
  }
  const sorted = exclusions.map(exclusionKey).sort();
  return { depth, exclusions, key: `${depth}|${sorted.join(',')}` };
}

/**
 * maven-resolver's selectors for a project: transitive test and provided dependencies are dropped
 * (ScopeDependencySelector), so are transitive optional ones (OptionalDependencySelector), and anything
 * matching an exclusion on the path (ExclusionDependencySelector). Checked before management applies.
 */
function isSelected(selector: SelectorState, dependency: Dependency): boolean {
  if (selector.depth >= 2) {
    const scope = dependency.scope.value;
    if (scope === 'test' || scope === 'provided' || dependency.optional) return false;
  }
  return !isExcluded(dependency.artifact, selector.exclusions);
}

class Collection {
  readonly problems: CollectProblem[] = [];
  private readonly stack: DependencyNode[] = [];
  /** versionlessKey of each node on the stack, for the cycle check. */
  private readonly stackKeys: string[] = [];
  private readonly childLists = new Map<string, ChildList>();
  private readonly descriptors = new Map<string, ArtifactDescriptor | undefined>();
  /** Where the root's dependency being collected is declared, for problems found below it. */
  private directDeclaredAt: DeclarationSite | undefined;

  constructor(
    private readonly source: DescriptorSource,
    private readonly management: RootDependencyManagement,
    private readonly pool: DependencyPool,
    private readonly signal?: AbortSignal,
  ) {}

  run(root: DependencyNode, dependencies: readonly Dependency[]): void {
    this.push(root);
    const selector = deriveSelector({ depth: 0, exclusions: [], key: '' }, undefined);
    for (const dependency of dependencies) {
      this.directDeclaredAt = dependency.declaredAt;
      this.processDependency(selector, dependency, [], false);
    }
  }

  private processDependency(
    selector: SelectorState,
    requested: Dependency,
    relocations: readonly Artifact[],
    disableVersionManagement: boolean,
  ): void {
    this.signal?.throwIfAborted();
    if (!isSelected(selector, requested)) return;
    const { dependency, node: managedState } = this.applyManagement(requested, selector.depth, disableVersionManagement);
    const versions = this.versionsOf(dependency);
    if (versions === undefined) return;
    const hasDescriptor = dependency.artifact.systemPath === undefined;
    const rangeSpec = isVersionRange(dependency.versionSpec) ? dependency.versionSpec : undefined;
    for (const version of versions) {
      const originalArtifact: Artifact = { ...dependency.artifact, version };
      let resolved: Dependency = { ...dependency, artifact: originalArtifact };
      const descriptor = hasDescriptor ? this.descriptorOf(resolved) : undefined;
      const parent = this.top();
      // Every node gets the same fields in the same order: one object shape keeps the resolver fast.
      const makeNode = (children: ChildList, cycle: boolean): DependencyNode => ({
        dependency: resolved,
        artifact: resolved.artifact,
        children,
        managed: managedState.managed,
        premanagedVersion: managedState.premanagedVersion,
        premanagedScope: managedState.premanagedScope,
        managedFrom: managedState.managedFrom,
        rangeSpec,
        relocations,
        cycle: cycle || undefined,
        winner: undefined,
        loserReason: undefined,
        reducedScope: undefined,
        originalScope: undefined,
      });
      if (!descriptor) {
        resolved = this.pool.intern(resolved);
        parent.children.nodes.push(makeNode({ nodes: [] }, false));
        continue;
      }
      resolved = { ...resolved, artifact: descriptor.artifact };
      const cycleEntry = this.findInStack(resolved.artifact);
      if (cycleEntry?.dependency) {
        // The path a:2 -> b -> a:1 is a cycle whatever the versions (maven-resolver's NodeStack.find):
        // the new node shares its ancestor's children instead of being collected again.
        parent.children.nodes.push(makeNode(cycleEntry.children, true));
        continue;
      }
      // The descriptor names the end of the relocation chain, whose own descriptor relocates no further.
      if (descriptor.relocations.length > 0) {
        const sameCoordinates =
          originalArtifact.groupId === resolved.artifact.groupId &&
          originalArtifact.artifactId === resolved.artifact.artifactId;
        // The relocated dependency asks for the relocated version (maven-resolver re-processes it as is).
        const relocated: Dependency = { ...resolved, versionSpec: resolved.artifact.version };
        this.processDependency(selector, relocated, descriptor.relocations, sameCoordinates);
        return;
      }
      resolved = this.pool.intern(resolved);
      const child = makeNode({ nodes: [] }, false);
      parent.children.nodes.push(child);
      // A fat artifact (war, ear, rar) already contains its dependencies (FatArtifactTraverser).
      const traverse = !artifactHandlerFor(resolved.artifact.type).includesDependencies;
      if (traverse && descriptor.dependencies.length > 0) this.recurse(selector, resolved, descriptor, child);
    }
  }

  private applyManagement(
    requested: Dependency,
    depth: number,
    disableVersionManagement: boolean,
  ): { dependency: Dependency; node: Pick<DependencyNode, 'managed' | 'premanagedVersion' | 'premanagedScope' | 'managedFrom'> } {
    const management = this.management.manage(requested, depth);
    let dependency = requested;
    const node: Pick<DependencyNode, 'managed' | 'premanagedVersion' | 'premanagedScope' | 'managedFrom'> = { managed: 0 };
    if (!management) return { dependency, node };
    const version = disableVersionManagement ? undefined : management.version;
    if (version) {
      node.premanagedVersion = dependency.versionSpec;
      node.managed |= managedBits.version;
      node.managedFrom = version.from;
    }
    dependency = {
      ...dependency,
      artifact: managedArtifact(dependency.artifact, version?.value, management.systemPath),
      versionSpec: version?.value ?? dependency.versionSpec,
    };
    if (management.scope) {
      node.premanagedScope = dependency.scope.value;
      dependency = withScope(dependency, management.scope.value);
      node.managed |= managedBits.scope;
      node.managedFrom ??= management.scope.from;
    }
    if (management.exclusions) {
      dependency = { ...dependency, exclusions: management.exclusions };
      node.managed |= managedBits.exclusions;
    }
    return { dependency, node };
  }

  /** The versions to collect: the one written, or every available version a range admits (lowest first). */
  private versionsOf(dependency: Dependency): string[] | undefined {
    const spec = dependency.versionSpec;
    if (!isVersionRange(spec)) return [spec];
    let constraint;
    try {
      constraint = parseVersionConstraint(spec);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.addProblem('invalid-version-range', message, dependency.artifact, true);
      return undefined;
    }
    const versions = this.source
      .availableVersions(dependency.artifact)
      .filter((version) => constraintContains(constraint, version))
      .sort(compareVersions);
    if (versions.length === 0) {
      const message = `No versions available for ${formatArtifact({ ...dependency.artifact, version: spec })} within specified range`;
      this.addProblem('no-version-in-range', message, { ...dependency.artifact, version: spec }, true);
      return undefined;
    }
    return versions;
  }

  private descriptorOf(dependency: Dependency): ArtifactDescriptor | undefined {
    const identity = artifactIdentity(dependency.artifact);
    if (this.descriptors.has(identity)) return this.descriptors.get(identity);
    const result = this.source.readDescriptor(dependency.artifact);
    const descriptor = result.kind === 'found' ? result.descriptor : undefined;
    this.descriptors.set(identity, descriptor);
    if (result.kind !== 'found') {
      const code = result.kind === 'missing' ? 'missing-pom' : result.kind === 'invalid' ? 'invalid-pom' : 'unresolvable-pom';
      this.addProblem(code, result.message, dependency.artifact, result.kind === 'unresolvable');
    }
    return descriptor;
  }

  private recurse(selector: SelectorState, dependency: Dependency, descriptor: ArtifactDescriptor, child: DependencyNode): void {
    const childSelector = deriveSelector(selector, dependency);
    const key = `${artifactIdentity(dependency.artifact)}|${childSelector.key}`;
    const known = this.childLists.get(key);
    if (known) {
      child.children = known;
      return;
    }
    this.childLists.set(key, child.children);
    this.push(child);
    for (const next of descriptor.dependencies) this.processDependency(childSelector, next, [], false);
    this.stack.pop();
    this.stackKeys.pop();
  }

  private top(): DependencyNode {
    const node = this.stack[this.stack.length - 1];
    if (!node) throw new Error('collector stack is empty');
    return node;
  }

  private push(node: DependencyNode): void {
    this.stack.push(node);
    this.stackKeys.push(versionlessKey(node.artifact));
  }

  private findInStack(artifact: Artifact): DependencyNode | undefined {
    const index = this.stackKeys.lastIndexOf(versionlessKey(artifact));
    return index < 0 ? undefined : this.stack[index];
  }

  private addProblem(code: CollectProblem['code'], message: string, artifact: Artifact, fatal: boolean): void {
    const path = this.stack.map((node) => node.artifact);
    this.problems.push({ code, message, artifact, path, declaredAt: this.directDeclaredAt, fatal });
  }
}

/**
 * Collects the dependency graph of a project depth-first, as maven-resolver 1.6's DefaultDependencyCollector
 * does for Maven 3.8.7: root dependencyManagement applied from depth 2, transitive test/provided/optional
 * dependencies and excluded ones dropped, version ranges expanded to every available version, relocations
 * followed, cycles closed by sharing the ancestor's children, and equal subtrees shared.
 */
export function collectDependencies(
  request: CollectRequest,
  source: DescriptorSource,
  signal?: AbortSignal,
  pool = new DependencyPool(),
): CollectResult {
  const root: DependencyNode = {
    dependency: undefined,
    artifact: request.root,
    children: { nodes: [] },
    managed: 0,
    premanagedVersion: undefined,
    premanagedScope: undefined,
    managedFrom: undefined,
    rangeSpec: undefined,
    relocations: [],
    cycle: undefined,
    winner: undefined,
    loserReason: undefined,
    reducedScope: undefined,
    originalScope: undefined,
  };
  const collection = new Collection(source, new RootDependencyManagement(request.managedDependencies), pool, signal);
  collection.run(root, request.dependencies);
  return { root, problems: collection.problems };
}
