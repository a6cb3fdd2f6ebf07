import type { DeclarationSite, ModelDependency } from '../model/modelTypes';
import type { CollectProblem } from './collector';

/**
 * The `<dependency>` element of the module (or of the parent it inherits it from) whose subtree needed the
 * problem's artifact, found by the coordinates the pom writes, so that a relocated dependency is found too.
 */
export function problemDeclaration(dependencies: readonly ModelDependency[], problem: CollectProblem): DeclarationSite | undefined {
  const { groupId, artifactId } = problem.direct;
  return dependencies.find((dependency) => dependency.groupId === groupId && dependency.artifactId === artifactId)?.declaredAt;
}
