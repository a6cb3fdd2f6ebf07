import * as vscode from 'vscode';
import { statusText } from '../findings/findingPresentation';
import type { FindingsDiagnostics } from '../findings/findingsDiagnostics';
import type { FindingsService } from '../findings/findingsService';

/** Something whose errors and warnings the status bar counts: the poms' diagnostics, the jar folders'. */
export interface StatusCountSource {
  readonly counts: { readonly errors: number; readonly warnings: number };
  readonly onDidChange: vscode.Event<unknown>;
}

/** The status bar item: how many Jarscope errors and warnings are shown; a click opens the Problems panel. */
export class FindingsStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('jarscope.findings', vscode.StatusBarAlignment.Left, 10);
  private readonly sources: StatusCountSource[] = [];
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly service: FindingsService) {
    this.item.name = 'Jarscope Findings';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(service.onDidChangeRunning(() => this.update()));
  }

  /** Counts a source too, from now on. */
  addSource(source: StatusCountSource): void {
    this.sources.push(source);
    this.disposables.push(source.onDidChange(() => this.update()));
    this.update();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private update(): void {
    const counts = { errors: 0, warnings: 0 };
    for (const source of this.sources) {
      counts.errors += source.counts.errors;
      counts.warnings += source.counts.warnings;
    }
    const running = this.service.isRunning;
    this.item.text = statusText(counts, running);
    this.item.tooltip = running
      ? 'Jarscope is analysing the classpaths'
      : `Jarscope: ${counts.errors} error(s), ${counts.warnings} warning(s). Click to open the Problems panel.`;
    if (this.service.state.analysed || running || counts.errors + counts.warnings > 0) this.item.show();
  }
}

/** The status bar, counting the poms' findings; other sources (jar folders) join through addSource. */
export function registerFindingsStatusBar(diagnostics: FindingsDiagnostics, service: FindingsService): FindingsStatusBar {
  const statusBar = new FindingsStatusBar(service);
  statusBar.addSource({
    get counts() {
      return diagnostics.counts;
    },
    onDidChange: diagnostics.onDidRender,
  });
  return statusBar;
}
