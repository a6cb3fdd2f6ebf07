import { formatArtifact } from '../core/resolve/artifact';
import { artifactFile } from '../core/resolve/artifactFiles';
import { resolvedEntries } from '../core/resolve/classpath';
import type { ProjectResolution } from '../core/resolve/resolveProject';
import type { ReactorModule } from '../core/workspace/reactor';
import { problemLine } from './problemText';
import { collectProblemText, modelProblemText, type Session } from './session';

export interface ModuleOutcome {
  readonly resolution?: ProjectResolution;
  /** Lines for stderr. */
  readonly problems: string;
  /** True when Maven would have failed this module. */
  readonly failed: boolean;
}

/**
 * Resolves one module and reports what Maven would: its model's warnings (a model error stops the whole run
 * before, see openSession); a missing pom only warns; an unresolvable range stops it; and when files are needed (the classpath; the tree only collects), every
 * artifact whose file is missing stops it.
 */
export function resolveModule(session: Session, module: ReactorModule, verbose: boolean, needFiles: boolean, signal?: AbortSignal): ModuleOutcome {
  const { resolver } = session;
  const resolution = verbose
    ? resolver.resolveVerboseTree(module.model, signal)
    : needFiles
      ? resolver.resolve(module.model, { verbose: false, signal })
      : resolver.resolvePlainTree(module.model, signal);
  let problems = modelProblemText(module.model.problems);
  let failed = false;
  for (const problem of resolution.problems) {
    problems += collectProblemText(module, problem);
    if (problem.fatal) failed = true;
  }
  if (needFiles) {
    for (const entry of resolvedEntries(resolution.root)) {
      const file = artifactFile(entry.artifact, session.reactor.modules, session.repository);
      if (file.exists) continue;
      failed = true;
      const path = [...entry.path, entry.artifact].map((artifact) => formatArtifact(artifact)).join(' -> ');
      const message = `Could not find artifact ${formatArtifact(entry.artifact)} in the local repository (${file.path}; path: ${path})`;
      problems += problemLine(module.pomPath, 'error', message);
    }
  }
  return { resolution, problems, failed };
}
