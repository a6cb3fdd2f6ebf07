import { artifactIdentity, formatArtifact } from '../resolve/artifact';
import type { ReactorModule } from '../workspace/reactor';
import type { AnalysedScope, Finding } from './finding';
import { nodePathLocation, pathSteps, type ModuleContext } from './moduleContext';
import type { PomTexts } from './pomTexts';

/** The effective model's problems (malformed pom, missing parent or BOM...) as findings in the pom that has them. */
export function modelProblemFindings(module: ReactorModule, moduleId: string, pomTexts: PomTexts, scopes: readonly AnalysedScope[]): Finding[] {
  return module.model.problems.map((problem) => {
    const location =
      problem.range !== undefined ? pomTexts.location(problem.pomPath, problem.range) : pomTexts.projectLocation(problem.pomPath);
    return {
      code: 'pom-error',
      severity: problem.severity,
      module: moduleId,
      scopes: [...scopes],
      message: problem.message,
      location,
      paths: [],
      jars: [],
      classes: [],
      related: [],
      fixes: [],
    };
  });
}

/**
 * What collection could not do (a dependency's pom missing: Maven warns and goes on; no version in a
 * range: Maven stops) as unresolved-artifact findings on the direct dependency that leads there.
 */
export function resolutionProblemFindings(context: ModuleContext, scopes: readonly AnalysedScope[]): Finding[] {
  const directNodes = context.resolution.root.children.nodes;
  return context.resolution.problems.map((problem) => {
    const direct = problem.path[1] ?? problem.artifact;
    const node = directNodes.find((candidate) => artifactIdentity(candidate.artifact) === artifactIdentity(direct));
    const nodePath = node === undefined ? [] : [node];
    const path = [...problem.path, problem.artifact].map((artifact) => formatArtifact(artifact)).join(' -> ');
    return {
      code: 'unresolved-artifact',
      severity: problem.fatal ? 'error' : 'warning',
      module: context.moduleId,
      scopes: [...scopes],
      message: `${problem.message} (path: ${path})`,
      location: nodePathLocation(context, nodePath),
      paths: node === undefined ? [] : [pathSteps(context, nodePath)],
      jars: [],
      classes: [],
      related: [],
      fixes: [],
    };
  });
}
