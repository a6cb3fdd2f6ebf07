import * as vscode from 'vscode';
import type { Finding, Severity, SourceLocation } from '../../core/analysis/finding';
import { workspaceEdit } from '../codeActions/findingCodeActions';
import { registerCommand } from '../commands/registerCommand';
import { quickFixes } from '../findings/findingPresentation';
import type { FindingsService } from '../findings/findingsService';
import { OPEN_DECLARATION_COMMAND } from '../resolution/hoverMarkdown';
import { distinctFixes } from './classFindingGroups';

/** What the context menus of the Duplicate Classes and Missing Classes views act on. */
export interface FindingRow {
  /** The findings the row stands for: their fixes are offered. */
  readonly findings: readonly Finding[];
  /** `groupId:artifactId[:version]` lines, for "Copy Coordinates". */
  readonly coordinates: string | undefined;
  /** A dotted class name, for "Copy Class Name". */
  readonly className: string | undefined;
  /** The pom element to open. */
  readonly location: SourceLocation | undefined;
}

export function isFindingRow(row: unknown): row is FindingRow {
  return typeof row === 'object' && row !== null && 'findings' in row && Array.isArray((row as FindingRow).findings);
}

/** A click that opens the pom at a finding's element (offsets of the analysed text). */
export function openLocationCommand(location: SourceLocation): vscode.Command {
  return { command: OPEN_DECLARATION_COMMAND, title: 'Open pom.xml', arguments: [location.file, location.range.start, location.range.end] };
}

/** The row's icon: the severity's codicon in its theme colour. */
export function severityIcon(severity: Severity | undefined, fallback = 'circle-outline'): vscode.ThemeIcon {
  if (severity === 'error') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (severity === 'warning') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon(severity === 'info' ? 'info' : fallback);
}

/** `jarscope.<view>.<kind>[.fixable]`: the menus key on the prefix and on `.fixable`. */
export function rowContextValue(kind: string, findings: readonly Finding[]): string {
  return `jarscope.${kind}${findings.some((finding) => finding.fixes.length > 0) ? '.fixable' : ''}`;
}

function rowOf(row: unknown, what: string): FindingRow {
  if (!isFindingRow(row)) throw new Error(`${what} needs a row of the Duplicate Classes or Missing Classes view`);
  return row;
}

/**
 * Applies one of the row's fixes (the core's fixes and "Ignore this finding") as one undoable edit: the
 * only one, the one titled `title`, or the one picked from a quick pick. Offsets belong to the analysed
 * text: when a pom changed since, a new analysis is asked for instead.
 */
async function applyRowFix(service: FindingsService, row: FindingRow, title: unknown): Promise<boolean> {
  const { poms } = service.state;
  const fixes = distinctFixes(row.findings, (finding) => quickFixes(finding, poms.get(finding.location.file)?.text));
  if (fixes.length === 0) {
    void vscode.window.showInformationMessage('Jarscope: this row has no fix.');
    return false;
  }
  let chosen = typeof title === 'string' ? fixes.find((entry) => entry.fix.title === title) : fixes.length === 1 ? fixes[0] : undefined;
  if (chosen === undefined && typeof title === 'string') throw new Error(`No fix titled "${title}"`);
  if (chosen === undefined) {
    const picked = await vscode.window.showQuickPick(
      fixes.map((entry) => ({ label: entry.fix.title, description: entry.fix.preferred ? 'preferred' : undefined, detail: entry.finding.module, entry })),
      { title: 'Apply a Jarscope fix', placeHolder: 'The fix is applied as one edit that Undo reverts' },
    );
    chosen = picked?.entry;
  }
  if (chosen === undefined) return false;
  const edit = workspaceEdit(chosen.fix, poms);
  if (edit === undefined) {
    service.request();
    throw new Error('the pom changed since it was analysed; try again once the analysis has finished');
  }
  return vscode.workspace.applyEdit(edit);
}

/** The context-menu commands of the class finding views. */
export function registerFindingRowCommands(subscriptions: vscode.Disposable[], log: vscode.LogOutputChannel, service: FindingsService): void {
  registerCommand(subscriptions, log, 'jarscope.applyFindingFix', (row?: unknown, title?: unknown) => applyRowFix(service, rowOf(row, 'Apply Fix'), title));
  registerCommand(subscriptions, log, 'jarscope.copyFindingCoordinates', async (row?: unknown) => {
    const text = rowOf(row, 'Copy Coordinates').coordinates;
    if (text === undefined) throw new Error('This row names no artifact');
    await vscode.env.clipboard.writeText(text);
  });
  registerCommand(subscriptions, log, 'jarscope.copyClassName', async (row?: unknown) => {
    const text = rowOf(row, 'Copy Class Name').className;
    if (text === undefined) throw new Error('This row names no class');
    await vscode.env.clipboard.writeText(text);
  });
  registerCommand(subscriptions, log, 'jarscope.openFindingPom', async (row?: unknown) => {
    const location = rowOf(row, 'Open pom.xml').location;
    if (location === undefined) throw new Error('This row has no pom.xml');
    const command = openLocationCommand(location);
    await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
  });
}
