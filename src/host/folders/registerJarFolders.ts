import * as vscode from 'vscode';
import { isInSkippedFolder } from '../../core/workspace/findPoms';
import { registerCommand } from '../commands/registerCommand';
import { affectsSeverities } from '../findings/findingsSettings';
import type { FindingsFeatures } from '../findings/registerFindings';
import { COMPARISON_SCHEME, ComparisonDocuments, compareFoldersCommand } from './compareFoldersCommand';
import { JarFolderDiagnostics } from './jarFolderDiagnostics';
import { readScanSettings } from '../settings';

// Jars are copied in bursts (a whole lib folder at once): analyse once the burst is over.
const REFRESH_DELAY_MS = 500;

/**
 * Registers the loose jar folder features: their findings in the Problems panel (analysed at start-up,
 * again when a jar is added, changed or removed and when `jarscope.jarFolders` or `jarscope.scan`
 * changes), counted in the status bar, and "Jarscope: Compare Jar Folders…".
 */
export function registerJarFolders(subscriptions: vscode.Disposable[], log: vscode.LogOutputChannel, findings: FindingsFeatures): JarFolderDiagnostics {
  const diagnostics = new JarFolderDiagnostics(log);
  findings.statusBar.addSource(diagnostics);
  const documents = new ComparisonDocuments();
  let timer: NodeJS.Timeout | undefined;
  const refreshSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void diagnostics.refresh(), REFRESH_DELAY_MS);
  };
  // A build writes jars under target/ all the time: those never belong to a jar folder.
  const jarChanged = (uri: vscode.Uri): void => {
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
    if (root !== undefined && !isInSkippedFolder(root, uri.fsPath, readScanSettings().exclude)) refreshSoon();
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{jar,JAR}');
  subscriptions.push(
    diagnostics,
    watcher,
    watcher.onDidCreate(jarChanged),
    watcher.onDidChange(jarChanged),
    watcher.onDidDelete(jarChanged),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('jarscope.jarFolders') || event.affectsConfiguration('jarscope.scan') || affectsSeverities(event)) refreshSoon();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(refreshSoon),
    vscode.workspace.registerTextDocumentContentProvider(COMPARISON_SCHEME, documents),
    { dispose: () => clearTimeout(timer) },
  );
  registerCommand(subscriptions, log, 'jarscope.compareJarFolders', (first?: unknown, second?: unknown) => compareFoldersCommand(documents, diagnostics.folders, first, second));
  registerCommand(subscriptions, log, 'jarscope.refreshJarFolders', () => diagnostics.refresh());
  refreshSoon();
  return diagnostics;
}
