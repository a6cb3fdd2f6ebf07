import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LocalRepository } from '../repo/localRepository';
import type { Artifact } from '../resolve/artifact';
import { artifactFile } from '../resolve/artifactFiles';
import { classpathArtifacts, type ClasspathScope } from '../resolve/classpath';
import type { DependencyNode } from '../resolve/dependencyGraph';
import type { ReactorModule } from '../workspace/reactor';
import type { AnalysedScope } from './finding';

export const ANALYSED_SCOPES: readonly AnalysedScope[] = ['compile', 'runtime', 'test'];

/** One element of a module's classpath: its own output folder, or a resolved dependency's file. */
export interface ClasspathElement {
  readonly file: string;
  readonly exists: boolean;
  /** Undefined for the module's own `target/classes` / `target/test-classes`. */
  readonly node: DependencyNode | undefined;
  /** The nodes from the module's direct dependency down to this element's node (empty for own classes). */
  readonly nodePath: readonly DependencyNode[];
}

export type ModuleClasspaths = Readonly<Record<AnalysedScope, readonly ClasspathElement[]>>;

/** Every winning node of a mediated graph with the nodes above it, in Maven's depth-first order. */
export function winningNodes(root: DependencyNode): { node: DependencyNode; nodePath: DependencyNode[] }[] {
  const result: { node: DependencyNode; nodePath: DependencyNode[] }[] = [];
  const seen = new Set<DependencyNode>();
  const visit = (node: DependencyNode, above: DependencyNode[]): void => {
    for (const child of node.children.nodes) {
      if (seen.has(child) || child.winner !== undefined) continue;
      seen.add(child);
      const nodePath = [...above, child];
      result.push({ node: child, nodePath });
      visit(child, nodePath);
    }
  };
  visit(root, []);
  return result;
}

/**
 * A module's compile, runtime and test classpaths as Maven builds them: its own output folder first
 * (`target/test-classes` before it on the test classpath, when they exist: surefire's order), then
 * the dependencies of that scope in resolution order (see classpathArtifacts).
 */
export function moduleClasspaths(
  module: ReactorModule,
  root: DependencyNode,
  modules: readonly ReactorModule[],
  repository: LocalRepository,
): ModuleClasspaths {
  const moduleDir = dirname(module.pomPath);
  const own = (name: string): ClasspathElement[] => {
    const file = join(moduleDir, 'target', name);
    return module.model.packaging !== 'pom' && existsSync(file) ? [{ file, exists: true, node: undefined, nodePath: [] }] : [];
  };
  const winners = winningNodes(root);
  const forScope = (scope: ClasspathScope): ClasspathElement[] => {
    const included = new Set<Artifact>(classpathArtifacts(root, scope));
    return winners
      .filter(({ node }) => included.has(node.artifact) && node.artifact.extension !== 'pom')
      .map(({ node, nodePath }) => {
        const file = artifactFile(node.artifact, modules, repository);
        return { file: file.path, exists: file.exists, node, nodePath };
      });
  };
  return {
    compile: [...own('classes'), ...forScope('compile')],
    runtime: [...own('classes'), ...forScope('runtime')],
    test: [...own('test-classes'), ...own('classes'), ...forScope('test')],
  };
}
