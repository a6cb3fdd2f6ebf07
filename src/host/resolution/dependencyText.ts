// Plain text for resolved dependency nodes, shared by the views and hovers; no vscode here, so it is
// unit-tested in plain Node.
import type { DeclarationSite } from '../../core/model/modelTypes';
import type { Artifact } from '../../core/resolve/artifact';
import type { CollectProblemCode } from '../../core/resolve/collector';
import { nodeScope, type DependencyNode } from '../../core/resolve/dependencyGraph';

/** groupId:artifactId, the key the Conflicts view groups by. */
export function artifactKey(artifact: Pick<Artifact, 'groupId' | 'artifactId'>): string {
  return `${artifact.groupId}:${artifact.artifactId}`;
}

/** groupId:artifactId[:type][:classifier]:version; the type only when it is not `jar`. */
export function coordinatesText(artifact: Artifact): string {
  const type = artifact.type === 'jar' ? '' : `:${artifact.type}`;
  const classifier = artifact.classifier === '' ? '' : `:${artifact.classifier}`;
  return `${artifact.groupId}:${artifact.artifactId}${type}${classifier}:${artifact.version}`;
}

/** The pom a declaration is written in, as coordinates (a parent pom or BOM is named by what it is). */
export function siteText(site: DeclarationSite): string {
  const { groupId, artifactId, version } = site.source;
  return groupId === '' && artifactId === '' ? site.source.pomPath : `${groupId}:${artifactId}:${version}`;
}

/** Why a loser was left out, in the words of `mvn dependency:tree -Dverbose`; undefined for a winner. */
export function omittedNote(node: DependencyNode): string | undefined {
  if (node.winner === undefined) return undefined;
  if (node.loserReason === 'cycle') return 'omitted for cycle';
  const winnerVersion = node.winner.artifact.version;
  return winnerVersion === node.artifact.version ? 'omitted for duplicate' : `omitted for conflict with ${winnerVersion}`;
}

/** What the root's dependencyManagement changed on the node: "version managed from 1.0 (by g:a:v)". */
export function managedNotes(node: DependencyNode): string[] {
  const by = node.managedFrom ? ` by ${siteText(node.managedFrom)}` : '';
  const notes: string[] = [];
  if (node.premanagedVersion !== undefined) notes.push(`version managed from ${node.premanagedVersion}${by}`);
  if (node.premanagedScope !== undefined) notes.push(`scope managed from ${node.premanagedScope}${by}`);
  return notes;
}

/** The version a path asked for, before dependencyManagement replaced it. */
export function requestedVersion(node: DependencyNode): string {
  return node.premanagedVersion ?? node.artifact.version;
}

export interface DependencyRowText {
  readonly label: string;
  readonly description: string;
  /** Every note in full, for the tooltip. */
  readonly notes: readonly string[];
}

const problemNotes: Record<CollectProblemCode, string> = {
  'missing-pom': 'pom missing from the local repository',
  'invalid-pom': 'pom not valid, its dependencies are unknown',
  'unresolvable-pom': 'pom stops resolution: its parent or an imported BOM is missing, or it manages an empty type',
  'no-version-in-range': 'no version in the range is in the local repository',
  'invalid-version-range': 'version range not valid',
  'unsolvable-version-conflict': 'version ranges on its paths admit no common version',
};

/** What a collection problem on a node means for its row (the diagnostic has the whole message). */
export function problemNote(code: CollectProblemCode): string {
  return problemNotes[code];
}

/**
 * A node as a row of the Dependencies view: its artifactId, then version, scope and notes; `problem` is
 * the code of a collection problem on the node's artifact, when it has one.
 */
export function dependencyRowText(node: DependencyNode, problem?: CollectProblemCode): DependencyRowText {
  const omitted = omittedNote(node);
  const notes = [...(problem ? [problemNote(problem)] : []), ...(omitted ? [omitted] : []), ...managedNotes(node)];
  if (node.reducedScope !== undefined && node.winner === undefined) notes.push(`scope not updated to ${node.reducedScope.value}`);
  const classifier = node.artifact.classifier === '' ? '' : `:${node.artifact.classifier}`;
  const scope = nodeScope(node);
  const parts = [`${node.artifact.version}${scope ? ` · ${scope}` : ''}`, ...notes];
  // The groupId goes to the tooltip: the side bar is narrow, and the notes must stay readable.
  return { label: `${node.artifact.artifactId}${classifier}`, description: parts.join(' — '), notes };
}

/** A node's artifact matches a filter when its groupId or artifactId contains the text (any case). */
export function matchesFilter(artifact: Pick<Artifact, 'groupId' | 'artifactId'>, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return artifact.groupId.toLowerCase().includes(needle) || artifact.artifactId.toLowerCase().includes(needle) || artifactKey(artifact).toLowerCase().includes(needle);
}

/**
 * Whether a node or anything below it matches: the Dependencies view keeps exactly those nodes, so that
 * the paths to every match stay visible. A node already on the path is not walked again (cycles).
 */
export function leadsToMatch(node: DependencyNode, filter: string, memo = new Map<DependencyNode, boolean>(), onPath = new Set<DependencyNode>()): boolean {
  const known = memo.get(node);
  if (known !== undefined) return known;
  if (onPath.has(node)) return false;
  onPath.add(node);
  const result = matchesFilter(node.artifact, filter) || node.children.nodes.some((child) => leadsToMatch(child, filter, memo, onPath));
  onPath.delete(node);
  memo.set(node, result);
  return result;
}

/** A path of nodes as "a:1 → b:2 → c:3" (artifactId:version), root excluded. */
export function pathText(path: readonly Pick<Artifact, 'artifactId' | 'version'>[]): string {
  return path.map((artifact) => `${artifact.artifactId}:${artifact.version}`).join(' → ');
}

/** A node with the path to it from the module: its direct dependency first, the node itself last. */
export interface GraphPath {
  readonly node: DependencyNode;
  readonly path: readonly DependencyNode[];
}

/**
 * Every node of a module's graph with the path to it, depth-first in declaration order as the tree
 * prints; a node that is already on its own path (a cycle) is not walked again.
 */
export function graphPaths(root: DependencyNode): GraphPath[] {
  const found: GraphPath[] = [];
  const onPath = new Set<DependencyNode>();
  const step = (node: DependencyNode, path: readonly DependencyNode[]): void => {
    for (const child of node.children.nodes) {
      if (onPath.has(child)) continue;
      const childPath = [...path, child];
      found.push({ node: child, path: childPath });
      onPath.add(child);
      step(child, childPath);
      onPath.delete(child);
    }
  };
  step(root, []);
  return found;
}
