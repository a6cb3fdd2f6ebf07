// The classpath analysis of the workspace's reactors as plain Node (no vscode): the findings service runs it
// in a worker thread (dist/analysisWorker.js) so that typing never waits for it, or in-process without one.
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareAnalysis, type AnalysisResult, type KeptAnalysisResources, type ModuleAnalysis, type PreparedAnalysis } from '../../core/analysis/analyzeModules';
import type { AnalysedScope, Finding } from '../../core/analysis/finding';
import type { IgnorePatterns } from '../../core/analysis/ignorePatterns';
import type { RuntimeOptions } from '../../core/runtime/runtimeSelection';
import type { KeptRepositoryModels } from '../../core/model/keptRepositoryModels';
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

/** One reactor's session and the result of its analysis (a first answer or the whole). */
interface ReactorResult {
  readonly reactor: ReactorRequest;
  readonly session: AnalysisSession;
  readonly result: AnalysisResult;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Opens the analysis session of one reactor with its folder's Maven settings, as `mvn` on its root pom would. */
export function openReactorSession(reactor: ReactorRequest, pomTexts: ReadonlyMap<string, string>, keptModels?: KeptRepositoryModels): AnalysisSession {
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
    keptModels,
  });
}

/**
 * Opens a session per reactor (as `mvn` on its root pom would) and runs every check on every module, with
 * the resources the caller keeps between runs and closes (a cancelled run leaves nothing else open). With
 * `firstAnswer`, every reactor's checks that parse no class are done first and told through it, while the
 * classes are parsed for the rest (a cold open's first answer).
 */
export async function analyseReactors(
  request: AnalysisRequest,
  signal: AbortSignal,
  kept: KeptAnalysisResources,
  firstAnswer?: (reply: AnalysisReply) => void,
): Promise<ReactorAnalyses> {
  const started = performance.now();
  const pomTexts = new Map(request.pomTexts);
  const repositories = new Set<string>();
  const failures = new Map<ReactorRequest, string>();
  const prepared: { readonly reactor: ReactorRequest; readonly session: AnalysisSession; readonly analysis: PreparedAnalysis }[] = [];
  const failed = (reactor: ReactorRequest, error: unknown): void => {
    if (isAbort(error)) throw error;
    failures.set(reactor, `Analysing the classpaths of ${reactor.pomPath} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  };
  for (const reactor of request.reactors) {
    signal.throwIfAborted();
    try {
      const session = openReactorSession(reactor, pomTexts, kept.repositoryModels);
      repositories.add(session.repository.root);
      const analysis = await prepareAnalysis(
        session,
        session.reactor.modules,
        { scopes: reactor.scopes, javaHome: reactor.javaHome, ignore: reactor.ignore, runtimes: reactor.runtimes, pomTexts, signal, kept },
        firstAnswer !== undefined,
      );
      prepared.push({ reactor, session, analysis });
    } catch (error) {
      failed(reactor, error);
    }
  }
  const replyOf = (results: readonly ReactorResult[]): ReactorAnalyses => {
    // In the request's order: each reactor's settings and JDK warnings, or why its analysis failed.
    const warnings = request.reactors.flatMap((reactor) => {
      const failure = failures.get(reactor);
      const done = results.find((result) => result.reactor === reactor);
      if (failure !== undefined || done === undefined) return failure === undefined ? [] : [failure];
      return [...done.session.warnings, ...done.result.warnings].map((warning) => `${reactor.pomPath}: ${warning}`);
    });
    const analysed = results.map(({ reactor, session, result }) => ({ reactor, session, modules: result.modules }));
    const findings = results.flatMap(({ result }) => result.modules.flatMap((module) => module.findings));
    const reactors = analysed.map(({ session, modules }) => workspaceReactorOf(session, modules));
    return { reply: { findings, repositories: [...repositories], warnings, elapsedMs: performance.now() - started, reactors }, analysed };
  };
  firstAnswer?.(replyOf(prepared.map(({ reactor, session, analysis }) => ({ reactor, session, result: analysis.firstAnswer }))).reply);
  const finished: ReactorResult[] = [];
  for (const { reactor, session, analysis } of prepared) {
    signal.throwIfAborted();
    try {
      finished.push({ reactor, session, result: await analysis.finish() });
    } catch (error) {
      failed(reactor, error);
    }
  }
  return replyOf(finished);
}
