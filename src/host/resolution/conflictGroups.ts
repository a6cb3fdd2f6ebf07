// Conflicts across the resolved modules, as plain data for the Conflicts view; no vscode here.
import type { Artifact } from '../../core/resolve/artifact';
import type { DependencyNode } from '../../core/resolve/dependencyGraph';
import { artifactKey, graphPaths, requestedVersion } from './dependencyText';

/** One path that asked for a version: the module, then the nodes from its direct dependency down. */
export interface RequestPath {
  readonly moduleName: string;
  readonly modulePom: string;
  /** Direct dependency first, the requesting node last. */
  readonly nodes: readonly DependencyNode[];
}

export interface RequestedVersion {
  readonly version: string;
  readonly paths: readonly RequestPath[];
}

/** One groupId:artifactId that was asked for in more than one version. */
export interface ConflictGroup {
  readonly key: string;
  /** The versions that won, one per module in which the conflict occurs (usually all equal). */
  readonly winners: readonly string[];
  /** Ordered as first met in a depth-first walk. */
  readonly requested: readonly RequestedVersion[];
}

export interface ModuleGraph {
  readonly moduleName: string;
  readonly modulePom: string;
  readonly root: DependencyNode;
}

/**
 * The artifacts (groupId:artifactId) that the dependency paths of the modules request in more than one
 * version, with the winner Maven's nearest-wins mediation (or dependencyManagement) picked and the paths
 * behind each requested version; a version managed by the root pom counts as requested in its written form.
 */
export function conflictGroups(graphs: readonly ModuleGraph[]): ConflictGroup[] {
  const groups = new Map<string, { winners: Set<string>; requested: Map<string, RequestPath[]> }>();
  const perModule = new Map<string, Set<string>>();
  for (const graph of graphs) {
    for (const { node, path } of graphPaths(graph.root)) {
      const key = artifactKey(node.artifact);
      let group = groups.get(key);
      if (!group) {
        group = { winners: new Set(), requested: new Map() };
        groups.set(key, group);
      }
      const winner: Artifact = (node.winner ?? node).artifact;
      group.winners.add(winner.version);
      const version = requestedVersion(node);
      const paths = group.requested.get(version) ?? [];
      paths.push({ moduleName: graph.moduleName, modulePom: graph.modulePom, nodes: path });
      group.requested.set(version, paths);
      const versions = perModule.get(`${graph.modulePom}|${key}`) ?? new Set<string>();
      versions.add(version);
      perModule.set(`${graph.modulePom}|${key}`, versions);
    }
  }
  // A conflict is a choice within one module's graph: two modules each using one version are not one.
  const conflicting = new Set<string>();
  for (const [moduleKey, versions] of perModule) if (versions.size > 1) conflicting.add(moduleKey.slice(moduleKey.indexOf('|') + 1));
  return [...groups]
    .filter(([key]) => conflicting.has(key))
    .map(([key, group]) => ({
      key,
      winners: [...group.winners],
      requested: [...group.requested].map(([version, paths]) => ({ version, paths })),
    }));
}
