import type { DependencyNode } from '../resolve/dependencyGraph';

/** A node of the verbose graph with the nodes from the direct dependency down to it. */
export interface PlacedNode {
  readonly node: DependencyNode;
  readonly nodePath: readonly DependencyNode[];
}

/**
 * Every node of a verbose (losers kept) graph, each once, in depth-first declaration order, with the first
 * path that reaches it; cycles are cut where they close.
 */
export function allGraphNodes(root: DependencyNode): PlacedNode[] {
  const placed: PlacedNode[] = [];
  const seen = new Set<DependencyNode>();
  const visit = (node: DependencyNode, above: readonly DependencyNode[]): void => {
    for (const child of node.children.nodes) {
      if (seen.has(child)) continue;
      seen.add(child);
      const nodePath = [...above, child];
      placed.push({ node: child, nodePath });
      if (child.cycle !== true) visit(child, nodePath);
    }
  };
  visit(root, []);
  return placed;
}

export function gaKey(artifact: { readonly groupId: string; readonly artifactId: string }): string {
  return `${artifact.groupId}:${artifact.artifactId}`;
}
