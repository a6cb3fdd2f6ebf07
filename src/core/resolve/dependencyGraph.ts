import type { DeclarationSite } from '../model/modelTypes';
import type { Artifact, Exclusion } from './artifact';
import type { ScopeString } from './scopeString';

/** One `<dependency>` on its way through collection (maven-resolver's `Dependency`). */
export interface Dependency {
  readonly artifact: Artifact;
  readonly scope: ScopeString;
  /** Undefined when not written, as maven-resolver's null: not optional, yet unequal to a written false. */
  readonly optional: boolean | undefined;
  readonly exclusions: readonly Exclusion[];
  /** The version as written (a plain version or a range). */
  readonly versionSpec: string;
  /** The `<dependency>` element that declared it, when known. */
  readonly declaredAt?: DeclarationSite;
}

/**
 * maven-resolver's Dependency.setScope: the dependency itself when the scope has the same value, so that it keeps
 * its own scope string (which later ids derive from, see ScopeString); else a copy with the new scope.
 */
export function withScope(dependency: Dependency, scope: ScopeString): Dependency {
  return dependency.scope.value === scope.value ? dependency : { ...dependency, scope };
}

/**
 * A node's children. maven-resolver shares one children list between every node of the same artifact
 * collected under equal selectors (its DataPool), and its ConflictResolver keys per-node state by that list,
 * so the list is an object of its own here too.
 */
export interface ChildList {
  nodes: DependencyNode[];
}

export const managedBits = { version: 1, scope: 2, optional: 4, exclusions: 16 } as const;

/** Why a node lost mediation; `cycle` marks a node that points back at one of its ancestors. */
export type LoserReason = 'duplicate' | 'conflict' | 'cycle';

/** A node of the dependency graph, first as collected, then as mediated (losers kept and marked). */
export interface DependencyNode {
  /** Undefined for the root project. */
  dependency?: Dependency;
  readonly artifact: Artifact;
  children: ChildList;
  /** maven-resolver's managed bits (`managedBits`). */
  managed: number;
  /** The version and scope before the root's dependencyManagement changed them. */
  premanagedVersion?: string;
  premanagedScope?: string;
  /** The dependencyManagement entry that changed this node's version or scope. */
  managedFrom?: DeclarationSite;
  /** True when the requested version was a range (a hard constraint for version selection). */
  readonly rangeSpec?: string;
  /** The coordinates that relocated to this artifact, oldest first. */
  readonly relocations: readonly Artifact[];
  /** Set on a node created for a dependency that closes a cycle. */
  readonly cycle?: boolean;
  /** Set on a loser: the node that won its conflict. */
  winner?: DependencyNode;
  loserReason?: LoserReason;
  /** Set on a winner whose scope was not widened to the widest scope it was reached with. */
  reducedScope?: ScopeString;
  /** The scope before mediation changed it. */
  originalScope?: ScopeString;
}

/** The scope a node is printed with, as Maven's tree prints it (none for the root). */
export function nodeScope(node: DependencyNode): string | undefined {
  return node.dependency?.scope.value;
}
