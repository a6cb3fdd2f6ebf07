import * as vscode from 'vscode';
import type { FindingCode } from '../../core/analysis/finding';
import { FINDINGS_SOURCE, type FindingsDiagnostics } from '../findings/findingsDiagnostics';
import { findingKey } from '../views/classFindingGroups';
import { sameDiagnostic } from './findingCodeActions';

export const REVEAL_IN_VIEW_COMMAND = 'jarscope.revealInView';

/**
 * Not a fix: a kind of its own under the empty kind, which the light-bulb menu lists (after the quick
 * fixes), while `source.*` actions would only appear in the Source Action menu.
 */
export const REVEAL_IN_VIEW_KIND = vscode.CodeActionKind.Empty.append('jarscope').append('revealInView');

/** The views that show each finding code, with the action's title. */
const VIEWS_OF: Partial<Record<FindingCode, readonly (readonly [string, string])[]>> = {
  'duplicate-class': [['jarscope.duplicateClasses', 'Show in Duplicate Classes view']],
  'missing-class': [['jarscope.missingClasses', 'Show in Missing Classes view']],
  'missing-member': [['jarscope.missingClasses', 'Show in Missing Classes view']],
  'version-conflict': [
    ['jarscope.conflicts', 'Show in Conflicts view'],
    ['jarscope.dependencies', 'Show in Dependencies view'],
  ],
  'unresolved-artifact': [['jarscope.dependencies', 'Show in Dependencies view']],
};

/** "Show in … view" on a Jarscope diagnostic: focuses the view and reveals and selects the finding's row. */
export class RevealInViewActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [REVEAL_IN_VIEW_KIND] };

  constructor(private readonly diagnostics: FindingsDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(REVEAL_IN_VIEW_KIND) && !REVEAL_IN_VIEW_KIND.contains(context.only)) return [];
    const wanted = context.diagnostics.filter((diagnostic) => diagnostic.source === FINDINGS_SOURCE);
    if (wanted.length === 0) return [];
    const byTitle = new Map<string, vscode.CodeAction>();
    for (const entry of this.diagnostics.findingsIn(document.uri)) {
      if (!wanted.some((diagnostic) => sameDiagnostic(diagnostic, entry.diagnostic))) continue;
      for (const [viewId, title] of VIEWS_OF[entry.finding.code] ?? []) {
        if (byTitle.has(title)) continue;
        const action = new vscode.CodeAction(title, REVEAL_IN_VIEW_KIND);
        action.command = { command: REVEAL_IN_VIEW_COMMAND, title, arguments: [viewId, findingKey(entry.finding)] };
        action.diagnostics = [entry.diagnostic];
        byTitle.set(title, action);
      }
    }
    return [...byTitle.values()];
  }
}

export function registerRevealInViewActions(diagnostics: FindingsDiagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ scheme: 'file', pattern: '**/pom.xml' }, new RevealInViewActions(diagnostics), RevealInViewActions.metadata);
}
