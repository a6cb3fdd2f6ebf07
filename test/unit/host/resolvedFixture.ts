import { join } from 'node:path';
import type { DependencyNode } from '../../../src/core/resolve/dependencyGraph';
import { resolveReactor, type ResolvedModule, type ResolvedReactor } from '../../../src/core/workspace/resolveWorkspace';
import { fixturePath } from '../helpers/paths';

/** The integration tests' workspace, resolved with its committed local repository (.m2repo). */
export const workspaceDir = fixturePath('workspaces', 'multi-module');

/** Resolves the reactor in `dir` with the given local repository and no settings, profiles or -D. */
export function resolveReactorAt(dir: string, localRepo: string): Promise<ResolvedReactor> {
  return resolveReactor({
    dir,
    runtime: { jdkVersion: '17.0.12', os: { name: 'Linux', family: 'unix', arch: 'amd64', version: '6.1' }, homeDir: '/nonexistent-home', systemProperties: new Map() },
    env: {},
    userProperties: new Map(),
    localRepo,
  });
}

export function resolveFixtureWorkspace(): Promise<ResolvedReactor> {
  return resolveReactorAt(workspaceDir, join(workspaceDir, '.m2repo'));
}

export function moduleNamed(reactor: ResolvedReactor, artifactId: string): ResolvedModule {
  const found = reactor.modules.find((module) => module.module.model.artifactId === artifactId);
  if (!found) throw new Error(`no module ${artifactId}`);
  return found;
}

/** The node reached by following artifactIds from the module's root. */
export function nodeAt(module: ResolvedModule, ...artifactIds: string[]): DependencyNode {
  let node = module.resolution?.root;
  for (const artifactId of artifactIds) node = node?.children.nodes.find((child) => child.artifact.artifactId === artifactId);
  if (!node) throw new Error(`no node ${artifactIds.join(' > ')}`);
  return node;
}
