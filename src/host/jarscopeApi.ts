import * as vscode from 'vscode';
import type { Finding } from '../core/analysis/finding';
import type { ClassLocation, ExplainFeatures, ExplanationSnapshot } from './explain/explainCommands';
import type { FindingsFeatures } from './findings/registerFindings';
import type { ResolutionFeatures } from './resolution/registerResolution';
import type { MavenProjectsTreeProvider } from './views/mavenProjectsView';
import type { ClassFindingViews } from './views/registerClassFindingViews';
import type { WorkspaceAnalyzer, WorkspaceState } from './workspaceAnalyzer';

export interface ProjectModuleSnapshot {
  readonly pomPath: string;
  readonly status: 'parsed' | 'malformed' | 'unreadable';
  readonly groupId?: string;
  readonly artifactId?: string;
  readonly version?: string;
  readonly packaging?: string;
  /** Pom paths of the aggregated modules. */
  readonly modules: readonly string[];
  readonly error?: { readonly message: string; readonly line: number; readonly column: number };
  readonly problems: ReadonlyArray<{ readonly code: string; readonly message: string }>;
}

/** The workspace's module tree as plain data. */
export interface ProjectModelSnapshot {
  readonly generation: number;
  readonly scanned: boolean;
  readonly folders: readonly string[];
  /** Pom paths of the poms no aggregator lists. */
  readonly roots: readonly string[];
  readonly modules: readonly ProjectModuleSnapshot[];
  readonly warnings: ReadonlyArray<{ readonly code: string; readonly path: string; readonly cause: string }>;
}

/** One row of the Maven Projects view as its provider renders it. */
export interface ViewItemSnapshot {
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  readonly tooltip?: string;
  /** What a click runs. */
  readonly command?: { readonly command: string; readonly arguments: readonly unknown[] };
  readonly children: readonly ViewItemSnapshot[];
  /** The provider's own node: what a context-menu command of the view receives. */
  readonly node: unknown;
}

/** What `activate()` returns: read-only access for other extensions and for the integration tests. */
export interface JarscopeApi {
  projectModel(): ProjectModelSnapshot;
  /** Resolves once no scan or re-parse is pending or running. */
  whenIdle(): Promise<void>;
  mavenProjectsView(): ViewItemSnapshot[];
  /** Resolves once the poms are scanned and every reactor is resolved again after the last change. */
  whenResolved(): Promise<void>;
  /** Increases with every finished resolution of the workspace. */
  resolutionGeneration(): number;
  /** The Dependencies view, every row expanded. */
  dependenciesView(): ViewItemSnapshot[];
  /** The Conflicts view, every row expanded. */
  conflictsView(): ViewItemSnapshot[];
  /** Brings the "Jarscope" log into view. */
  showLog(): void;
  /** Resolves once the poms are scanned and the classpaths analysed again after the last change. */
  whenAnalysed(): Promise<void>;
  /** Increases with every finished classpath analysis. */
  findingsGeneration(): number;
  /** The editor text of a pom that the last classpath analysis read (undefined: it read the file, or not this pom). */
  findingsPomText(path: string): string | undefined;
  /** The findings of the last analysis (all of them, also those shown by other diagnostics or turned off). */
  findings(): readonly Finding[];
  /** The status bar item's text and tooltip. */
  findingsStatus(): { readonly text: string; readonly tooltip: string; readonly command: string | undefined };
  /** What "Explain NoClassDefFoundError…" showed last: the explanations, the Markdown and its fixes. */
  lastExplanation(): ExplanationSnapshot | undefined;
  /** Where a class is: the jars on the classpaths (with the pom place that brings each) and in the local repository. */
  findClass(name: string): Promise<ClassLocation[]>;
  /** The Duplicate Classes view, every row expanded. */
  duplicateClassesView(): ViewItemSnapshot[];
  /** The Missing Classes view, every row expanded. */
  missingClassesView(): ViewItemSnapshot[];
  /** The labels of the selected rows of the Duplicate Classes and Missing Classes views. */
  classViewSelection(): { readonly duplicateClasses: readonly string[]; readonly missingClasses: readonly string[] };
  /** The selected rows of the Conflicts and Dependencies views, as `label — description`. */
  resolutionViewSelection(): { readonly conflicts: readonly string[]; readonly dependencies: readonly string[] };
}

function snapshotOf(state: WorkspaceState): ProjectModelSnapshot {
  return {
    generation: state.generation,
    scanned: state.scanned,
    folders: state.folders,
    roots: state.tree.roots.map((root) => root.pomPath),
    modules: state.tree.nodes.map(({ pomPath, file, coordinates, modules, problems }) => ({
      pomPath,
      status: file.status,
      groupId: coordinates?.groupId,
      artifactId: coordinates?.artifactId,
      version: coordinates?.version,
      packaging: coordinates?.packaging,
      modules: modules.map((module) => module.pomPath),
      error: file.status === 'malformed' ? { message: file.error.message, line: file.error.line, column: file.error.column } : undefined,
      problems: problems.map(({ code, message }) => ({ code, message })),
    })),
    warnings: state.scanWarnings.map(({ code, path, cause }) => ({ code, path, cause })),
  };
}

function labelText(label: string | vscode.TreeItemLabel | undefined): string {
  return typeof label === 'object' ? label.label : (label ?? '');
}

/** A tree view's provider whose children are known at once (every Jarscope view's is). */
interface SyncTreeProvider<T> {
  getTreeItem(node: T): vscode.TreeItem;
  getChildren(node?: T): T[];
}

function viewItemOf<T>(provider: SyncTreeProvider<T>, node: T): ViewItemSnapshot {
  const item = provider.getTreeItem(node);
  const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
  return {
    label: labelText(item.label),
    description: typeof item.description === 'string' ? item.description : undefined,
    contextValue: item.contextValue,
    tooltip,
    command: item.command && { command: item.command.command, arguments: item.command.arguments ?? [] },
    children: provider.getChildren(node).map((child) => viewItemOf(provider, child)),
    node,
  };
}

function viewItemsOf<T>(provider: SyncTreeProvider<T>): ViewItemSnapshot[] {
  return provider.getChildren().map((node) => viewItemOf(provider, node));
}

export function createJarscopeApi(
  analyzer: WorkspaceAnalyzer,
  provider: MavenProjectsTreeProvider,
  log: vscode.LogOutputChannel,
  resolution: ResolutionFeatures,
  findings: FindingsFeatures,
  explain: ExplainFeatures,
  classViews: ClassFindingViews,
): JarscopeApi {
  const selectedLabels = <T>(provider: SyncTreeProvider<T>, view: vscode.TreeView<T>): string[] => view.selection.map((node) => labelText(provider.getTreeItem(node).label));
  const selectedRows = <T>(provider: SyncTreeProvider<T>, view: vscode.TreeView<T>): string[] =>
    view.selection.map((node) => {
      const item = provider.getTreeItem(node);
      return `${labelText(item.label)} — ${typeof item.description === 'string' ? item.description : ''}`;
    });
  return {
    duplicateClassesView: () => viewItemsOf(classViews.duplicates),
    missingClassesView: () => viewItemsOf(classViews.missing),
    classViewSelection: () => ({
      duplicateClasses: selectedLabels(classViews.duplicates, classViews.duplicatesView),
      missingClasses: selectedLabels(classViews.missing, classViews.missingView),
    }),
    resolutionViewSelection: () => ({
      conflicts: selectedRows(resolution.conflicts, resolution.conflictsView),
      dependencies: selectedRows(resolution.dependencies, resolution.dependenciesView),
    }),
    lastExplanation: () => explain.lastExplanation(),
    findClass: (name) => explain.findClass(name),
    whenAnalysed: () => findings.service.whenIdle(),
    findingsGeneration: () => findings.service.state.generation,
    findingsPomText: (path) => findings.service.state.analysedTexts.get(path),
    findings: () => findings.service.state.findings,
    findingsStatus: () => {
      const { text, tooltip, command } = findings.statusBar.item;
      return { text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''), command: typeof command === 'string' ? command : command?.command };
    },
    whenResolved: () => resolution.service.whenIdle(),
    resolutionGeneration: () => resolution.service.state.generation,
    dependenciesView: () => viewItemsOf(resolution.dependencies),
    conflictsView: () => viewItemsOf(resolution.conflicts),
    showLog: () => log.show(true),
    projectModel: () => snapshotOf(analyzer.state),
    whenIdle: () => analyzer.whenIdle(),
    mavenProjectsView: () => viewItemsOf(provider),
  };
}
