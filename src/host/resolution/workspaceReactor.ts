// A resolved reactor as the Dependencies and Conflicts views, the pom hovers and the resolution diagnostics
// use it: plain data (no vscode, no session), which the analysis worker sends with the findings of the
// same run, so that the workspace is resolved once per change for every feature.
import { join } from 'node:path';
import type { ModuleAnalysis } from '../../core/analysis/analyzeModules';
import type { AnalysisSession } from '../../core/workspace/analysisSession';
import type { ResolvedModule } from '../../core/workspace/resolveWorkspace';

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
    modules: modules.map(({ module, resolution, skippedAfter }) => ({ module, resolution, ...(skippedAfter === undefined ? {} : { skippedAfter }) })),
  };
}

