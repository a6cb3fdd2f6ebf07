import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { formatArtifact } from '../../core/resolve/artifact';
import type { CollectProblemCode } from '../../core/resolve/collector';
import type { DependencyNode } from '../../core/resolve/dependencyGraph';
import type { ResolvedModule } from '../../core/workspace/resolveWorkspace';
import type { WorkspaceReactor } from '../resolution/workspaceReactor';
import { coordinatesText, dependencyRowText, leadsToMatch, siteText } from '../resolution/dependencyText';
import { openDeclarationCommand } from '../resolution/openDeclaration';
import type { ResolutionService, ResolutionState } from '../resolution/resolutionService';
import { openPomCommand } from './mavenProjectsView';

export const DEPENDENCIES_VIEW_ID = 'jarscope.dependencies';
/** Context key that shows the clear-filter button while a filter is set. */
const FILTERED_CONTEXT = 'jarscope.dependenciesFiltered';

/** A module of a reactor: its direct dependencies below it. */
export class ModuleRow {
  readonly parent = undefined;
  constructor(
    readonly resolved: ResolvedModule,
    private readonly filter: string,
  ) {}

  get id(): string {
    // The filter is part of the id, so that a filtered tree opens expanded whatever was collapsed before.
    return `module:${this.filter}:${this.resolved.module.pomPath}`;
  }

  /** The collection problem of each artifact (by its Maven coordinates) in this module's graph. */
  get problems(): ReadonlyMap<string, CollectProblemCode> {
    this.problemCodes ??= new Map((this.resolved.resolution?.problems ?? []).map((problem) => [formatArtifact(problem.artifact), problem.code]));
    return this.problemCodes;
  }

  private problemCodes: Map<string, CollectProblemCode> | undefined;

  children(): DependencyRow[] {
    const root = this.resolved.resolution?.root;
    if (!root) return [];
    const memo = new Map<DependencyNode, boolean>();
    return root.children.nodes
      .map((node, index) => new DependencyRow(node, this, index, this.filter, memo))
      .filter((row) => this.filter === '' || leadsToMatch(row.node, this.filter, memo));
  }

  toTreeItem(): vscode.TreeItem {
    const { model } = this.resolved.module;
    const state = this.children().length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(model.artifactId || basename(dirname(this.resolved.module.pomPath)), state);
    item.id = this.id;
    const { skippedAfter } = this.resolved;
    item.description = !this.resolved.resolution
      ? 'not resolved: the pom has errors'
      : `${model.version} · ${model.packaging}${skippedAfter === undefined ? '' : ' · skipped by Maven'}`;
    item.iconPath = new vscode.ThemeIcon('library');
    item.contextValue = 'jarscope.dependencyModule';
    item.tooltip =
      `${model.groupId}:${model.artifactId}:${model.version}\n${this.resolved.module.pomPath}` +
      (skippedAfter === undefined ? '' : `\nMaven skips this module: it depends on ${skippedAfter}, which failed. Resolved here all the same.`);
    item.command = openPomCommand(this.resolved.module.pomPath);
    return item;
  }
}

/** A node of a module's resolved graph; an omitted node (a loser) has no children. */
export class DependencyRow {
  constructor(
    readonly node: DependencyNode,
    readonly parent: ModuleRow | DependencyRow,
    private readonly index: number,
    private readonly filter: string,
    private readonly memo: Map<DependencyNode, boolean>,
  ) {}

  get id(): string {
    return `${this.parent.id}/${this.index}:${this.node.artifact.groupId}:${this.node.artifact.artifactId}`;
  }

  get module(): ModuleRow {
    return this.parent instanceof ModuleRow ? this.parent : this.parent.module;
  }

  /** The module's direct dependency on the path to this node: the `<dependency>` that brings it in. */
  get direct(): DependencyRow {
    return this.parent instanceof ModuleRow ? this : this.parent.direct;
  }

  private onPath(node: DependencyNode): boolean {
    if (this.node === node) return true;
    return this.parent instanceof DependencyRow && this.parent.onPath(node);
  }

  children(): DependencyRow[] {
    if (this.node.winner !== undefined) return [];
    return this.node.children.nodes
      .filter((child) => !this.onPath(child))
      .map((child, index) => new DependencyRow(child, this, index, this.filter, this.memo))
      .filter((row) => this.filter === '' || leadsToMatch(row.node, this.filter, this.memo));
  }

  toTreeItem(): vscode.TreeItem {
    const problem = this.module.problems.get(formatArtifact(this.node.artifact));
    const text = dependencyRowText(this.node, problem);
    const hasChildren = this.children().length > 0;
    const collapsed = this.filter === '' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(text.label, hasChildren ? collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = text.description;
    const omitted = this.node.winner !== undefined;
    item.iconPath = problem
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(omitted ? 'circle-slash' : 'package');
    item.contextValue = `jarscope.dependency${this.node.managedFrom ? '.managed' : ''}${omitted ? '.omitted' : ''}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(coordinatesText(this.node.artifact));
    for (const note of text.notes) tooltip.appendMarkdown('\n\n').appendText(note);
    const site = this.direct.node.dependency?.declaredAt;
    if (site) tooltip.appendMarkdown('\n\n').appendText(`brought in by the <dependency> in ${siteText(site)}`);
    item.tooltip = tooltip;
    if (site) item.command = openDeclarationCommand(site);
    return item;
  }
}

export type DependenciesViewNode = ModuleRow | DependencyRow;

/** The "Dependencies" view: each module's resolved tree, losers shown with why they were omitted. */
export class DependenciesTreeProvider implements vscode.TreeDataProvider<DependenciesViewNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<DependenciesViewNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private reactors: readonly WorkspaceReactor[] = [];
  private filterText = '';

  constructor(state: ResolutionState) {
    this.update(state);
  }

  get filter(): string {
    return this.filterText;
  }

  update(state: ResolutionState): void {
    this.reactors = state.reactors;
    this.changeEmitter.fire(undefined);
  }

  setFilter(filter: string): void {
    this.filterText = filter.trim();
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: DependenciesViewNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getChildren(node?: DependenciesViewNode): DependenciesViewNode[] {
    if (node) return node.children();
    const rows = this.reactors.flatMap((reactor) => reactor.modules.map((module) => new ModuleRow(module, this.filterText)));
    return this.filterText === '' ? rows : rows.filter((row) => row.children().length > 0);
  }

  getParent(node: DependenciesViewNode): DependenciesViewNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

/** The text "Copy Coordinates" puts on the clipboard for a row of either view. */
export function rowCoordinates(row: unknown): string | undefined {
  if (row instanceof DependencyRow) return coordinatesText(row.node.artifact);
  if (row instanceof ModuleRow) {
    const { model } = row.resolved.module;
    return `${model.groupId}:${model.artifactId}:${model.version}`;
  }
  return undefined;
}

/** The dependencyManagement entry that changed a row's version or scope, when there is one. */
export function managingEntryCommand(row: unknown): vscode.Command | undefined {
  if (!(row instanceof DependencyRow)) return undefined;
  const site = row.node.managedFrom;
  return site ? openDeclarationCommand(site, 'Open Managing Entry') : undefined;
}

/** Creates the view, keeps it in step with the resolution, and adds the filter commands' state. */
export function registerDependenciesView(service: ResolutionService): { provider: DependenciesTreeProvider; view: vscode.TreeView<DependenciesViewNode>; disposable: vscode.Disposable } {
  const provider = new DependenciesTreeProvider(service.state);
  const view = vscode.window.createTreeView(DEPENDENCIES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const subscription = service.onDidChangeState((state) => {
    provider.update(state);
    view.message = state.resolved && state.reactors.length === 0 ? 'No Maven project to resolve.' : undefined;
  });
  return { provider, view, disposable: vscode.Disposable.from(subscription, view, provider) };
}

/** Sets or clears the filter, showing it as the view's description. */
export async function applyDependencyFilter(provider: DependenciesTreeProvider, view: vscode.TreeView<DependenciesViewNode>, filter: string): Promise<void> {
  provider.setFilter(filter);
  view.description = provider.filter === '' ? undefined : `filter: ${provider.filter}`;
  view.message = provider.filter !== '' && provider.getChildren().length === 0 ? `No dependency's groupId or artifactId contains "${provider.filter}".` : undefined;
  await vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, provider.filter !== '');
}
