import { versionlessKey } from './artifact';
import type { DependencyNode } from './dependencyGraph';
import { javaHashSetOrder } from './javaHashOrder';

/**
 * Each node's conflict id, and the ids in the order the conflict resolver must settle them. An id is the
 * number of its conflict group in order of first appearance (ConflictMarker); the root has none.
 */
export interface ConflictIds {
  readonly idOf: ReadonlyMap<DependencyNode, number>;
  /** Ancestors before descendants (topological over the id graph); cycles broken nearest first. */
  readonly sorted: readonly number[];
  /** Sets of ids that reach each other. */
  readonly cycles: ReadonlyArray<ReadonlySet<number>>;
  /**
   * Whether a node of the first id can have a node of the second below it; undefined when the ids form
   * cycles (then nothing may be skipped).
   */
  readonly reaches?: (from: number, to: number) => boolean;
}

/** Each id's descendants in the id graph, as bit sets, computed bottom-up in reverse topological order. */
function descendantSets(sorted: readonly number[], vertices: ReadonlyMap<number, IdVertex>): (from: number, to: number) => boolean {
  const size = Math.max(0, ...sorted) + 1;
  const words = Math.ceil(size / 32);
  const bits = new Map<number, Uint32Array>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const key = sorted[i] as number;
    const set = new Uint32Array(words);
    for (const child of vertices.get(key)?.children ?? []) {
      set[child.key >>> 5] = (set[child.key >>> 5] as number) | (1 << (child.key & 31));
      const below = bits.get(child.key);
      if (below) for (let w = 0; w < words; w++) set[w] = (set[w] as number) | (below[w] as number);
    }
    bits.set(key, set);
  }
  return (from, to) => {
    const set = bits.get(from);
    return set === undefined || to >= size || ((set[to >>> 5] as number) & (1 << (to & 31))) !== 0;
  };
}

/** Visits every node once, parents before children, in declaration order (a preorder walk). */
function preorder(root: DependencyNode): DependencyNode[] {
  const order: DependencyNode[] = [];
  const visited = new Set<DependencyNode>();
  const pending: DependencyNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop() as DependencyNode;
    if (visited.has(node)) continue;
    visited.add(node);
    order.push(node);
    for (let i = node.children.nodes.length - 1; i >= 0; i--) pending.push(node.children.nodes[i] as DependencyNode);
  }
  return order;
}

/**
 * Groups nodes that compete (ConflictMarker): the same groupId:artifactId:extension:classifier, and an
 * artifact together with the coordinates relocated to it. Groups are numbered by first appearance.
 */
function markConflicts(root: DependencyNode): Map<DependencyNode, number> {
  const groupOf = new Map<string, { index: number }>();
  let counter = 0;
  const nodes = preorder(root).filter((node) => node.dependency !== undefined);
  for (const node of nodes) {
    const key = versionlessKey(node.artifact);
    if (node.relocations.length === 0) {
      if (!groupOf.has(key)) groupOf.set(key, { index: counter++ });
      continue;
    }
    // A relocated node joins the groups of every coordinate it had: they become one new group.
    const keys = [key, ...node.relocations.map(versionlessKey)];
    const groups = [...new Set(keys.map((known) => groupOf.get(known)).filter((group) => group !== undefined))];
    const group = groups.length === 1 && keys.every((known) => groupOf.has(known)) ? (groups[0] as { index: number }) : { index: counter++ };
    if (groups.length > 1 || group !== groups[0]) {
      for (const [known, current] of groupOf) if (groups.includes(current)) groupOf.set(known, group);
    }
    for (const known of keys) groupOf.set(known, group);
  }
  const ids = new Map<DependencyNode, number>();
  for (const node of nodes) ids.set(node, (groupOf.get(versionlessKey(node.artifact)) as { index: number }).index);
  return ids;
}

interface IdVertex {
  readonly key: number;
  readonly children: IdVertex[];
  inDegree: number;
  minDepth: number;
}

function pullUp(vertex: IdVertex, depth: number): void {
  const pending: Array<[IdVertex, number]> = [[vertex, depth]];
  while (pending.length > 0) {
    const [current, at] = pending.pop() as [IdVertex, number];
    if (at >= current.minDepth) continue;
    current.minDepth = at;
    for (const child of current.children) pending.push([child, at + 1]);
  }
}

/** Inserts keeping the queue ordered by minDepth, after equals (ConflictIdSorter's RootQueue). */
function enqueue(queue: IdVertex[], vertex: IdVertex): void {
  let index = queue.length;
  while (index > 0 && vertex.minDepth < (queue[index - 1] as IdVertex).minDepth) index--;
  queue.splice(index, 0, vertex);
}

function findCycles(vertices: readonly IdVertex[]): Array<Set<number>> {
  const cycles: Array<Set<number>> = [];
  const seen = new Set<string>();
  const visited = new Set<IdVertex>();
  const stack: number[] = [];
  const visit = (vertex: IdVertex): void => {
    const at = stack.indexOf(vertex.key);
    if (at >= 0) {
      const cycle = new Set(stack.slice(at));
      const signature = [...cycle].sort((a, b) => a - b).join('|');
      if (!seen.has(signature)) {
        seen.add(signature);
        cycles.push(cycle);
      }
      return;
    }
    stack.push(vertex.key);
    if (!visited.has(vertex)) {
      visited.add(vertex);
      for (const child of vertex.children) visit(child);
    }
    stack.pop();
  };
  for (const vertex of vertices) visit(vertex);
  return cycles;
}

/**
 * Marks conflict ids and sorts them as maven-resolver's ConflictMarker and ConflictIdSorter do: an id comes
 * after every id above it in the graph, so a parent's winner is known before its children are mediated;
 * when ids form a cycle the nearest one is taken first.
 */
export function sortConflictIds(root: DependencyNode): ConflictIds {
  const idOf = markConflicts(root);
  const vertices = new Map<number, IdVertex>();
  const vertexFor = (key: number, depth: number): IdVertex => {
    let vertex = vertices.get(key);
    if (!vertex) {
      vertex = { key, children: [], inDegree: 0, minDepth: depth };
      vertices.set(key, vertex);
    } else pullUp(vertex, depth);
    return vertex;
  };
  const visited = new Set<DependencyNode>();
  const build = (node: DependencyNode, vertex: IdVertex | undefined, depth: number): void => {
    if (visited.has(node)) return;
    visited.add(node);
    for (const child of node.children.nodes) {
      const childVertex = vertexFor(idOf.get(child) as number, depth + 1);
      if (vertex && !vertex.children.includes(childVertex)) {
        vertex.children.push(childVertex);
        childVertex.inDegree++;
      }
      build(child, childVertex, depth + 1);
    }
  };
  build(root, undefined, 0);
  // Each vertex's children live in a HashSet of ids keyed by their Integer index.
  for (const vertex of vertices.values()) {
    const ordered = javaHashSetOrder(vertex.children, (child) => child.key);
    vertex.children.splice(0, vertex.children.length, ...ordered);
  }

  const all = [...vertices.values()];
  const sorted: number[] = [];
  const queue: IdVertex[] = [];
  const drain = (): void => {
    while (queue.length > 0) {
      const vertex = queue.shift() as IdVertex;
      sorted.push(vertex.key);
      for (const child of vertex.children) {
        child.inDegree--;
        if (child.inDegree === 0) enqueue(queue, child);
      }
    }
  };
  for (const vertex of all) if (vertex.inDegree <= 0) enqueue(queue, vertex);
  drain();
  const hasCycle = sorted.length < all.length;
  while (sorted.length < all.length) {
    let nearest: IdVertex | undefined;
    for (const vertex of all) {
      if (vertex.inDegree <= 0) continue;
      if (
        !nearest ||
        vertex.minDepth < nearest.minDepth ||
        (vertex.minDepth === nearest.minDepth && vertex.inDegree < nearest.inDegree)
      ) {
        nearest = vertex;
      }
    }
    if (!nearest) break;
    nearest.inDegree = 0;
    enqueue(queue, nearest);
    drain();
  }
  if (hasCycle) return { idOf, sorted, cycles: findCycles(all) };
  return { idOf, sorted, cycles: [], reaches: descendantSets(sorted, vertices) };
}
