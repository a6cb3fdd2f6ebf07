import * as vscode from 'vscode';
import { statusText } from '../findings/findingPresentation';
import type { FindingsDiagnostics } from '../findings/findingsDiagnostics';
import type { FindingsService } from '../findings/findingsService';

/** The status bar item: how many Jarscope errors and warnings the poms show; a click opens the Problems panel. */
export function registerFindingsStatusBar(diagnostics: FindingsDiagnostics, service: FindingsService): { item: vscode.StatusBarItem; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem('jarscope.findings', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Jarscope Findings';
  item.command = 'workbench.actions.view.problems';
  const update = (): void => {
    const counts = diagnostics.counts;
    item.text = statusText(counts, service.isRunning);
    item.tooltip = service.isRunning
      ? 'Jarscope is analysing the classpaths'
      : `Jarscope: ${counts.errors} error(s), ${counts.warnings} warning(s) in pom.xml files. Click to open the Problems panel.`;
    if (service.state.analysed || service.isRunning) item.show();
  };
  update();
  return { item, disposable: vscode.Disposable.from(item, diagnostics.onDidRender(update), service.onDidChangeRunning(update)) };
}
