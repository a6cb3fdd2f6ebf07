import { compareVersions } from '../version/comparableVersion';
import { constraintContains, parseVersionConstraint, type VersionConstraint } from '../version/versionRange';
import type { ChildList, DependencyNode } from './dependencyGraph';

/** One occurrence of a conflict id, as the version selector sees it. */
export interface VersionCandidate {
  readonly parent: ChildList | undefined;
  readonly node: DependencyNode;
  readonly depth: number;
}

function isNearer(item: VersionCandidate, than: VersionCandidate): boolean {
  // Siblings are versions of one range: the highest wins. Otherwise the shallower one.
  if (item.parent === than.parent) return compareVersions(item.node.artifact.version, than.node.artifact.version) > 0;
  return item.depth < than.depth;
}

/** Thrown when version ranges on different paths admit no common version. */
export class UnsolvableVersionConflictError extends Error {
  override readonly name = 'UnsolvableVersionConflictError';
}

/**
 * maven-resolver's NearestVersionSelector: the nearest occurrence wins, the first one at equal depth
 * (items come in graph order); a version range on any path is a hard constraint every candidate must meet.
 */
export function selectNearestVersion<T extends VersionCandidate>(items: readonly T[]): T {
  const constraints = new Map<string, VersionConstraint>();
  const candidates: T[] = [];
  let winner: T | undefined;
  const acceptable = (version: string): boolean =>
    [...constraints.values()].every((constraint) => constraintContains(constraint, version));
  const backtrack = (): void => {
    winner = undefined;
    for (let i = 0; i < candidates.length; ) {
      const candidate = candidates[i] as T;
      if (!acceptable(candidate.node.artifact.version)) {
        candidates.splice(i, 1);
        continue;
      }
      if (winner === undefined || isNearer(candidate, winner)) winner = candidate;
      i++;
    }
    if (winner === undefined) {
      throw new UnsolvableVersionConflictError(
        `Could not resolve version conflict among ${items.map((item) => item.node.artifact.version).join(', ')}`,
      );
    }
  };
  for (const item of items) {
    const spec = item.node.rangeSpec;
    let mustBacktrack = false;
    if (spec !== undefined && !constraints.has(spec)) {
      constraints.set(spec, parseVersionConstraint(spec));
      if (winner !== undefined && !acceptable(winner.node.artifact.version)) mustBacktrack = true;
    }
    if (acceptable(item.node.artifact.version)) {
      candidates.push(item);
      if (mustBacktrack) backtrack();
      else if (winner === undefined || isNearer(item, winner)) winner = item;
    } else if (mustBacktrack) {
      backtrack();
    }
  }
  if (winner === undefined) throw new UnsolvableVersionConflictError('no version candidate');
  return winner;
}
