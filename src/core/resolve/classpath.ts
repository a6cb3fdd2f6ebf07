import { artifactIdentity, type Artifact } from './artifact';
import { nodeScope, type DependencyNode } from './dependencyGraph';

export type ClasspathScope = 'compile' | 'runtime' | 'test';

/** What build-classpath's `-DincludeScope` takes: a classpath, or one scope alone. */
export type IncludeScope = ClasspathScope | 'provided' | 'system';

/** A winning artifact of a mediated graph and the artifacts on the path that brought it (root first). */
export interface ResolvedEntry {
  readonly artifact: Artifact;
  readonly scope: string;
  readonly path: readonly Artifact[];
}

/**
 * The scopes `mvn dependency:build-classpath -DincludeScope=S` keeps (maven-common-artifact-filters'
 * ScopeFilter): runtime is compile + runtime (no system), compile is compile + provided + system, test is all;
 * provided and system are that scope alone.
 */
const includedScopes: Record<IncludeScope, ReadonlySet<string>> = {
  compile: new Set(['compile', 'provided', 'system']),
  runtime: new Set(['compile', 'runtime']),
  test: new Set(['compile', 'provided', 'runtime', 'system', 'test']),
  provided: new Set(['provided']),
  system: new Set(['system']),
};

/**
 * Every winner of a mediated graph in classpath order: a depth-first walk in declaration order, as Maven
 * fills a project's artifacts; losers kept by a verbose resolution are skipped.
 */
export function resolvedEntries(root: DependencyNode): ResolvedEntry[] {
  const entries: ResolvedEntry[] = [];
  const seen = new Set<DependencyNode>();
  const visit = (node: DependencyNode, path: readonly Artifact[]): void => {
    for (const child of node.children.nodes) {
      if (seen.has(child) || child.winner !== undefined) continue;
      seen.add(child);
      entries.push({ artifact: child.artifact, scope: nodeScope(child) ?? '', path });
      visit(child, [...path, child.artifact]);
    }
  };
  visit(root, [root.artifact]);
  return entries;
}

/**
 * The artifacts on a classpath of the given scope, in Maven's order. A project's artifacts are a set: an artifact
 * that a cycle leaves twice in the graph counts once, where it came first (with that occurrence's scope).
 */
export function classpathArtifacts(root: DependencyNode, scope: IncludeScope): Artifact[] {
  const seen = new Set<string>();
  const firsts = resolvedEntries(root).filter(({ artifact }) => {
    const key = artifactIdentity(artifact);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return firsts.filter((entry) => includedScopes[scope].has(entry.scope)).map((entry) => entry.artifact);
}
