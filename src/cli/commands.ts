import { dependencyTreeText } from '../core/report/dependencyTreeText';
import { artifactFile } from '../core/resolve/artifactFiles';
import { classpathArtifacts } from '../core/resolve/classpath';
import type { Reactor, ReactorModule } from '../core/workspace/reactor';
import { moduleName, ReactorFailures } from '../core/workspace/skippedModules';
import type { CliOptions } from './parseArguments';
import { problemLine } from './problemText';
import { resolveModule } from './resolveModule';
import { openSession, type Session } from './session';

export interface CommandOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `jarscope tree`: every selected module's `mvn dependency:tree` text in reactor order, one blank line
 * between modules. A module Maven would fail on prints nothing and makes the exit code 1, and so does every
 * module built after it that depends on it, which Maven skips (with --fail-at-end; without, Maven stops). Maven
 * builds all modules in one session whose dependency pool decides some notes of a verbose tree (see
 * DependencyPool): with --verbose, the modules before a selected one are collected too, each as Maven's run
 * collects it (see ProjectResolver.resolveVerboseTree).
 */
export function runTree(options: CliOptions, env: NodeJS.ProcessEnv): CommandOutput {
  const opened = openSession(options, env);
  if (!opened.ok) return { exitCode: opened.exitCode, stdout: '', stderr: opened.message };
  const { session } = opened;
  const { reactor } = session;
  let stderr = opened.warnings;
  const trees: string[] = [];
  let exitCode = 0;
  const last = session.selected[session.selected.length - 1];
  const neededBySelected = upstreamClosure(session.selected, reactor.upstream);
  const failures = new ReactorFailures(reactor.upstream);
  for (const module of reactor.modules) {
    const failedUpstream = failures.failedUpstream(module);
    const selected = session.selected.includes(module);
    if (failedUpstream !== undefined) {
      failures.stop(module);
      if (selected) {
        stderr += skippedLine(module, failedUpstream);
        exitCode = 1;
      }
    } else if (selected) {
      // maven-dependency-tree resolves the graph with a filter that accepts no artifact: no file is needed.
      const outcome = resolveModule(session, module, options.verbose, false);
      stderr += outcome.problems;
      if (outcome.failed || !outcome.resolution) {
        exitCode = 1;
        failures.stop(module);
      } else trees.push(dependencyTreeText({ node: outcome.resolution.root, projectArtifact: outcome.resolution.projectArtifact }, options.verbose));
    } else if (options.verbose || neededBySelected.has(module)) {
      // What it adds to the run's dependency pool can change a later module's verbose tree; whether it fails
      // decides whether a selected module that needs it is skipped.
      if (!session.resolver.collectOnly(module.model)) failures.stop(module);
    }
    if (module === last) break;
  }
  return { exitCode, stdout: trees.join('\n'), stderr };
}

function skippedLine(module: ReactorModule, failedUpstream: ReactorModule): string {
  return problemLine(module.pomPath, 'error', `Skipped, as Maven skips it: it depends on ${moduleName(failedUpstream)}, which failed`);
}

/** Every module the given ones are built after, directly or not. */
function upstreamClosure(modules: readonly ReactorModule[], upstream: Reactor['upstream']): Set<ReactorModule> {
  const found = new Set<ReactorModule>();
  const visit = (module: ReactorModule): void => {
    for (const next of upstream.get(module) ?? []) {
      if (found.has(next)) continue;
      found.add(next);
      visit(next);
    }
  };
  for (const module of modules) visit(module);
  return found;
}

/** `jarscope classpath`: what `mvn dependency:build-classpath -Dmdep.outputFile=F` writes for one module. */
export function runClasspath(options: CliOptions, env: NodeJS.ProcessEnv): CommandOutput {
  const opened = openSession({ ...options, module: options.module ?? '.' }, env);
  if (!opened.ok) return { exitCode: opened.exitCode, stdout: '', stderr: opened.message };
  const { session } = opened;
  const module = session.selected[0];
  if (!module) return { exitCode: 2, stdout: '', stderr: 'jarscope: error: no module selected\n' };
  const failedUpstream = failedUpstreamOfClasspath(session, module);
  if (failedUpstream !== undefined) return { exitCode: 1, stdout: '', stderr: opened.warnings + skippedLine(module, failedUpstream) };
  const outcome = resolveModule(session, module, false, true);
  const stderr = opened.warnings + outcome.problems;
  if (outcome.failed || !outcome.resolution) return { exitCode: 1, stdout: '', stderr };
  const paths = classpathArtifacts(outcome.resolution.root, options.scope).map(
    (artifact) => artifactFile(artifact, session.reactor.modules, session.repository).path,
  );
  return { exitCode: 0, stdout: paths.join(':'), stderr };
}

/**
 * The module built before `target` for which Maven, running build-classpath over the reactor, skips it: one it
 * needs failed or was skipped. The mojo needs every test-scope file of each module (requiresDependencyResolution =
 * TEST), so a missing jar fails a module here whose tree Maven writes.
 */
function failedUpstreamOfClasspath(session: Session, target: ReactorModule): ReactorModule | undefined {
  const { reactor } = session;
  const needed = upstreamClosure([target], reactor.upstream);
  const failures = new ReactorFailures(reactor.upstream);
  for (const module of reactor.modules) {
    if (module === target) return failures.failedUpstream(module);
    if (!needed.has(module)) continue;
    if (failures.failedUpstream(module) !== undefined || resolveModule(session, module, false, true).failed) failures.stop(module);
  }
  return undefined;
}
