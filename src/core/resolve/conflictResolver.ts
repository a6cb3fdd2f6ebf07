import { sortConflictIds } from './conflictIds';
import { managedBits, withScope, type ChildList, type DependencyNode } from './dependencyGraph';
import { javaHashSetOrder, javaStringHash } from './javaHashOrder';
import { deriveScope, reducedScope, selectScope } from './scopeStrategies';
import { javaScopes, type ScopeString } from './scopeString';
import { conflictPaths } from './unsolvableConflict';
import { selectNearestVersion, type VersionCandidate } from './versionSelector';

const optionalFalse = 1;
const optionalTrue = 2;

/** One occurrence of the conflict id being settled (maven-resolver's ConflictItem). */
interface ConflictItem extends VersionCandidate {
  /** The children list the occurrence sits in; undefined for the root. */
  readonly parent: ChildList | undefined;
  readonly node: DependencyNode;
  depth: number;
  scopes: ScopeString[];
  optionalities: number;
  readonly dependencyScope: ScopeString;
}

/** What the resolver knows of one graph node (keyed by its children list) while gathering one id. */
interface NodeInfo {
  minDepth: number;
  /** Scope values it was reached with (a handful at most). */
  readonly derivedScopes: string[];
  derivedOptionalities: number;
  children?: ConflictItem[];
}

function addScope(item: ConflictItem, scope: ScopeString): void {
  if (item.scopes.some((known) => known.value === scope.value)) return;
  item.scopes = javaHashSetOrder([...item.scopes, scope], (known) => javaStringHash(known.value));
}

function scopeOf(node: DependencyNode): ScopeString | undefined {
  return node.dependency?.scope;
}

class ResolutionState {
  currentId: number | undefined;
  readonly resolved = new Map<number, DependencyNode | undefined>();
  readonly potentialAncestors = new Set<number>();
  items: ConflictItem[] = [];
  readonly infos = new Map<ChildList, NodeInfo>();
  readonly stack = new Set<ChildList>();
  readonly parentNodes: DependencyNode[] = [];
  readonly parentScopes: Array<ScopeString | undefined> = [];
  readonly parentOptionals: boolean[] = [];
  readonly parentInfos: Array<NodeInfo | undefined> = [];

  constructor(
    readonly idOf: ReadonlyMap<DependencyNode, number>,
    readonly reaches: ((from: number, to: number) => boolean) | undefined,
  ) {}

  prepare(id: number | undefined, cyclicPredecessors: ReadonlySet<number> | undefined): void {
    this.currentId = id;
    this.items = [];
    this.infos.clear();
    for (const predecessor of cyclicPredecessors ?? []) this.potentialAncestors.add(predecessor);
  }

  /** An item's depth is its parent's shallowest depth plus one. */
  finish(): void {
    for (const item of this.items) {
      if (item.parent !== undefined) item.depth = (this.infos.get(item.parent) as NodeInfo).minDepth + 1;
    }
    if (this.currentId !== undefined) this.potentialAncestors.add(this.currentId);
  }

  isLoser(node: DependencyNode, id: number | undefined): boolean {
    if (id === undefined) return false;
    const winner = this.resolved.get(id);
    return winner !== undefined && winner !== node;
  }

  push(node: DependencyNode, id: number | undefined): boolean {
    if (id === undefined) {
      if (node.dependency !== undefined) {
        if (node.winner !== undefined) return false;
        throw new Error(`missing conflict id for ${node.artifact.groupId}:${node.artifact.artifactId}`);
      }
    } else if (!this.potentialAncestors.has(id)) {
      return false;
    }
    const graphNode = node.children;
    if (this.stack.has(graphNode)) return false;
    this.stack.add(graphNode);
    const depth = this.parentNodes.length;
    const scope = this.deriveScope(node, id);
    const optional = this.deriveOptional(node, id);
    let info = this.infos.get(graphNode);
    if (!info) {
      info = {
        minDepth: depth,
        derivedScopes: [scope?.value ?? ''],
        derivedOptionalities: optional ? optionalTrue : optionalFalse,
      };
      this.infos.set(graphNode, info);
      this.parentInfos.push(info);
    } else {
      if (depth < info.minDepth) info.minDepth = depth;
      const scopeChanged = !info.derivedScopes.includes(scope?.value ?? '');
      if (scopeChanged) info.derivedScopes.push(scope?.value ?? '');
      const bit = optional ? optionalTrue : optionalFalse;
      const optionalChanged = (info.derivedOptionalities & bit) === 0;
      info.derivedOptionalities |= bit;
      if (!scopeChanged && !optionalChanged) {
        this.stack.delete(graphNode);
        return false;
      }
      // Reached again with a new scope or optionality: update the items already gathered below it.
      this.parentInfos.push(undefined);
      this.parentNodes.push(node);
      this.parentScopes.push(scope);
      this.parentOptionals.push(optional);
      for (const item of [...(info.children ?? [])].reverse()) {
        if (scopeChanged) addScope(item, this.deriveScope(item.node, undefined) ?? javaScopes.none);
        if (optionalChanged) item.optionalities |= this.deriveOptional(item.node, undefined) ? optionalTrue : optionalFalse;
      }
      return true;
    }
    this.parentNodes.push(node);
    this.parentScopes.push(scope);
    this.parentOptionals.push(optional);
    return true;
  }

  pop(): void {
    this.parentInfos.pop();
    this.parentScopes.pop();
    this.parentOptionals.pop();
    const node = this.parentNodes.pop();
    if (node) this.stack.delete(node.children);
  }

  add(node: DependencyNode): void {
    const parent = this.parentNodes[this.parentNodes.length - 1];
    if (parent === undefined) {
      this.items.push(this.newItem(undefined, node));
      return;
    }
    const info = this.parentInfos[this.parentInfos.length - 1];
    if (info) {
      const item = this.newItem(parent, node);
      (info.children ??= []).push(item);
      this.items.push(item);
    }
  }

  private newItem(parent: DependencyNode | undefined, node: DependencyNode): ConflictItem {
    const optional = this.deriveOptional(node, undefined);
    return {
      parent: parent?.children,
      node,
      depth: 0,
      scopes: [this.deriveScope(node, undefined) ?? javaScopes.none],
      optionalities: optional ? optionalTrue : optionalFalse,
      dependencyScope: scopeOf(node) ?? javaScopes.none,
    };
  }

  /** A managed scope, or a settled ancestor's scope, is taken as is; otherwise derived from the parent's. */
  deriveScope(node: DependencyNode, id: number | undefined): ScopeString | undefined {
    if ((node.managed & managedBits.scope) !== 0 || (id !== undefined && this.resolved.has(id))) return scopeOf(node);
    const depth = this.parentNodes.length;
    const child = scopeOf(node);
    if (depth === 0 || child === undefined) return child;
    return deriveScope(this.parentScopes[depth - 1], child);
  }

  deriveOptional(node: DependencyNode, id: number | undefined): boolean {
    const optional = node.dependency?.optional ?? false;
    if (optional || (node.managed & managedBits.optional) !== 0 || (id !== undefined && this.resolved.has(id))) {
      return optional;
    }
    const depth = this.parentNodes.length;
    return depth > 0 ? (this.parentOptionals[depth - 1] ?? false) : false;
  }
}

function gather(node: DependencyNode, state: ResolutionState): boolean {
  const id = state.idOf.get(node);
  if (id !== undefined && id === state.currentId) {
    state.add(node);
  } else if (state.isLoser(node, id)) {
    return false;
  } else if (id !== undefined && state.currentId !== undefined && state.reaches && !state.reaches(id, state.currentId)) {
    // Nothing of the id being settled lies below: walking there would change nothing (acyclic graphs only).
    return true;
  } else if (state.push(node, id)) {
    const children = node.children.nodes;
    for (let i = 0; i < children.length; ) {
      if (gather(children[i] as DependencyNode, state)) i++;
      else children.splice(i, 1);
    }
    state.pop();
  }
  return true;
}

/**
 * Takes the losers out of their parents' lists. In verbose mode the first loser in each list that is not
 * a sibling of the winner stays as a childless copy that points at the winner (what `-Dverbose` prints).
 */
function removeLosers(state: ResolutionState, winner: ConflictItem, verbose: boolean): void {
  let previousParent: ChildList | undefined;
  let cursor = 0;
  let visualized = false;
  for (const item of state.items) {
    if (item === winner || item.parent === undefined) continue;
    if (item.parent !== previousParent) {
      previousParent = item.parent;
      cursor = 0;
      visualized = false;
    }
    const list = item.parent.nodes;
    while (cursor < list.length) {
      const child = list[cursor] as DependencyNode;
      if (child !== item.node) {
        cursor++;
        continue;
      }
      if (verbose && !visualized && item.parent !== winner.parent) {
        visualized = true;
        const sameVersion = child.artifact.version === winner.node.artifact.version;
        const scope = item.scopes[0] ?? javaScopes.none;
        list[cursor] = {
          ...child,
          dependency: child.dependency && { ...child.dependency, scope },
          originalScope: child.dependency?.scope,
          winner: winner.node,
          loserReason: child.cycle ? 'cycle' : sameVersion ? 'duplicate' : 'conflict',
          children: { nodes: [] },
        };
        cursor++;
      } else {
        list.splice(cursor, 1);
      }
      break;
    }
  }
}

/**
 * Mediates a collected graph in place, as maven-resolver 1.6's ConflictResolver with NearestVersionSelector,
 * JavaScopeSelector, SimpleOptionalitySelector and JavaScopeDeriver does for Maven 3.8.7: conflict ids in
 * topological order; per id the nearest occurrence wins (first declaration at equal depth, ranges as hard
 * constraints); the winner's scope is widened per the scope table; losers are removed, or in verbose mode
 * kept as marked, childless copies. Where version ranges admit no common version, Maven stops there; the
 * first such conflict is reported with its paths, and mediation goes on with the nearest occurrence.
 */
export function resolveConflicts(root: DependencyNode, verbose: boolean, signal?: AbortSignal): ConflictResolution {
  const ids = sortConflictIds(root);
  const cyclicPredecessors = new Map<number, Set<number>>();
  for (const cycle of ids.cycles) {
    for (const id of cycle) {
      const predecessors = cyclicPredecessors.get(id) ?? new Set<number>();
      for (const member of cycle) predecessors.add(member);
      cyclicPredecessors.set(id, predecessors);
    }
  }
  const state = new ResolutionState(ids.idOf, ids.reaches);
  let lastWinner: DependencyNode | undefined;
  let unsolvablePaths: DependencyNode[][] | undefined;
  for (const id of ids.sorted) {
    signal?.throwIfAborted();
    state.prepare(id, cyclicPredecessors.get(id));
    gather(root, state);
    state.finish();
    let winnerNode: DependencyNode | undefined;
    if (state.items.length > 0) {
      const { winner, unsolvable } = selectNearestVersion<ConflictItem>(state.items);
      if (unsolvable) unsolvablePaths ??= conflictPaths(root, (node) => ids.idOf.get(node) === id);
      winnerNode = winner.node;
      const selected = selectScope(winner.dependencyScope, state.items);
      if (verbose) winnerNode.reducedScope = reducedScope(selected, state.items);
      if (winnerNode.dependency) {
        const rescoped = withScope(winnerNode.dependency, selected);
        if (rescoped !== winnerNode.dependency) winnerNode.originalScope = winnerNode.dependency.scope;
        winnerNode.dependency = rescoped;
      }
      const optional = selectOptionality(state.items);
      if (winnerNode.dependency && winnerNode.dependency.optional !== optional) {
        winnerNode.dependency = { ...winnerNode.dependency, optional };
      }
      removeLosers(state, winner, verbose);
    }
    state.resolved.set(id, winnerNode);
    lastWinner = winnerNode;
  }
  if (ids.cycles.length > 0 && lastWinner) {
    state.prepare(undefined, undefined);
    gather(lastWinner, state);
  }
  return { root, unsolvablePaths };
}

export interface ConflictResolution {
  /** The graph, mediated in place. */
  readonly root: DependencyNode;
  /** Where Maven fails: the paths to the first conflict whose version ranges admit no common version. */
  readonly unsolvablePaths?: readonly (readonly DependencyNode[])[];
}

/** SimpleOptionalitySelector: a direct dependency's own flag, else optional only if optional on every path. */
function selectOptionality(items: readonly ConflictItem[]): boolean {
  let optional = true;
  for (const item of items) {
    if (item.depth <= 1) return item.node.dependency?.optional ?? false;
    if ((item.optionalities & optionalFalse) !== 0) optional = false;
  }
  return optional;
}
