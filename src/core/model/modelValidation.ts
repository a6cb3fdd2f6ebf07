import { managementKey } from './inheritance';
import type { ModelDependency } from './modelTypes';

/** A finding of {@link validateDependencies}: the dependency it is about, with Maven's wording. */
export interface DependencyViolation {
  dependency: ModelDependency;
  code: string;
  message: string;
}

/**
 * The dependency checks of Maven 3.8's DefaultModelValidator (validateEffectiveModel) that change what can be
 * resolved: groupId, artifactId and version must be present; a system dependency needs a systemPath, and
 * only a system dependency may have one.
 */
export function validateDependencies(dependencies: readonly ModelDependency[], section: 'dependencies' | 'dependencyManagement'): DependencyViolation[] {
  const prefix = section === 'dependencies' ? 'dependencies.dependency' : 'dependencyManagement.dependencies.dependency';
  const violations: DependencyViolation[] = [];
  for (const dependency of dependencies) {
    const key = managementKey(dependency);
    const missing = (field: 'groupId' | 'artifactId' | 'version' | 'systemPath'): void => {
      violations.push({ dependency, code: `dependency-${field}-missing`, message: `'${prefix}.${field}' for ${key} is missing.` });
    };
    if (!dependency.groupId) missing('groupId');
    if (!dependency.artifactId) missing('artifactId');
    if (section === 'dependencies' && !dependency.version) missing('version');
    if (dependency.scope === 'system' && !dependency.systemPath) missing('systemPath');
    if (dependency.systemPath && dependency.scope !== 'system') {
      violations.push({
        dependency,
        code: 'dependency-systemPath-not-system',
        message: `'${prefix}.systemPath' for ${key} must be omitted. This field may only be specified for a dependency with system scope.`,
      });
    }
  }
  return violations;
}
