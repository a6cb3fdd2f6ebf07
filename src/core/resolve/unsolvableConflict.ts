import { constraintText } from '../version/versionRange';
import type { DependencyNode } from './dependencyGraph';

/**
 * Every path from the root's children to an occurrence of a conflict id whose version ranges admit no common
 * version, as maven-resolver's NearestVersionSelector reports them (a PathRecordingDependencyVisitor inside a
 * TreeDependencyVisitor): depth first, each node visited once however many parents share it, nothing below
 * an occurrence.
 */
export function conflictPaths(root: DependencyNode, isOccurrence: (node: DependencyNode) => boolean): DependencyNode[][] {
  const paths: DependencyNode[][] = [];
  const visited = new Set<DependencyNode>();
  const parents: DependencyNode[] = [];
  const visit = (node: DependencyNode): void => {
    if (visited.has(node)) return;
    visited.add(node);
    if (node !== root && isOccurrence(node)) {
      paths.push([...parents, node]);
      return;
    }
    if (node !== root) parents.push(node);
    for (const child of node.children.nodes) visit(child);
    if (node !== root) parents.pop();
  };
  visit(root);
  return paths;
}

/** UnsolvableVersionConflictException's message: each path's artifacts with the version constraint each was asked for. */
export function unsolvableConflictMessage(paths: readonly (readonly DependencyNode[])[]): string {
  const step = (node: DependencyNode): string => {
    const { groupId, artifactId, extension, classifier, version } = node.artifact;
    const constraint = node.rangeSpec === undefined ? version : constraintText(node.rangeSpec);
    return `${groupId}:${artifactId}:${extension}${classifier === '' ? '' : `:${classifier}`}:${constraint}`;
  };
  return `Could not resolve version conflict among [${paths.map((path) => path.map(step).join(' -> ')).join(', ')}]`;
}
