// The classpath analysis of the workspace's reactors as plain Node (no vscode): the findings service runs it
// in a worker thread (dist/analysisWorker.js) so that typing never waits for it, or in-process without one.
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeModules, type AnalysisOptions, type KeptAnalysisResources, type ModuleAnalysis } from '../../core/analysis/analyzeModules';
import type { AnalysedScope, Finding } from '../../core/analysis/finding';
import type { IgnorePatterns } from '../../core/analysis/ignorePatterns';
import type { RuntimeOptions } from '../../core/runtime/runtimeSelection';
import { openAnalysisSession, type AnalysisSession } from '../../core/workspace/analysisSession';
import { workspaceReactorOf, type WorkspaceReactor } from '../resolution/workspaceReactor';
import type { KeptReuse } from './keptResources';
import { runtimeEnvironment } from '../../core/workspace/runtimeEnvironment';

/** One reactor to analyse, with the settings of its workspace folder; structured-clone safe. */
export interface ReactorRequest {
  readonly pomPath: string;
  readonly localRepository: string | undefined;
  readonly settingsFile: string | undefined;
  readonly activeProfiles: readonly string[];
  readonly inactiveProfiles: readonly string[];
  readonly userProperties: ReadonlyArray<readonly [string, string]>;
  readonly javaHome: string | undefined;
  readonly scopes: readonly AnalysedScope[];
  readonly ignore: IgnorePatterns;
  /** `jarscope.runtimes` and `jarscope.runtime` of the reactor's folder; absent: no runtime analysis. */
  readonly runtimes?: RuntimeOptions;
}

export interface AnalysisRequest {
  readonly reactors: readonly ReactorRequest[];
  /** Editors' unsaved pom texts, by path. */
  readonly pomTexts: ReadonlyArray<readonly [string, string]>;
  /** Increases whenever a local repository's jars or poms changed: what the worker remembers about them is then forgotten. */
  readonly repositoryGeneration?: number;
}

export interface AnalysisReply {
  readonly findings: readonly Finding[];
  /** The local repositories the reactors resolved from. */
  readonly repositories: readonly string[];
  /** Settings and JDK problems, and reactors whose analysis failed, one line each. */
  readonly warnings: readonly string[];
  /** Time spent in the analysis itself (in the worker when there is one). */
  readonly elapsedMs: number;
  /** Every analysed reactor's modules and dependency graphs, for the views and hovers. */
  readonly reactors: readonly WorkspaceReactor[];
  /** What the run took from the worker's memory (see KeptResources.takeReuse). */
  readonly reuse?: KeptReuse;
}

/** One reactor as analysed: its session and modules stay in the worker for Explain and Find Class. */
export interface AnalysedReactor {
  readonly reactor: ReactorRequest;
  readonly session: AnalysisSession;
  readonly modules: readonly ModuleAnalysis[];
}

/** A run's reply (plain data, sent to the extension host) and what it analysed (kept where it ran). */
export interface ReactorAnalyses {
  readonly reply: AnalysisReply;
  readonly analysed: readonly AnalysedReactor[];
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Opens the analysis session of one reactor with its folder's Maven settings, as `mvn` on its root pom would. */
export function openReactorSession(reactor: ReactorRequest, pomTexts: ReadonlyMap<string, string>): AnalysisSession {
  const userProperties = new Map(reactor.userProperties);
  return openAnalysisSession({
    dir: dirname(reactor.pomPath),
    runtime: runtimeEnvironment(process.env, userProperties),
    env: process.env,
    userProperties,
    localRepo: reactor.localRepository,
    settingsFile: reactor.settingsFile,
    activeProfiles: reactor.activeProfiles,
    inactiveProfiles: reactor.inactiveProfiles,
    pomTexts,
  });
}

/**
 * Opens a session per reactor (as `mvn` on its root pom would) and runs every check (or only those that
 * parse no class) on every module, with the resources a long-lived caller keeps between runs when it
 * gives them, and the sessions of an earlier pass over the same request.
 */
export async function analyseReactors(
  request: AnalysisRequest,
  signal: AbortSignal,
  kept?: KeptAnalysisResources,
  checks: AnalysisOptions['checks'] = 'all',
  earlier: readonly AnalysedReactor[] = [],
): Promise<ReactorAnalyses> {
  const started = performance.now();
  const pomTexts = new Map(request.pomTexts);
  const findings: Finding[] = [];
  const repositories = new Set<string>();
  const warnings: string[] = [];
  const analysed: AnalysedReactor[] = [];
  for (const reactor of request.reactors) {
    signal.throwIfAborted();
    try {
      // The session of an earlier pass over the same request (the first answer of a cold open) has read the poms already.
      const session = earlier.find((analysed) => analysed.reactor === reactor)?.session ?? openReactorSession(reactor, pomTexts);
      repositories.add(session.repository.root);
      const result = await analyzeModules(session, session.reactor.modules, {
        scopes: reactor.scopes,
        javaHome: reactor.javaHome,
        ignore: reactor.ignore,
        runtimes: reactor.runtimes,
        pomTexts,
        signal,
        kept,
        checks,
      });
      warnings.push(...[...session.warnings, ...result.warnings].map((warning) => `${reactor.pomPath}: ${warning}`));
      findings.push(...result.modules.flatMap((module) => module.findings));
      analysed.push({ reactor, session, modules: result.modules });
    } catch (error) {
      if (isAbort(error)) throw error;
      warnings.push(`Analysing the classpaths of ${reactor.pomPath} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const reactors = analysed.map(({ session, modules }) => workspaceReactorOf(session, modules));
  return { reply: { findings, repositories: [...repositories], warnings, elapsedMs: performance.now() - started, reactors }, analysed };
}
