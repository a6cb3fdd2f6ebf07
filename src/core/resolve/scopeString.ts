/**
 * A dependency scope as the resolver sees it. Maven's verbose tree compares scope strings by Java
 * identity (maven-dependency-tree 3.2.1 VerboseJavaScopeSelector: `s != context.getScope()`), so whether
 * "(scope not updated to compile)" is printed depends on where a string came from: string literals in
 * Maven's code are interned (one object per value), while a scope read from pom text is a fresh object.
 * This type keeps that distinction: compare `.value` for equality, `===` for identity.
 */
export interface ScopeString {
  readonly value: string;
}

const interned = new Map<string, ScopeString>();

/** The one shared object for a scope written as a literal in Maven's code (JavaScopes.*, the "compile" default). */
export function internedScope(value: string): ScopeString {
  let scope = interned.get(value);
  if (!scope) {
    scope = { value };
    interned.set(value, scope);
  }
  return scope;
}

/** A scope string read from pom text: equal to others by value, never identical to them. */
export function writtenScope(value: string): ScopeString {
  return { value };
}

export const javaScopes = {
  compile: internedScope('compile'),
  runtime: internedScope('runtime'),
  provided: internedScope('provided'),
  test: internedScope('test'),
  system: internedScope('system'),
  none: internedScope(''),
} as const;
