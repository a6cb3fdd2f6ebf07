import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Fix } from '../../core/analysis/finding';
import { analysedRange, isCurrent, openDocument } from '../findings/analysedRanges';
import { isFindingCode, quickFixes } from '../findings/findingPresentation';
import { FINDINGS_SOURCE, type FindingsDiagnostics, type ShownFinding } from '../findings/findingsDiagnostics';
import type { AnalysedPom, FindingsService } from '../findings/findingsService';

export function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  return a.code === b.code && a.message === b.message && a.range.isEqual(b.range);
}

/** Whether a pom's text is still the analysed one: the open editor's, else the file's. */
function unchanged(path: string, analysed: AnalysedPom): boolean {
  const document = openDocument(path);
  if (document) return isCurrent(document, analysed);
  try {
    return readFileSync(path, 'utf8') === analysed.text;
  } catch {
    return false;
  }
}

/** A fix as one WorkspaceEdit (undone in one step); undefined when a pom it edits changed since the analysis. */
export function workspaceEdit(fix: Fix, poms: ReadonlyMap<string, AnalysedPom>): vscode.WorkspaceEdit | undefined {
  const edit = new vscode.WorkspaceEdit();
  for (const textEdit of fix.edits) {
    const analysed = poms.get(textEdit.file);
    if (!analysed || !unchanged(textEdit.file, analysed)) return undefined;
    edit.replace(vscode.Uri.file(textEdit.file), analysedRange(analysed, textEdit.range), textEdit.newText);
  }
  return edit;
}

/**
 * Quick fixes for the Jarscope findings under the cursor: each fix of the finding (exclude, pin in
 * dependencyManagement, add the dependency, scope provided), the preferred one marked, then "Ignore this
 * finding", which writes a `jarscope:ignore` comment on the element. Fixes are computed on the analysed
 * text, so they are offered only while the pom still has that text; otherwise a new analysis is asked for.
 */
export class FindingCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly diagnostics: FindingsDiagnostics,
    private readonly service: FindingsService,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const wanted = context.diagnostics.filter((diagnostic) => diagnostic.source === FINDINGS_SOURCE && isFindingCode(diagnostic.code));
    if (wanted.length === 0) return [];
    const entries = this.diagnostics.findingsIn(document.uri).filter((entry) => wanted.some((diagnostic) => sameDiagnostic(diagnostic, entry.diagnostic)));
    if (entries.some((entry) => !isCurrent(document, entry.analysed))) {
      // The fixes' offsets belong to older text: analyse the current text, the fixes come with it. A run in
      // progress already follows the edit; asking again would cancel it at every cursor move.
      if (!this.service.isRunning) this.service.request();
      return [];
    }
    // Two findings on one element often share a fix (the conflict and the missing class it causes): offer it once.
    const byTitle = new Map<string, vscode.CodeAction>();
    for (const action of entries.flatMap((entry) => this.actionsOf(entry))) {
      const earlier = byTitle.get(action.title);
      if (earlier === undefined) byTitle.set(action.title, action);
      else earlier.diagnostics = [...(earlier.diagnostics ?? []), ...(action.diagnostics ?? [])];
    }
    return [...byTitle.values()];
  }

  private actionsOf(entry: ShownFinding): vscode.CodeAction[] {
    const { poms } = this.service.state;
    return quickFixes(entry.finding, entry.analysed.text).flatMap((fix) => {
      const edit = workspaceEdit(fix, poms);
      if (!edit) return [];
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = edit;
      action.isPreferred = fix.preferred;
      action.diagnostics = [entry.diagnostic];
      return [action];
    });
  }
}

export function registerFindingCodeActions(diagnostics: FindingsDiagnostics, service: FindingsService): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ scheme: 'file', pattern: '**/pom.xml' }, new FindingCodeActions(diagnostics, service), FindingCodeActions.metadata);
}
