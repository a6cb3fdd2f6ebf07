import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import type { TextRange } from '../../core/pom/xmlTree';
import { formatCoordinates, type ProjectNode, type ProjectProblem } from '../../core/workspace/projectTree';
import type { WorkspaceAnalyzer, WorkspaceState } from '../workspaceAnalyzer';

export const MAVEN_PROJECTS_VIEW_ID = 'jarscope.mavenProjects';

/** Arguments of `jarscope.openPom`: the pom, and optionally the source range to select. */
export function openPomCommand(pomPath: string, range?: TextRange): vscode.Command {
  return { command: 'jarscope.openPom', title: 'Open pom.xml', arguments: [vscode.Uri.file(pomPath), range] };
}

/** A pom in the view: an aggregator, a module, or a pom that could not be read. */
export class ModuleNode {
  constructor(
    readonly project: ProjectNode,
    readonly parent: ModuleNode | undefined,
  ) {}

  get id(): string {
    return `${this.parent ? `${this.parent.id}>` : ''}${this.project.pomPath}`;
  }

  get kind(): 'aggregator' | 'module' | 'brokenPom' {
    if (!this.project.coordinates) return 'brokenPom';
    return this.project.modules.length > 0 || this.project.coordinates.packaging === 'pom' ? 'aggregator' : 'module';
  }

  children(): ViewNode[] {
    return [
      ...this.project.problems.map((problem) => new ProblemNode(problem, this)),
      ...this.project.modules.map((module) => new ModuleNode(module, this)),
    ];
  }

  toTreeItem(): vscode.TreeItem {
    const { project } = this;
    const folderName = basename(dirname(project.pomPath));
    const coordinates = project.coordinates;
    const item = new vscode.TreeItem(
      coordinates?.artifactId ?? folderName,
      project.modules.length > 0 || project.problems.length > 0
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.contextValue = `jarscope.${this.kind}`;
    item.resourceUri = vscode.Uri.file(project.pomPath);
    item.command = openPomCommand(project.pomPath);
    const tooltip = new vscode.MarkdownString(undefined, true);
    if (coordinates) {
      item.description = `${coordinates.version ?? '?'} · ${coordinates.packaging}`;
      item.iconPath = new vscode.ThemeIcon(this.kind === 'aggregator' ? 'library' : 'package');
      tooltip.appendMarkdown(`**${formatCoordinates(coordinates)}**\n\n`);
      const inherited = [coordinates.groupIdInherited && 'groupId', coordinates.versionInherited && 'version'].filter(Boolean);
      if (inherited.length > 0) tooltip.appendMarkdown(`${inherited.join(' and ')} inherited from the parent\n\n`);
    } else {
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      const { file } = project;
      if (file.status === 'malformed') {
        item.description = `XML error at line ${file.error.line}`;
        item.command = openPomCommand(project.pomPath, { start: file.error.offset, end: file.error.offset });
        tooltip.appendMarkdown(`**Not well-formed XML** at line ${file.error.line}, column ${file.error.column}:\n\n`);
        tooltip.appendText(file.error.message);
      } else if (file.status === 'unreadable') {
        item.description = 'cannot be read';
        tooltip.appendMarkdown('**Cannot be read:** ');
        tooltip.appendText(file.cause);
      }
      tooltip.appendMarkdown('\n\n');
    }
    tooltip.appendText(project.pomPath);
    item.tooltip = tooltip;
    return item;
  }
}

/** A problem in how a pom lists its modules, shown under that pom. */
export class ProblemNode {
  constructor(
    readonly problem: ProjectProblem,
    readonly parent: ModuleNode,
  ) {}

  children(): ViewNode[] {
    return [];
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.problem.message, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parent.id}#${this.problem.code}@${this.problem.range.start}`;
    item.contextValue = 'jarscope.problem';
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.tooltip = this.problem.message;
    item.command = openPomCommand(this.problem.pomPath, this.problem.range);
    return item;
  }
}

export type ViewNode = ModuleNode | ProblemNode;

/** The "Maven Projects" view: the aggregator -> module tree of the workspace's poms. */
export class MavenProjectsTreeProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private roots: ModuleNode[] = [];

  constructor(state: WorkspaceState) {
    this.update(state);
  }

  update(state: WorkspaceState): void {
    this.roots = state.tree.roots.map((project) => new ModuleNode(project, undefined));
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getChildren(node?: ViewNode): ViewNode[] {
    return node ? node.children() : this.roots;
  }

  getParent(node: ViewNode): ViewNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

function emptyViewMessage(state: WorkspaceState): string | undefined {
  if (!state.scanned || state.tree.nodes.length > 0) return undefined;
  return state.folders.length === 0 ? 'Open a folder that contains a pom.xml.' : 'No pom.xml found in this workspace.';
}

/** Creates the view and keeps it in step with the analyzer. */
export function registerMavenProjectsView(analyzer: WorkspaceAnalyzer): { provider: MavenProjectsTreeProvider; disposable: vscode.Disposable } {
  const provider = new MavenProjectsTreeProvider(analyzer.state);
  const view = vscode.window.createTreeView(MAVEN_PROJECTS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const subscription = analyzer.onDidChangeState((state) => {
    provider.update(state);
    view.message = emptyViewMessage(state);
  });
  return { provider, disposable: vscode.Disposable.from(subscription, view, provider) };
}
