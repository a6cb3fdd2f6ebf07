// The classpath analysis of the workspace's reactors as plain Node (no vscode): the findings service runs it
// in a worker thread (dist/analysisWorker.js) so that typing never waits for it, or in-process without one.
import { dirname } from 'node:path';
import { analyzeModules } from '../../core/analysis/analyzeModules';
import type { AnalysedScope, Finding } from '../../core/analysis/finding';
import type { IgnorePatterns } from '../../core/analysis/ignorePatterns';
import { openAnalysisSession, type AnalysisSession } from '../../core/workspace/analysisSession';
import { runtimeEnvironment } from '../../cli/runtimeEnvironment';

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
}

export interface AnalysisRequest {
  readonly reactors: readonly ReactorRequest[];
  /** Editors' unsaved pom texts, by path. */
  readonly pomTexts: ReadonlyArray<readonly [string, string]>;
}

export interface AnalysisReply {
  readonly findings: readonly Finding[];
  /** The local repositories the reactors resolved from. */
  readonly repositories: readonly string[];
  /** Settings and JDK problems, and reactors whose analysis failed, one line each. */
  readonly warnings: readonly string[];
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

/** Opens a session per reactor (as `mvn` on its root pom would) and runs every check on every module. */
export async function analyseReactors(request: AnalysisRequest, signal: AbortSignal): Promise<AnalysisReply> {
  const pomTexts = new Map(request.pomTexts);
  const findings: Finding[] = [];
  const repositories = new Set<string>();
  const warnings: string[] = [];
  for (const reactor of request.reactors) {
    signal.throwIfAborted();
    try {
      const session = openReactorSession(reactor, pomTexts);
      repositories.add(session.repository.root);
      const result = await analyzeModules(session, session.reactor.modules, {
        scopes: reactor.scopes,
        javaHome: reactor.javaHome,
        ignore: reactor.ignore,
        pomTexts,
        signal,
      });
      warnings.push(...[...session.warnings, ...result.warnings].map((warning) => `${reactor.pomPath}: ${warning}`));
      findings.push(...result.modules.flatMap((module) => module.findings));
    } catch (error) {
      if (isAbort(error)) throw error;
      warnings.push(`Analysing the classpaths of ${reactor.pomPath} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  return { findings, repositories: [...repositories], warnings };
}
