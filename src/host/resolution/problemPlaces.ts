// Where resolution problems are shown: plain data, no vscode here, so it is unit-tested in plain Node.
import type { ModelProblem } from '../../core/model/modelTypes';
import type { TextRange } from '../../core/pom/xmlTree';
import { formatArtifact } from '../../core/resolve/artifact';
import type { CollectProblem } from '../../core/resolve/collector';
import { distinctModelProblems, type ResolvedModule } from '../../core/workspace/resolveWorkspace';

/** What the places are computed from: a reactor's resolved modules. */
interface ResolvedModules {
  readonly modules: readonly ResolvedModule[];
}

/** A problem placed in a pom, by offsets in the text the core read. */
export interface PlacedProblem {
  readonly pomPath: string;
  readonly range: TextRange;
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
}

/**
 * Model problems on their element; a workspace pom that is not well-formed XML is left out (it has its own
 * diagnostic), and a problem in a parent read from the local repository goes on `<parent>` of each module
 * it reaches (`parentRange` finds that element).
 */
export function modelProblemPlaces(reactor: ResolvedModules, parentRange: (pomPath: string) => TextRange): PlacedProblem[] {
  const modulePoms = new Set(reactor.modules.map((module) => module.module.pomPath));
  const placed: PlacedProblem[] = [];
  const place = (problem: ModelProblem, pomPath: string, range: TextRange, prefix: string): void => {
    placed.push({ pomPath, range, severity: problem.severity, code: problem.code, message: prefix + problem.message });
  };
  for (const problem of distinctModelProblems(reactor.modules)) {
    if (problem.code === 'pom-malformed' && modulePoms.has(problem.pomPath)) continue;
    if (modulePoms.has(problem.pomPath)) {
      place(problem, problem.pomPath, problem.range ?? { start: 0, end: 0 }, '');
      continue;
    }
    for (const { module } of reactor.modules) {
      if (!module.model.problems.includes(problem)) continue;
      place(problem, module.pomPath, parentRange(module.pomPath), `In the parent ${problem.pomPath}: `);
    }
  }
  return placed;
}

/**
 * A collection problem on the module's direct `<dependency>` whose subtree needed the artifact (the
 * artifact's own element when it is direct; in the parent pom when the dependency is inherited), with the
 * path that led to it, as Maven names the dependency path in its warning.
 */
export function collectProblemPlace(resolved: ResolvedModule, problem: CollectProblem): PlacedProblem {
  const { module } = resolved;
  const { declaredAt } = problem;
  const path = [...problem.path.slice(1), problem.artifact].map((artifact) => formatArtifact(artifact)).join(' -> ');
  return {
    pomPath: declaredAt?.source.pomPath ?? module.pomPath,
    range: declaredAt?.range ?? { start: 0, end: 0 },
    severity: problem.fatal ? 'error' : 'warning',
    code: problem.code,
    message: problem.path.length > 1 ? `${problem.message} (path: ${path})` : problem.message,
  };
}

/** Every problem of the reactors, each place once (modules sharing a parent report its problem once). */
export function resolutionProblemPlaces(reactors: readonly ResolvedModules[], parentRange: (pomPath: string) => TextRange): PlacedProblem[] {
  const placed = reactors.flatMap((reactor) => [
    ...modelProblemPlaces(reactor, parentRange),
    ...reactor.modules.flatMap((module) => (module.resolution?.problems ?? []).map((problem) => collectProblemPlace(module, problem))),
  ]);
  const seen = new Set<string>();
  return placed.filter((problem) => {
    const key = `${problem.pomPath}|${problem.range.start}|${problem.code}|${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
