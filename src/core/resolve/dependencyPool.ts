import { artifactIdentity, exclusionKey } from './artifact';
import type { Dependency } from './dependencyGraph';
import type { ScopeString } from './scopeString';

/**
 * maven-resolver's DataPool interns every dependency it collects, in a pool that lives as long as the Maven
 * session: a dependency equal to one collected before (same artifact, scope value, optionality and
 * exclusions) is replaced by that earlier object, scope string included. Which string a node carries decides
 * whether the verbose tree says "(scope not updated to X)" (see ScopeString), so in a reactor a module can
 * print that note because an earlier module wrote `<scope>compile</scope>` on the same dependency. Maven's
 * pool holds its objects weakly (a garbage collection may drop one); this one keeps them for the whole run.
 * Optionality has three values, as maven-resolver's Boolean: a written `<optional>false</optional>` is not
 * equal to none written.
 */
export class DependencyPool {
  constructor(private readonly scopes = new Map<string, ScopeString>()) {}

  /** A pool that starts with this one's entries; what it interns stays out of this one. */
  copy(): DependencyPool {
    return new DependencyPool(new Map(this.scopes));
  }

  intern(dependency: Dependency): Dependency {
    const { scope } = dependency;
    const key = poolKey(dependency);
    const pooled = this.scopes.get(key);
    if (pooled === undefined) {
      this.scopes.set(key, scope);
      return dependency;
    }
    return pooled === scope ? dependency : { ...dependency, scope: pooled };
  }
}

function poolKey(dependency: Dependency): string {
  const { artifact, scope, optional, exclusions } = dependency;
  const base = `${artifactIdentity(artifact)}|${scope.value}|${optional === undefined ? '' : optional ? 1 : 0}`;
  if (exclusions.length === 0) return base;
  // An exclusion set: the order they were written in does not make two dependencies different.
  return `${base}|${exclusions.map(exclusionKey).sort().join(',')}`;
}
