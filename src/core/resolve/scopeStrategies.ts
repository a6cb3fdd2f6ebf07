import { javaScopes, type ScopeString } from './scopeString';

/**
 * The scope a dependency gets below a parent of the given scope (maven-resolver's JavaScopeDeriver, the
 * table of Maven's "Dependency Scope" documentation): test and system stay as they are; below compile (or
 * the root) the child keeps its own; below test or runtime it takes the parent's; below provided or system
 * it becomes provided; below anything else, runtime.
 */
export function deriveScope(parent: ScopeString | undefined, child: ScopeString): ScopeString {
  if (child.value === 'system' || child.value === 'test') return child;
  if (parent === undefined || parent.value === '' || parent.value === 'compile') return child;
  if (parent.value === 'test' || parent.value === 'runtime') return parent;
  if (parent.value === 'system' || parent.value === 'provided') return javaScopes.provided;
  return javaScopes.runtime;
}

/** One occurrence of a conflict id, as the scope and optionality selectors see it. */
export interface ScopeCandidate {
  readonly depth: number;
  /** The scope written on (or managed onto) the occurrence's dependency. */
  readonly dependencyScope: ScopeString;
  /** Every scope it was reached with, in the iteration order of the resolver's HashSet. */
  readonly scopes: readonly ScopeString[];
}

/**
 * maven-resolver's JavaScopeSelector: a direct dependency's own scope wins; otherwise the widest scope any
 * path reached it with (compile > runtime > provided > test; system only if it is the only one).
 * The returned object matters (see ScopeString): a set of one keeps the first string added.
 */
export function selectScope(winnerScope: ScopeString, candidates: readonly ScopeCandidate[]): ScopeString {
  if (winnerScope.value === 'system') return winnerScope;
  const seen: ScopeString[] = [];
  for (const candidate of candidates) {
    if (candidate.depth <= 1) return candidate.dependencyScope;
    for (const scope of candidate.scopes) if (!seen.some((known) => known.value === scope.value)) seen.push(scope);
  }
  const values = new Set(seen.map((scope) => scope.value));
  if (values.size > 1) values.delete('system');
  if (values.size === 1) return seen.find((scope) => values.has(scope.value)) as ScopeString;
  for (const widest of [javaScopes.compile, javaScopes.runtime, javaScopes.provided, javaScopes.test]) {
    if (values.has(widest.value)) return widest;
  }
  return javaScopes.none;
}

const scopeRank = ['compile', 'runtime', 'provided', 'test'];

/**
 * maven-dependency-tree 3.2.1's VerboseJavaScopeSelector: the widest scope among all occurrences, reported
 * as "scope not updated to X" on the winner when it is not the very string object the selector chose
 * (unknown scopes such as system rank above compile there).
 */
export function reducedScope(selected: ScopeString, candidates: readonly ScopeCandidate[]): ScopeString | undefined {
  let widest: ScopeString | undefined;
  const seen = new Set<string>();
  for (const candidate of candidates) {
    for (const scope of candidate.scopes) {
      if (seen.has(scope.value)) continue;
      seen.add(scope.value);
      if (!widest || scopeRank.indexOf(scope.value) < scopeRank.indexOf(widest.value)) widest = scope;
    }
  }
  return widest !== undefined && widest !== selected ? widest : undefined;
}
