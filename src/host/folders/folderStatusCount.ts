import * as vscode from 'vscode';
import { statusText } from '../findings/findingPresentation';
import type { FindingsFeatures } from '../findings/registerFindings';
import type { JarFolderDiagnostics } from './jarFolderDiagnostics';

/**
 * Adds the jar folders' errors and warnings to the Jarscope status bar count. The findings' own update
 * runs first on each of their events (it subscribed first); this one then writes the sum.
 */
export function includeInStatusCount(findings: FindingsFeatures, folders: JarFolderDiagnostics): vscode.Disposable {
  const update = (): void => {
    const own = findings.diagnostics.counts;
    const extra = folders.counts;
    if (extra.errors === 0 && extra.warnings === 0) return;
    const counts = { errors: own.errors + extra.errors, warnings: own.warnings + extra.warnings };
    findings.statusBar.text = statusText(counts, findings.service.isRunning);
    if (!findings.service.isRunning) {
      findings.statusBar.tooltip = `Jarscope: ${counts.errors} error(s), ${counts.warnings} warning(s) in pom.xml files and jar folders. Click to open the Problems panel.`;
    }
    findings.statusBar.show();
  };
  return vscode.Disposable.from(findings.diagnostics.onDidRender(update), findings.service.onDidChangeRunning(update), folders.onDidChange(update));
}
