import * as vscode from 'vscode';
import { conflictGroups, type ConflictGroup, type RequestedVersion, type RequestPath } from '../resolution/conflictGroups';
import { omittedNote, pathText } from '../resolution/dependencyText';
import { openDeclarationCommand } from '../resolution/openDeclaration';
import type { ResolutionService, ResolutionState } from '../resolution/resolutionService';

export const CONFLICTS_VIEW_ID = 'jarscope.conflicts';

/** An artifact requested in several versions. */
export class ConflictRow {
  readonly parent = undefined;
  constructor(readonly group: ConflictGroup) {}

  get id(): string {
    return `conflict:${this.group.key}`;
  }

  children(): VersionRow[] {
    return this.group.requested.map((requested) => new VersionRow(requested, this));
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.group.key, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const versions = this.group.requested.map((requested) => requested.version);
    item.description = `${this.group.winners.join(', ')} wins · requested ${versions.join(', ')}`;
    item.iconPath = new vscode.ThemeIcon('versions');
    item.contextValue = 'jarscope.conflict';
    item.tooltip = `${this.group.key}: requested as ${versions.join(', ')}; resolved to ${this.group.winners.join(', ')}`;
    return item;
  }
}

/** One requested version and the paths that asked for it. */
export class VersionRow {
  constructor(
    readonly requested: RequestedVersion,
    readonly parent: ConflictRow,
  ) {}

  get id(): string {
    return `${this.parent.id}@${this.requested.version}`;
  }

  get selected(): boolean {
    return this.parent.group.winners.includes(this.requested.version);
  }

  /** A version that lost: to nearest-wins mediation, or replaced by dependencyManagement on every path. */
  get outcome(): string {
    if (this.selected) return 'winner';
    const managedTo = new Set(this.requested.paths.map((path) => path.nodes.at(-1)).map((node) => (node?.premanagedVersion === undefined ? undefined : node.artifact.version)));
    const [only] = managedTo;
    return managedTo.size === 1 && only !== undefined ? `managed to ${only}` : 'omitted';
  }

  children(): PathRow[] {
    return this.requested.paths.map((path, index) => new PathRow(path, this, index));
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.requested.version, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const count = this.requested.paths.length;
    item.description = `${this.outcome} · ${count} path${count === 1 ? '' : 's'}`;
    item.iconPath = new vscode.ThemeIcon(this.selected ? 'pass' : this.outcome === 'omitted' ? 'circle-slash' : 'arrow-swap');
    item.contextValue = 'jarscope.conflictVersion';
    return item;
  }
}

/** A path from a module's direct dependency to the node that requested the version. */
export class PathRow {
  constructor(
    readonly path: RequestPath,
    readonly parent: VersionRow,
    private readonly index: number,
  ) {}

  get id(): string {
    return `${this.parent.id}#${this.index}`;
  }

  children(): [] {
    return [];
  }

  toTreeItem(): vscode.TreeItem {
    const nodes = this.path.nodes;
    const item = new vscode.TreeItem(`${this.path.moduleName}: ${pathText(nodes.map((node) => node.artifact))}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const last = nodes.at(-1);
    const notes = [last && omittedNote(last), last?.premanagedVersion !== undefined ? `managed to ${last.artifact.version}` : undefined].filter(Boolean);
    item.description = notes.join(' · ');
    item.iconPath = new vscode.ThemeIcon('arrow-small-right');
    item.contextValue = 'jarscope.conflictPath';
    item.tooltip = `${this.path.modulePom}\n${nodes.map((node) => node.artifact.groupId + ':' + node.artifact.artifactId + ':' + node.artifact.version).join('\n→ ')}`;
    const site = nodes[0]?.dependency?.declaredAt;
    if (site) item.command = openDeclarationCommand(site);
    return item;
  }
}

export type ConflictsViewNode = ConflictRow | VersionRow | PathRow;

/** The "Conflicts" view: per groupId:artifactId, the requested versions, the winner and the paths. */
export class ConflictsTreeProvider implements vscode.TreeDataProvider<ConflictsViewNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ConflictsViewNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private groups: ConflictGroup[] = [];

  constructor(state: ResolutionState) {
    this.update(state);
  }

  update(state: ResolutionState): void {
    const graphs = state.reactors.flatMap((reactor) =>
      reactor.modules.flatMap(({ module, resolution }) =>
        resolution ? [{ moduleName: module.model.artifactId, modulePom: module.pomPath, root: resolution.root }] : [],
      ),
    );
    this.groups = conflictGroups(graphs).sort((a, b) => a.key.localeCompare(b.key));
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: ConflictsViewNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getChildren(node?: ConflictsViewNode): ConflictsViewNode[] {
    return node ? node.children() : this.groups.map((group) => new ConflictRow(group));
  }

  getParent(node: ConflictsViewNode): ConflictsViewNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

/** Creates the view and keeps it in step with the resolution. */
export function registerConflictsView(service: ResolutionService): { provider: ConflictsTreeProvider; view: vscode.TreeView<ConflictsViewNode>; disposable: vscode.Disposable } {
  const provider = new ConflictsTreeProvider(service.state);
  const view = vscode.window.createTreeView(CONFLICTS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const subscription = service.onDidChangeState((state) => {
    provider.update(state);
    view.message = state.resolved && provider.getChildren().length === 0 ? 'No artifact is requested in more than one version.' : undefined;
  });
  return { provider, view, disposable: vscode.Disposable.from(subscription, view, provider) };
}
