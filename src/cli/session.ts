import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModelProblem } from '../core/model/modelTypes';
import type { CollectProblem } from '../core/resolve/collector';
import { formatArtifact } from '../core/resolve/artifact';
import type { ProjectResolver } from '../core/resolve/resolveProject';
import { openAnalysisSession } from '../core/workspace/analysisSession';
import type { Reactor, ReactorModule } from '../core/workspace/reactor';
import type { LocalRepository } from '../core/repo/localRepository';
import type { CliOptions } from './parseArguments';
import { problemLine } from './problemText';
import { runtimeEnvironment } from '../core/workspace/runtimeEnvironment';

/** Everything one CLI run resolves with. */
export interface Session {
  readonly reactor: Reactor;
  readonly repository: LocalRepository;
  readonly resolver: ProjectResolver;
  /** The modules to print: the one `--module` names, else all in reactor order. */
  readonly selected: readonly ReactorModule[];
}

export type SessionResult = { ok: true; session: Session; warnings: string } | { ok: false; exitCode: number; message: string };

function normalizeModuleDir(dir: string): string {
  const trimmed = dir.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? '.' : trimmed;
}

/** Finds the local repository and settings, loads the reactor, and picks the modules to work on. */
export function openSession(options: CliOptions, env: NodeJS.ProcessEnv): SessionResult {
  const rootPom = join(resolve(options.dir), 'pom.xml');
  if (!(statSync(rootPom, { throwIfNoEntry: false })?.isFile() ?? false)) {
    return { ok: false, exitCode: 1, message: `jarscope: error: no pom.xml in ${resolve(options.dir)}\n` };
  }
  const missingSettings = missingSettingsFile(options);
  if (missingSettings !== undefined) return { ok: false, exitCode: 2, message: `jarscope: error: ${missingSettings}\n` };
  const opened = openAnalysisSession({
    dir: options.dir,
    runtime: runtimeEnvironment(env, options.userProperties),
    env,
    userProperties: options.userProperties,
    localRepo: options.localRepo,
    settingsFile: options.settingsFile,
    activeProfiles: options.activeProfiles,
    inactiveProfiles: options.inactiveProfiles,
  });
  const { reactor } = opened;
  // Maven stops with "Error executing Maven" on a settings file it cannot parse.
  if (opened.settingsErrors.length > 0) return { ok: false, exitCode: 1, message: opened.settingsErrors.map((error) => `jarscope: error: ${error}\n`).join('') };
  let warnings = opened.warnings.map((problem) => `jarscope: warning: ${problem}\n`).join('');
  warnings += opened.reactorProblems.map((problem) => problemLine(problem.pomPath, 'error', problem.message)).join('');
  // Maven builds nothing then.
  if (opened.reactorProblems.some((problem) => problem.fatal)) return { ok: false, exitCode: 1, message: warnings };
  // Nor when it cannot build a project's model: "The build could not read N projects" (ProjectBuildingException)
  // stops the whole build before any module runs, --fail-at-end or not.
  const unreadable = reactor.modules.filter((module) => module.model.problems.some((problem) => problem.severity === 'error'));
  if (unreadable.length > 0) {
    const lines = new Set(unreadable.flatMap((module) => modelProblemText(module.model.problems).split(/(?<=\n)/)));
    const count = unreadable.length === 1 ? '1 project' : `${unreadable.length} projects`;
    return { ok: false, exitCode: 1, message: `${warnings}${[...lines].join('')}jarscope: error: Maven cannot read ${count} of the reactor, so it builds none\n` };
  }
  let selected = reactor.modules;
  if (options.module !== undefined) {
    const wanted = normalizeModuleDir(options.module);
    selected = reactor.modules.filter((module) => module.dir === wanted);
    if (selected.length === 0) {
      const known = reactor.modules.map((module) => module.dir).join(', ');
      return { ok: false, exitCode: 2, message: `jarscope: error: no module "${options.module}" in the reactor at ${reactor.root} (modules: ${known})\n` };
    }
  }
  return { ok: true, session: { reactor, repository: opened.repository, resolver: opened.resolver, selected }, warnings };
}

/** Maven refuses to run with a `-s` file that is not there (and so does jarscope, as bad usage). */
export function missingSettingsFile(options: Pick<CliOptions, 'settingsFile'>): string | undefined {
  const file = options.settingsFile;
  return file === undefined || (statSync(file, { throwIfNoEntry: false })?.isFile() ?? false) ? undefined : `The specified user settings file does not exist: ${file}`;
}

/** A module's model problems as stderr lines. */
export function modelProblemText(problems: readonly ModelProblem[]): string {
  return problems.map((problem) => problemLine(problem.pomPath, problem.severity, problem.message, problem)).join('');
}

/** A collection problem as a stderr line on the module's pom, with the path that needed the artifact. */
export function collectProblemText(module: ReactorModule, problem: CollectProblem): string {
  const path = [...problem.path.map((artifact) => formatArtifact(artifact)), formatArtifact(problem.artifact)].join(' -> ');
  const { declaredAt } = problem;
  const file = declaredAt?.source.pomPath ?? module.pomPath;
  return problemLine(file, problem.fatal ? 'error' : 'warning', `${problem.message} (path: ${path})`, declaredAt);
}
