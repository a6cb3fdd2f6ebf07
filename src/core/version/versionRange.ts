import { compareVersions } from './comparableVersion';

/**
 * Maven's version constraint syntax (`[1.0]`, `[1.0,2.0)`, `(,1.0],[1.2,)`, or a plain "soft"
 * version), parsed the way Maven 3.8.7 parses a dependency's version when it resolves dependencies
 * (maven-resolver's GenericVersionScheme.parseVersionConstraint), with versions ordered by
 * Maven's ComparableVersion.
 */

/** One interval; a missing bound is unbounded on that side. */
export interface VersionRange {
  lower?: string;
  lowerInclusive: boolean;
  upper?: string;
  upperInclusive: boolean;
}

/** A parsed `<version>`: either a soft version (`recommended`, no ranges) or a union of ranges. */
export interface VersionConstraint {
  spec: string;
  recommended?: string;
  ranges: readonly VersionRange[];
}

export type InvalidVersionSpecReason =
  | 'unbounded'
  | 'text-after-ranges'
  | 'single-version-not-inclusive'
  | 'too-many-bounds'
  | 'lower-above-upper';

/** A version specification Maven rejects; `reason` says which rule it breaks. */
export class InvalidVersionSpecError extends Error {
  override readonly name = 'InvalidVersionSpecError';

  constructor(
    readonly spec: string,
    readonly reason: InvalidVersionSpecReason,
    detail: string,
  ) {
    super(`Invalid version range ${spec}: ${detail}`);
  }
}

/** Maven reads a version as a range exactly when it starts with '[' or '('. */
export function isVersionRange(spec: string): boolean {
  return spec.startsWith('[') || spec.startsWith('(');
}

/** Index of the bracket that closes the first range: the earlier of the first ')' and the first ']'. */
function closingBracketIndex(text: string): number {
  const paren = text.indexOf(')');
  const bracket = text.indexOf(']');
  if (bracket < 0 || (paren >= 0 && paren < bracket)) return paren;
  return bracket;
}

function parseRange(spec: string, text: string): VersionRange {
  const lowerInclusive = text.startsWith('[');
  const upperInclusive = text.endsWith(']');
  const inner = text.slice(1, -1);
  const comma = inner.indexOf(',');
  if (comma < 0) {
    if (!lowerInclusive || !upperInclusive) {
      throw new InvalidVersionSpecError(spec, 'single-version-not-inclusive', `${text}: a single version must be surrounded by []`);
    }
    const version = inner.trim();
    return { lower: version, lowerInclusive: true, upper: version, upperInclusive: true };
  }
  const lower = inner.slice(0, comma).trim();
  const upper = inner.slice(comma + 1).trim();
  if (upper.includes(',')) {
    throw new InvalidVersionSpecError(spec, 'too-many-bounds', `${text}: bounds may not contain additional ','`);
  }
  if (lower !== '' && upper !== '' && compareVersions(upper, lower) < 0) {
    throw new InvalidVersionSpecError(spec, 'lower-above-upper', `${text}: lower bound must not be greater than upper bound`);
  }
  return {
    ...(lower !== '' ? { lower } : {}),
    lowerInclusive,
    ...(upper !== '' ? { upper } : {}),
    upperInclusive,
  };
}

/**
 * Parses a dependency version as Maven does: ranges are read while the rest starts with '[' or '(',
 * each ending at the first ']' or ')', separated by optional commas; a range list followed by other
 * text, an unclosed range, `(1.0)`, `[1,2,3]` and `[2,1]` are rejected. Overlapping ranges are kept
 * as a union (maven-resolver does not reject them). Anything else is a soft version.
 * @throws InvalidVersionSpecError for a malformed range
 */
export function parseVersionConstraint(spec: string): VersionConstraint {
  const ranges: VersionRange[] = [];
  let rest = spec;
  while (isVersionRange(rest)) {
    const close = closingBracketIndex(rest);
    if (close < 0) throw new InvalidVersionSpecError(spec, 'unbounded', 'a range must end with ] or )');
    ranges.push(parseRange(spec, rest.slice(0, close + 1)));
    rest = rest.slice(close + 1).trim();
    if (rest.startsWith(',')) rest = rest.slice(1).trim();
  }
  if (ranges.length === 0) return { spec, recommended: spec, ranges };
  if (rest.length > 0) {
    throw new InvalidVersionSpecError(spec, 'text-after-ranges', `expected [ or ( but got ${rest}`);
  }
  return { spec, ranges };
}

/** Restriction.containsVersion: within both bounds, a bound itself only when inclusive. */
export function rangeContains(range: VersionRange, version: string): boolean {
  if (range.lower !== undefined) {
    const order = compareVersions(range.lower, version);
    if (order > 0 || (order === 0 && !range.lowerInclusive)) return false;
  }
  if (range.upper !== undefined) {
    const order = compareVersions(range.upper, version);
    if (order < 0 || (order === 0 && !range.upperInclusive)) return false;
  }
  return true;
}

/**
 * Whether a version satisfies a constraint: for ranges, whether any range contains it; for a soft
 * version, whether it is that version (maven-resolver's GenericVersionConstraint.containsVersion).
 */
export function constraintContains(constraint: VersionConstraint, version: string): boolean {
  if (constraint.ranges.length === 0) {
    return constraint.recommended !== undefined && compareVersions(constraint.recommended, version) === 0;
  }
  return constraint.ranges.some((range) => rangeContains(range, version));
}

/**
 * A version constraint as maven-resolver prints it (GenericVersionConstraint.toString): a soft version as
 * written; ranges with both bounds written out, `[2.0]` as `[2.0,2.0]`, a union joined by ", ".
 */
export function constraintText(spec: string): string {
  let constraint: VersionConstraint;
  try {
    constraint = parseVersionConstraint(spec);
  } catch {
    return spec;
  }
  if (constraint.ranges.length === 0) return spec;
  return constraint.ranges
    .map(({ lower, lowerInclusive, upper, upperInclusive }) => {
      const from = lower === undefined ? '(' : `${lowerInclusive ? '[' : '('}${lower}`;
      const to = upper === undefined ? ')' : `${upper}${upperInclusive ? ']' : ')'}`;
      return `${from},${to}`;
    })
    .join(', ');
}
