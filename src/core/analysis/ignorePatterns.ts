import { dottedName } from './classSummary';

/** What the user asked to be quiet about (settings, `--ignore`, pom markers). `*` matches any run of characters. */
export interface IgnorePatterns {
  /** Dotted class names, e.g. `org.slf4j.impl.*` or `com.a.Generated`. */
  readonly classes?: readonly string[];
  /** Dotted packages: `org.a` ignores the classes of `org.a` and of its subpackages. */
  readonly packages?: readonly string[];
  /** `groupId:artifactId` patterns: findings about classes only these artifacts carry are dropped. */
  readonly artifacts?: readonly string[];
}

export interface IgnoreMatcher {
  /** Whether a class (binary name with '/') is ignored by a class or package pattern. */
  ignoresClass(binaryName: string): boolean;
  ignoresArtifact(groupId: string, artifactId: string): boolean;
}

function wildcard(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

export function ignoreMatcher(patterns: IgnorePatterns = {}): IgnoreMatcher {
  const classes = (patterns.classes ?? []).map(wildcard);
  const packages = (patterns.packages ?? []).map((pattern) => wildcard(pattern.replace(/\.\*?$/, '')));
  const artifacts = (patterns.artifacts ?? []).map(wildcard);
  if (classes.length === 0 && packages.length === 0 && artifacts.length === 0) return { ignoresClass: () => false, ignoresArtifact: () => false };
  const known = new Map<string, boolean>();
  const matchesClass = (binaryName: string): boolean => {
    const dotted = dottedName(binaryName);
    if (classes.some((pattern) => pattern.test(dotted))) return true;
    // A package pattern covers the package and every package below it.
    const parts = dotted.split('.');
    for (let length = parts.length - 1; length > 0; length--) {
      const prefix = parts.slice(0, length).join('.');
      if (packages.some((pattern) => pattern.test(prefix))) return true;
    }
    return false;
  };
  return {
    ignoresClass(binaryName) {
      let ignored = known.get(binaryName);
      if (ignored === undefined) known.set(binaryName, (ignored = matchesClass(binaryName)));
      return ignored;
    },
    ignoresArtifact: (groupId, artifactId) => artifacts.some((pattern) => pattern.test(`${groupId}:${artifactId}`)),
  };
}
