import type * as vscode from 'vscode';
import { registerFindingCodeActions } from '../codeActions/findingCodeActions';
import { registerFindingsStatusBar, type FindingsStatusBar } from '../status/findingsStatusBar';
import type { WorkspaceAnalyzer } from '../workspaceAnalyzer';
import { registerFindingHovers } from './findingHoverProvider';
import { FindingsDiagnostics } from './findingsDiagnostics';
import { FindingsService } from './findingsService';

/** What the findings features register, for the extension's API. */
export interface FindingsFeatures {
  readonly service: FindingsService;
  readonly diagnostics: FindingsDiagnostics;
  readonly statusBar: FindingsStatusBar;
}

/**
 * Builds the classpath analysis service and what shows its results: the `jarscope-findings` diagnostics,
 * their hovers and quick fixes, and the status bar count. The first analysis starts after the first scan.
 */
export function registerFindings(subscriptions: vscode.Disposable[], analyzer: WorkspaceAnalyzer, log: vscode.LogOutputChannel): FindingsFeatures {
  const service = new FindingsService(analyzer, log);
  const diagnostics = new FindingsDiagnostics(service);
  const statusBar = registerFindingsStatusBar(diagnostics, service);
  subscriptions.push(service, diagnostics, statusBar, registerFindingHovers(diagnostics), registerFindingCodeActions(diagnostics, service));
  service.start();
  return { service, diagnostics, statusBar };
}
