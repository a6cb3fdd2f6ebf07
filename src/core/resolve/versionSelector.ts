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

/** The selected occurrence; `unsolvable` when the ranges on different paths admit none of the versions. */
export interface VersionSelection<T> {
  readonly winner: T;
  readonly unsolvable: boolean;
}

/**
 * maven-resolver's NearestVersionSelector: the nearest occurrence wins, the first one at equal depth
 * (items come in graph order); a version range on any path is a hard constraint every candidate must meet.
 * Where no candidate meets them all, Maven fails the resolution (UnsolvableVersionConflictException); the
 * selection is then `unsolvable` and its winner the nearest occurrence, ranges aside, so that the graph can
 * still be shown.
 */
export function selectNearestVersion<T extends VersionCandidate>(items: readonly T[]): VersionSelection<T> {
  const constraints = new Map<string, VersionConstraint>();
  const candidates: T[] = [];
  let winner: T | undefined;
  const acceptable = (version: string): boolean =>
    [...constraints.values()].every((constraint) => constraintContains(constraint, version));
  const backtrack = (): boolean => {
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
    return winner !== undefined;
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
      if (mustBacktrack) {
        if (!backtrack()) return { winner: nearestOf(items), unsolvable: true };
      } else if (winner === undefined || isNearer(item, winner)) winner = item;
    } else if (mustBacktrack && !backtrack()) {
      return { winner: nearestOf(items), unsolvable: true };
    }
  }
  return winner === undefined ? { winner: nearestOf(items), unsolvable: true } : { winner, unsolvable: false };
}

function nearestOf<T extends VersionCandidate>(items: readonly T[]): T {
  let nearest = items[0] as T;
  for (const item of items) if (isNearer(item, nearest)) nearest = item;
  return nearest;
}
