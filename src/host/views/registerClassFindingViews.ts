import * as vscode from 'vscode';
import { registerRevealInViewActions, REVEAL_IN_VIEW_COMMAND } from '../codeActions/revealInViewActions';
import { registerCommand } from '../commands/registerCommand';
import type { Finding } from '../../core/analysis/finding';
import { levelOf } from '../findings/findingPresentation';
import { affectsSeverities, readFindingsSettings } from '../findings/findingsSettings';
import type { FindingsFeatures } from '../findings/registerFindings';
import { findingKey } from './classFindingGroups';
import { DUPLICATE_CLASSES_VIEW_ID, DuplicateClassesTreeProvider, type DuplicateClassesNode } from './duplicateClassesView';
import { registerFindingRowCommands } from './findingRowCommands';
import { MISSING_CLASSES_VIEW_ID, MissingClassesTreeProvider, type MissingClassesNode } from './missingClassesView';
import { revealInResolutionView, type ResolutionViews } from './revealResolutionRow';
import { revealRow } from './revealRow';

/** Set once the first classpath analysis has finished: the views' welcome text says "nothing found" only then. */
const ANALYSED_CONTEXT = 'jarscope.classFindingsAnalysed';
/** Set while a filter narrows the views: shows the clear-filter button. */
const FILTERED_CONTEXT = 'jarscope.classFindingsFiltered';

/** Narrows both views to the rows that contain `filter` (empty: all rows). */
async function applyFilter(views: ClassFindingViews, filter: string): Promise<void> {
  views.duplicates.setFilter(filter);
  views.missing.setFilter(filter);
  const message = filter.trim() === '' ? undefined : `Showing the rows that contain "${filter.trim()}".`;
  views.duplicatesView.message = message;
  views.missingView.message = message;
  await vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, message !== undefined);
}

/** The findings not turned `off` by the `jarscope.severity*` settings of their pom's folder. */
function shownFindings(findings: readonly Finding[]): Finding[] {
  const severities = new Map<string, ReturnType<typeof readFindingsSettings>['severities']>();
  return findings.filter((finding) => {
    const file = finding.location.file;
    let overrides = severities.get(file);
    if (overrides === undefined) severities.set(file, (overrides = readFindingsSettings(file).severities));
    return levelOf(finding, overrides) !== 'off';
  });
}

/** What the class finding views register, for the extension's API. */
export interface ClassFindingViews {
  readonly duplicates: DuplicateClassesTreeProvider;
  readonly duplicatesView: vscode.TreeView<DuplicateClassesNode>;
  readonly missing: MissingClassesTreeProvider;
  readonly missingView: vscode.TreeView<MissingClassesNode>;
}

/** Focuses a view, then reveals and selects the row of a finding in it. */
async function revealFinding(views: ClassFindingViews, resolution: ResolutionViews, findings: FindingsFeatures, viewId: unknown, key: unknown): Promise<void> {
  if (typeof viewId !== 'string') throw new Error('Show in view needs a view');
  await vscode.commands.executeCommand(`${viewId}.focus`);
  const finding = findings.service.state.findings.find((candidate) => findingKey(candidate) === key);
  if (finding === undefined) return;
  if (viewId !== DUPLICATE_CLASSES_VIEW_ID && viewId !== MISSING_CLASSES_VIEW_ID) return revealInResolutionView(resolution, viewId, finding);
  // A filter that hides the row would make the reveal fail: show every row again.
  const hidden = (viewId === DUPLICATE_CLASSES_VIEW_ID ? views.duplicates.rowOf(finding) : views.missing.rowOf(finding)) === undefined;
  if (hidden && views.duplicates.filter !== '') await applyFilter(views, '');
  if (viewId === DUPLICATE_CLASSES_VIEW_ID) {
    const row = views.duplicates.rowOf(finding);
    if (row) await revealRow(views.duplicatesView, row, (node) => views.duplicates.getTreeItem(node).id);
  } else {
    const row = views.missing.rowOf(finding);
    if (row) await revealRow(views.missingView, row, (node) => views.missing.getTreeItem(node).id);
  }
}

/**
 * The "Duplicate Classes" and "Missing Classes" views, kept in step with the findings, their context-menu
 * commands, and the "Show in … view" code actions on the diagnostics.
 */
export function registerClassFindingViews(subscriptions: vscode.Disposable[], log: vscode.LogOutputChannel, findings: FindingsFeatures, resolution: ResolutionViews): ClassFindingViews {
  const duplicates = new DuplicateClassesTreeProvider();
  const missing = new MissingClassesTreeProvider();
  const duplicatesView = vscode.window.createTreeView(DUPLICATE_CLASSES_VIEW_ID, { treeDataProvider: duplicates, showCollapseAll: true });
  const missingView = vscode.window.createTreeView(MISSING_CLASSES_VIEW_ID, { treeDataProvider: missing, showCollapseAll: true });
  const views: ClassFindingViews = { duplicates, duplicatesView, missing, missingView };
  let analysedContext: boolean | undefined;
  const show = (): void => {
    const { state } = findings.service;
    const shown = shownFindings(state.findings);
    duplicates.update(shown);
    missing.update(shown);
    // A command round trip to the workbench: only when the value changes, not on every run's findings.
    if (state.analysed === analysedContext) return;
    analysedContext = state.analysed;
    void vscode.commands.executeCommand('setContext', ANALYSED_CONTEXT, state.analysed);
  };
  show();
  subscriptions.push(
    duplicates,
    missing,
    duplicatesView,
    missingView,
    findings.service.onDidChangeState(show),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSeverities(event)) show();
    }),
  );
  registerFindingRowCommands(subscriptions, log, findings.service);
  registerCommand(subscriptions, log, 'jarscope.filterClassFindings', async (text?: unknown) => {
    const filter =
      typeof text === 'string'
        ? text
        : await vscode.window.showInputBox({
            title: 'Filter Duplicate and Missing Classes',
            prompt: 'Show the rows whose class, jar, artifact or module contains this text',
            value: duplicates.filter,
          });
    if (filter !== undefined) await applyFilter(views, filter);
  });
  registerCommand(subscriptions, log, 'jarscope.clearClassFindingsFilter', () => applyFilter(views, ''));
  registerCommand(subscriptions, log, REVEAL_IN_VIEW_COMMAND, (viewId?: unknown, key?: unknown) => revealFinding(views, resolution, findings, viewId, key));
  subscriptions.push(registerRevealInViewActions(findings.diagnostics));
  return views;
}
