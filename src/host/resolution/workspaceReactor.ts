// A resolved reactor as the Dependencies and Conflicts views, the pom hovers and the resolution diagnostics
// use it: plain data (no vscode, no session), which the analysis worker sends with the findings of the
// same run, so that the workspace is resolved once per change for every feature.
import { join } from 'node:path';
import type { ModuleAnalysis } from '../../core/analysis/analyzeModules';
import type { AnalysisSession } from '../../core/workspace/analysisSession';
import type { Reactor } from '../../core/workspace/reactor';
import type { ResolvedModule } from '../../core/workspace/resolveWorkspace';
import { moduleName, skippedModules } from '../../core/workspace/skippedModules';

export interface WorkspaceReactor {
  /** The reactor root's pom.xml. */
  readonly rootPom: string;
  /** The local repository the reactor resolved from. */
  readonly repositoryRoot: string;
  /** Settings and repository problems of the session, one line each. */
  readonly warnings: readonly string[];
  /** In reactor build order. */
  readonly modules: readonly ResolvedModule[];
}

/** The reactor of an analysis as plain data (modules and their graphs clone as they are: they hold no class instances). */
export function workspaceReactorOf(session: AnalysisSession, modules: readonly ModuleAnalysis[]): WorkspaceReactor {
  return {
    rootPom: join(session.reactor.root, 'pom.xml'),
    repositoryRoot: session.repository.root,
    warnings: session.warnings,
    modules: withSkipped(session.reactor, modules.map(({ module, resolution }) => ({ module, resolution }))),
  };
}

/** Marks the modules Maven skips after a module they depend on fails (a pom with errors, a fatal resolution problem). */
export function withSkipped(reactor: Pick<Reactor, 'modules' | 'upstream'>, modules: readonly ResolvedModule[]): ResolvedModule[] {
  const byModule = new Map(modules.map((resolved) => [resolved.module, resolved]));
  const skipped = skippedModules(reactor, (module) => {
    const resolved = byModule.get(module);
    return resolved !== undefined && (resolved.resolution === undefined || resolved.resolution.problems.some((problem) => problem.fatal));
  });
  return modules.map((resolved) => {
    const failedUpstream = skipped.get(resolved.module);
    return failedUpstream === undefined ? resolved : { ...resolved, skippedAfter: moduleName(failedUpstream) };
  });
}
