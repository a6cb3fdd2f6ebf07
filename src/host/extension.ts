import * as vscode from 'vscode';
import { openPom } from './commands/openPom';
import { registerCommand } from './commands/registerCommand';
import { registerXmlDiagnostics } from './diagnostics/xmlDiagnostics';
import { registerExplain } from './explain/explainCommands';
import { registerFindings } from './findings/registerFindings';
import { registerJarFolders } from './folders/registerJarFolders';
import { createJarscopeApi, type JarscopeApi } from './jarscopeApi';
import { registerResolution } from './resolution/registerResolution';
import { registerClassFindingViews } from './views/registerClassFindingViews';
import { registerMavenProjectsView } from './views/mavenProjectsView';
import { WorkspaceAnalyzer } from './workspaceAnalyzer';

/** What deactivation waits for: the analysis writing its caches before the extension host goes away. */
let closeAnalysis: (() => Promise<void>) | undefined;

/** Builds the services and registers them; the first scan starts after activation returns. */
export function activate(context: vscode.ExtensionContext): JarscopeApi {
  const log = vscode.window.createOutputChannel('Jarscope', { log: true });
  const analyzer = new WorkspaceAnalyzer(log);
  const view = registerMavenProjectsView(analyzer);
  context.subscriptions.push(log, analyzer, view.disposable, registerXmlDiagnostics(analyzer));
  registerCommand(context.subscriptions, log, 'jarscope.refresh', () => analyzer.rescan());
  registerCommand(context.subscriptions, log, 'jarscope.openPom', openPom);
  const findings = registerFindings(context.subscriptions, analyzer, log);
  closeAnalysis = () => findings.service.closeAnalysis();
  const resolution = registerResolution(context.subscriptions, findings.service, log);
  const explain = registerExplain(context.subscriptions, findings.service, log);
  const classViews = registerClassFindingViews(context.subscriptions, log, findings, resolution);
  registerJarFolders(context.subscriptions, log, findings);
  analyzer.start();
  log.info('Jarscope activated');
  return createJarscopeApi(analyzer, view.provider, log, resolution, findings, explain, classViews);
}

export function deactivate(): Promise<void> | undefined {
  // Everything else is disposed through context.subscriptions.
  return closeAnalysis?.();
}
