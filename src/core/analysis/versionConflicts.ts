import type { DependencyNode } from '../resolve/dependencyGraph';
import { compareVersions } from '../version/comparableVersion';
import { howSelected } from './absence';
import type { Finding } from './finding';
import type { PlacedNode } from './graphNodes';
import { selectVersionFix } from './versionFix';
import { nodePathLocation, pathSteps, pathText, type ModuleContext, type ScopeView } from './moduleContext';

/**
 * Artifacts requested in several versions where mediation kept one (maven-resolver's ConflictResolver:
 * nearest wins, first declaration at equal depth, dependencyManagement above both; the losers are the
 * verbose tree's "omitted for conflict with"). A selected version older than a requested one is a
 * warning (the requester was built against newer code), a newer one information. Shown on the direct
 * dependency that brings the first loser, with the newest version selected as fix (see selectVersionFix).
 */
export function versionConflicts(context: ModuleContext, view: ScopeView): Finding[] {
  const onClasspath = new Set<DependencyNode>(view.elements.flatMap(({ element }) => (element.node === undefined ? [] : [element.node])));
  const losersByWinner = new Map<DependencyNode, PlacedNode[]>();
  for (const placed of context.graph) {
    const winner = placed.node.winner;
    if (placed.node.loserReason !== 'conflict' || winner === undefined || !onClasspath.has(winner)) continue;
    if (placed.node.artifact.version === winner.artifact.version) continue;
    const list = losersByWinner.get(winner) ?? [];
    list.push(placed);
    losersByWinner.set(winner, list);
  }
  const findings: Finding[] = [];
  for (const [winner, losers] of losersByWinner) {
    const { groupId, artifactId } = winner.artifact;
    if (context.ignore.ignoresArtifact(groupId, artifactId)) continue;
    const selected = view.elements.find(({ element }) => element.node === winner)!.element;
    const selectedVersion = winner.artifact.version;
    const newer = losers.filter((loser) => compareVersions(loser.node.artifact.version, selectedVersion) > 0);
    const requested = losers.map((loser) => `${loser.node.artifact.version} via ${pathText(pathSteps(context, loser.nodePath))}`).join('; ');
    const message =
      `${groupId}:${artifactId} ${selectedVersion} was selected (${howSelected(context, { node: winner, nodePath: selected.nodePath })}); ` +
      `also requested: ${requested}.` +
      (newer.length > 0 ? ' Code built against a newer version may fail with NoSuchMethodError or NoClassDefFoundError.' : '');
    const shownAt = newer[0] ?? losers[0]!;
    const versions = [selectedVersion, ...losers.map((loser) => loser.node.artifact.version)].sort(compareVersions);
    const newest = versions[versions.length - 1]!;
    findings.push({
      code: 'version-conflict',
      severity: newer.length > 0 ? 'warning' : 'info',
      module: context.moduleId,
      scopes: [view.scope],
      message,
      location: nodePathLocation(context, shownAt.nodePath),
      paths: [pathSteps(context, selected.nodePath), ...losers.map((loser) => pathSteps(context, loser.nodePath))],
      jars: [selected.file],
      classes: [],
      related: [],
      fixes: [selectVersionFix(context, { node: winner, nodePath: selected.nodePath }, newest)].filter((fix) => fix !== undefined),
    });
  }
  return findings;
}
