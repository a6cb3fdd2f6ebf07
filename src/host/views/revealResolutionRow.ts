import type * as vscode from 'vscode';
import type { Finding, PathStep } from '../../core/analysis/finding';
import { artifactKey } from '../resolution/dependencyText';
import { ConflictRow, CONFLICTS_VIEW_ID, type ConflictsTreeProvider, type ConflictsViewNode } from './conflictsView';
import {
  applyDependencyFilter,
  DEPENDENCIES_VIEW_ID,
  ModuleRow,
  type DependenciesTreeProvider,
  type DependenciesViewNode,
  type DependencyRow,
} from './dependenciesView';
import { revealedPath } from './revealedPath';
import { revealRow } from './revealRow';

/** The Conflicts and Dependencies views, which "Show in … view" reveals rows of. */
export interface ResolutionViews {
  readonly dependencies: DependenciesTreeProvider;
  readonly dependenciesView: vscode.TreeView<DependenciesViewNode>;
  readonly conflicts: ConflictsTreeProvider;
  readonly conflictsView: vscode.TreeView<ConflictsViewNode>;
}

/** The artifact a finding is about: the last step of its first path (a version conflict's: the selected version). */
function findingArtifact(finding: Finding): PathStep | undefined {
  return finding.paths[0]?.at(-1);
}

/** The Conflicts view's row of the artifact of a finding (its groupId:artifactId). */
export function conflictRowOf(provider: ConflictsTreeProvider, finding: Finding): ConflictRow | undefined {
  const artifact = findingArtifact(finding);
  if (artifact === undefined) return undefined;
  const key = artifactKey(artifact);
  return provider.getChildren().find((row): row is ConflictRow => row instanceof ConflictRow && row.group.key === key);
}

function sameStep(row: DependencyRow, step: PathStep): boolean {
  const { groupId, artifactId, version, classifier } = row.node.artifact;
  return groupId === step.groupId && artifactId === step.artifactId && version === step.version && classifier === (step.classifier ?? '');
}

/**
 * The Dependencies view's row for a finding: the finding's module (by its coordinates; among equal ones, the
 * module whose pom the finding is in), then down the finding's path as far as the tree has it.
 */
export function dependencyRowOf(provider: DependenciesTreeProvider, finding: Finding): DependenciesViewNode | undefined {
  const modules = provider.getChildren().filter((row): row is ModuleRow => {
    if (!(row instanceof ModuleRow)) return false;
    const { groupId, artifactId, version } = row.resolved.module.model;
    return `${groupId}:${artifactId}:${version}` === finding.module;
  });
  let row: DependenciesViewNode | undefined = modules.find((module) => module.resolved.module.pomPath === finding.location.file) ?? modules[0];
  for (const step of revealedPath(finding)?.slice(1) ?? []) {
    const next: DependencyRow | undefined = row?.children().find((child) => sameStep(child, step));
    if (next === undefined) break;
    row = next;
  }
  return row;
}

/** Whether the row is the whole path's end: a filter may hide the rest of the path. */
function reachesEnd(row: DependenciesViewNode | undefined, finding: Finding): boolean {
  const steps = revealedPath(finding) ?? [];
  let depth = 1;
  for (let current = row; current !== undefined && !(current instanceof ModuleRow); current = current.parent) depth++;
  return row !== undefined && depth >= steps.length;
}

/** Reveals and selects the row of a finding in the Conflicts or Dependencies view (after the view has the focus). */
export async function revealInResolutionView(views: ResolutionViews, viewId: string, finding: Finding): Promise<void> {
  if (viewId === CONFLICTS_VIEW_ID) {
    const row = conflictRowOf(views.conflicts, finding);
    if (row) await revealRow(views.conflictsView, row, (node) => node.id);
  } else if (viewId === DEPENDENCIES_VIEW_ID) {
    let row = dependencyRowOf(views.dependencies, finding);
    // A filter that hides the row (or part of its path) would stop the reveal short: show every row again.
    if (!reachesEnd(row, finding) && views.dependencies.filter !== '') {
      await applyDependencyFilter(views.dependencies, views.dependenciesView, '');
      row = dependencyRowOf(views.dependencies, finding);
    }
    if (row) await revealRow(views.dependenciesView, row, (node) => node.id);
  }
}
