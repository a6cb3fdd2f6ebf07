import { formatArtifact, type Artifact } from '../resolve/artifact';
import { nodeScope, type DependencyNode } from '../resolve/dependencyGraph';

/** The project line's artifact: Maven prints the project with its packaging as the type. */
export interface TreeRoot {
  readonly node: DependencyNode;
  readonly projectArtifact: Artifact;
}

/**
 * One line of the verbose tree, as maven-dependency-tree 3.2.1's VerboseDependencyNode#toNodeString writes
 * it: a loser in parentheses with " - " before its notes, a winner with its notes in parentheses.
 */
function verboseLine(node: DependencyNode, artifactText: string): string {
  const included = node.winner === undefined;
  const notes: string[] = [];
  if (node.premanagedVersion !== undefined) notes.push(`version managed from ${node.premanagedVersion}`);
  if (node.premanagedScope !== undefined) notes.push(`scope managed from ${node.premanagedScope}`);
  if (included && node.reducedScope !== undefined) notes.push(`scope not updated to ${node.reducedScope.value}`);
  if (node.winner !== undefined) {
    const winnerVersion = node.winner.artifact.version;
    notes.push(winnerVersion === node.artifact.version ? 'omitted for duplicate' : `omitted for conflict with ${winnerVersion}`);
  }
  if (included) return notes.length === 0 ? artifactText : `${artifactText} (${notes.join('; ')})`;
  return notes.length === 0 ? `(${artifactText})` : `(${artifactText} - ${notes.join('; ')})`;
}

/**
 * The text `mvn dependency:tree -DoutputFile=F` writes (maven-dependency-plugin 3.5.0, standard tokens):
 * depth-first, "+- " before a child that has a later sibling, "\- " before the last one, "|  " or "   "
 * below them; every line ends with a newline. With `verbose`, losers and management notes are shown.
 */
export function dependencyTreeText(root: TreeRoot, verbose: boolean): string {
  const lines: string[] = [];
  const visit = (node: DependencyNode, prefix: string, childPrefix: string, isRoot: boolean): void => {
    const artifactText = isRoot ? formatArtifact(root.projectArtifact) : formatArtifact(node.artifact, nodeScope(node));
    lines.push(prefix + (verbose && !isRoot ? verboseLine(node, artifactText) : artifactText));
    const children = node.children.nodes;
    children.forEach((child, index) => {
      const last = index === children.length - 1;
      visit(child, childPrefix + (last ? '\\- ' : '+- '), childPrefix + (last ? '   ' : '|  '), false);
    });
  };
  visit(root.node, '', '', true);
  return lines.map((line) => `${line}\n`).join('');
}
