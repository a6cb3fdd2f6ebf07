import type { EffectiveModel, ModelProblem } from './modelTypes';

/** Problems Maven raises as UnresolvableModelException: a parent or an imported BOM that cannot be found. */
const unresolvableCodes: ReadonlySet<string> = new Set(['parent-not-found', 'import-not-found']);

export type DependencyPomStatus =
  | { kind: 'valid' }
  /** Maven fails: "Failed to read artifact descriptor for …" names the missing parent or BOM. */
  | { kind: 'unresolvable'; problem: ModelProblem }
  /** Maven warns "The POM for … is invalid, transitive dependencies (if any) will not be available" and goes on without them. */
  | { kind: 'invalid'; problems: ModelProblem[] };

/**
 * How maven-resolver-provider's DefaultArtifactDescriptorReader (Maven 3.8.7) treats a dependency's pom whose
 * model has errors: a parent or import that cannot be resolved fails the resolution; any other error makes the
 * pom invalid, which the default ArtifactDescriptorPolicy ignores (the dependency stays, its dependencies go).
 */
export function dependencyPomStatus(model: EffectiveModel): DependencyPomStatus {
  const errors = model.problems.filter((problem) => problem.severity === 'error');
  if (errors.length === 0) return { kind: 'valid' };
  const unresolvable = errors.find((problem) => unresolvableCodes.has(problem.code));
  return unresolvable ? { kind: 'unresolvable', problem: unresolvable } : { kind: 'invalid', problems: errors };
}
