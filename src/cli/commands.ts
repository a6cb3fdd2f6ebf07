import { dependencyTreeText } from '../core/report/dependencyTreeText';
import { artifactFile } from '../core/resolve/artifactFiles';
import { classpathArtifacts } from '../core/resolve/classpath';
import type { CliOptions } from './parseArguments';
import { resolveModule } from './resolveModule';
import { openSession } from './session';

export interface CommandOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `jarscope tree`: every selected module's `mvn dependency:tree` text in reactor order, one blank line
 * between modules. A module Maven would fail on prints nothing and makes the exit code 1. Maven builds all
 * modules in one session whose dependency pool decides some notes of a verbose tree (see DependencyPool):
 * with --verbose, the modules before a selected one are collected too, each as Maven's run collects it
 * (see ProjectResolver.resolveVerboseTree).
 */
export function runTree(options: CliOptions, env: NodeJS.ProcessEnv): CommandOutput {
  const opened = openSession(options, env);
  if (!opened.ok) return { exitCode: opened.exitCode, stdout: '', stderr: opened.message };
  const { session } = opened;
  let stderr = opened.warnings;
  const trees: string[] = [];
  let exitCode = 0;
  const last = session.selected[session.selected.length - 1];
  for (const module of session.reactor.modules) {
    if (session.selected.includes(module)) {
      // maven-dependency-tree resolves the graph with a filter that accepts no artifact: no file is needed.
      const outcome = resolveModule(session, module, options.verbose, false);
      stderr += outcome.problems;
      if (outcome.failed || !outcome.resolution) exitCode = 1;
      else trees.push(dependencyTreeText({ node: outcome.resolution.root, projectArtifact: outcome.resolution.projectArtifact }, options.verbose));
    } else if (options.verbose && !module.model.problems.some((problem) => problem.severity === 'error')) {
      // What it adds to the run's dependency pool can change a later module's verbose tree.
      session.resolver.collectOnly(module.model);
    }
    if (module === last) break;
  }
  return { exitCode, stdout: trees.join('\n'), stderr };
}

/** `jarscope classpath`: what `mvn dependency:build-classpath -Dmdep.outputFile=F` writes for one module. */
export function runClasspath(options: CliOptions, env: NodeJS.ProcessEnv): CommandOutput {
  const opened = openSession({ ...options, module: options.module ?? '.' }, env);
  if (!opened.ok) return { exitCode: opened.exitCode, stdout: '', stderr: opened.message };
  const { session } = opened;
  const module = session.selected[0];
  if (!module) return { exitCode: 2, stdout: '', stderr: 'jarscope: error: no module selected\n' };
  const outcome = resolveModule(session, module, false, true);
  const stderr = opened.warnings + outcome.problems;
  if (outcome.failed || !outcome.resolution) return { exitCode: 1, stdout: '', stderr };
  const paths = classpathArtifacts(outcome.resolution.root, options.scope).map(
    (artifact) => artifactFile(artifact, session.reactor.modules, session.repository).path,
  );
  return { exitCode: 0, stdout: paths.join(':'), stderr };
}
