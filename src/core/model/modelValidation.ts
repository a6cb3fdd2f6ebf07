import { isAbsolute } from 'node:path';
import { managementKey } from './inheritance';
import type { ModelDependency, ModelProblem } from './modelTypes';
import { pathKind } from './pathKind';

/** A finding of {@link validateDependencies}: the dependency it is about, with Maven's wording. */
export interface DependencyViolation {
  dependency: ModelDependency;
  severity: ModelProblem['severity'];
  code: string;
  message: string;
}

/** DefaultModelValidator.ID_REGEX: what a groupId or artifactId may be made of. */
const validId = /^[A-Za-z0-9_\-.]+$/;

export function isValidId(value: string): boolean {
  return validId.test(value);
}

/**
 * A managed type written empty passes Maven's model validation, but maven-resolver refuses it ("type id cannot
 * be empty", DefaultArtifactType) as soon as the entry is turned into a managed dependency: the whole
 * resolution of a project with such an entry, or that reads a dependency pom with one, stops.
 */
export const emptyManagedTypeCode = 'managed-type-empty';

/**
 * The dependency checks of Maven 3.8's DefaultModelValidator.validateEffectiveDependency that decide whether a
 * pom is valid: groupId and artifactId present and made of id characters (an expression left unexpanded is
 * not), a type and a version for each dependency, an absolute systemPath exactly for system dependencies (a
 * missing file is only a warning); and the empty managed types that stop resolution later.
 */
export function validateDependencies(dependencies: readonly ModelDependency[], section: 'dependencies' | 'dependencyManagement'): DependencyViolation[] {
  const prefix = section === 'dependencies' ? 'dependencies.dependency' : 'dependencyManagement.dependencies.dependency';
  const violations: DependencyViolation[] = [];
  for (const dependency of dependencies) {
    const key = managementKey(dependency);
    const report = (field: string, code: string, detail: string, severity: ModelProblem['severity'] = 'error'): void => {
      violations.push({ dependency, severity, code, message: `'${prefix}.${field}' for ${key} ${detail}` });
    };
    for (const field of ['groupId', 'artifactId'] as const) {
      const value = dependency[field];
      if (!value) report(field, `dependency-${field}-missing`, 'is missing.');
      else if (!validId.test(value)) report(field, `dependency-${field}-invalid`, `with value '${value}' does not match a valid id pattern.`);
    }
    if (dependency.type === '') {
      if (section === 'dependencies') report('type', 'dependency-type-missing', 'is missing.');
      else report('type', emptyManagedTypeCode, 'is empty: Maven stops resolving dependencies with "type id cannot be empty".');
    }
    if (section === 'dependencies' && !dependency.version) report('version', 'dependency-version-missing', 'is missing.');
    const { systemPath } = dependency;
    if (dependency.scope === 'system') {
      if (!systemPath) report('systemPath', 'dependency-systemPath-missing', 'is missing.');
      else if (!isAbsolute(systemPath)) report('systemPath', 'dependency-systemPath-relative', `must specify an absolute path but is ${systemPath}`);
      else if (pathKind(systemPath) !== 'file') report('systemPath', 'dependency-systemPath-no-file', `refers to a non-existing file ${systemPath}`, 'warning');
    } else if (systemPath) {
      report('systemPath', 'dependency-systemPath-not-system', 'must be omitted. This field may only be specified for a dependency with system scope.');
    }
  }
  return violations;
}
