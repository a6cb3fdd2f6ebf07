import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ModelProblem } from '../model/modelTypes';
import type { ProjectResolution } from '../resolve/resolveProject';
import { openAnalysisSession, type AnalysisSession, type AnalysisSessionOptions } from './analysisSession';
import type { ReactorModule } from './reactor';

/** One module of a reactor with its verbose dependency graph. */
export interface ResolvedModule {
  readonly module: ReactorModule;
  /** Undefined when the module's model has errors: Maven stops before resolving such a project. */
  readonly resolution: ProjectResolution | undefined;
  /**
   * Set when Maven skips this module because one it depends on (named `g:a:v (dir)`) failed: it is still
   * resolved, but `mvn` prints no tree for it.
   */
  readonly skippedAfter?: string;
}

/** Every module of one reactor, resolved with one session. */
export interface ResolvedReactor {
  /** The reactor root's pom.xml. */
  readonly rootPom: string;
  readonly session: AnalysisSession;
  /** In reactor build order. */
  readonly modules: readonly ResolvedModule[];
  readonly elapsedMs: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Model problems of all modules, each reported once even when several modules inherit it from one parent. */
export function distinctModelProblems(modules: readonly ResolvedModule[]): ModelProblem[] {
  const seen = new Set<string>();
  const problems: ModelProblem[] = [];
  for (const { module } of modules) {
    for (const problem of module.model.problems) {
      const key = `${problem.code}|${problem.pomPath}|${problem.range?.start ?? ''}|${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

/**
 * Resolves every module of the reactor rooted at `options.dir` as `mvn dependency:tree -Dverbose` does
 * (losers kept with their reason), skipping modules whose model has errors as Maven's project builder
 * does. Between modules it yields to the event loop and checks `signal`, so a newer request can cancel it.
 */
export async function resolveReactor(options: AnalysisSessionOptions, signal?: AbortSignal): Promise<ResolvedReactor> {
  const started = performance.now();
  const session = openAnalysisSession(options);
  const modules: ResolvedModule[] = [];
  for (const module of session.reactor.modules) {
    await yieldToEventLoop();
    signal?.throwIfAborted();
    const broken = module.model.problems.some((problem) => problem.severity === 'error');
    const resolution = broken ? undefined : session.resolver.resolveVerboseTree(module.model, signal);
    modules.push({ module, resolution });
  }
  return { rootPom: join(session.reactor.root, 'pom.xml'), session, modules, elapsedMs: performance.now() - started };
}
