import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import { registerResolutionDiagnostics } from '../diagnostics/resolutionDiagnostics';
import { registerPomHovers, type PomHoverProvider } from '../hovers/pomHoverProvider';
import { ConflictRow, PathRow, registerConflictsView } from '../views/conflictsView';
import { applyDependencyFilter, managingEntryCommand, registerDependenciesView, rowCoordinates } from '../views/dependenciesView';
import type { ResolutionViews } from '../views/revealResolutionRow';
import type { FindingsService } from '../findings/findingsService';
import { coordinatesText } from './dependencyText';
import { OPEN_DECLARATION_COMMAND } from './hoverMarkdown';
import { openDeclaration } from './openDeclaration';
import { ResolutionService } from './resolutionService';

/** What the resolution features register, for the extension's API and "Show in … view". */
export interface ResolutionFeatures extends ResolutionViews {
  readonly service: ResolutionService;
  readonly hovers: PomHoverProvider;
}

/** Coordinates of a row of the Dependencies or Conflicts view. */
function coordinatesOfRow(row: unknown): string | undefined {
  if (row instanceof ConflictRow) return row.group.key;
  if (row instanceof PathRow) {
    const last = row.path.nodes.at(-1);
    return last && coordinatesText(last.artifact);
  }
  return rowCoordinates(row);
}

/**
 * Builds the resolution service and what shows its results: the Dependencies and Conflicts views, pom.xml
 * hovers, the `jarscope-resolution` diagnostics, and their commands. The resolution comes from the
 * background analysis of the findings (see ResolutionService).
 */
export function registerResolution(subscriptions: vscode.Disposable[], findings: FindingsService, log: vscode.LogOutputChannel): ResolutionFeatures {
  const service = new ResolutionService(findings, log);
  const dependencies = registerDependenciesView(service);
  const conflicts = registerConflictsView(service);
  const hovers = registerPomHovers(service);
  subscriptions.push(service, dependencies.disposable, conflicts.disposable, hovers.disposable, registerResolutionDiagnostics(service));
  registerCommand(subscriptions, log, OPEN_DECLARATION_COMMAND, openDeclaration);
  registerCommand(subscriptions, log, 'jarscope.filterDependencies', async (text?: unknown) => {
    const filter =
      typeof text === 'string'
        ? text
        : await vscode.window.showInputBox({
            title: 'Filter Dependencies',
            prompt: 'Show the paths to dependencies whose groupId or artifactId contains this text',
            value: dependencies.provider.filter,
          });
    if (filter !== undefined) await applyDependencyFilter(dependencies.provider, dependencies.view, filter);
  });
  registerCommand(subscriptions, log, 'jarscope.clearDependencyFilter', () => applyDependencyFilter(dependencies.provider, dependencies.view, ''));
  registerCommand(subscriptions, log, 'jarscope.copyCoordinates', async (row?: unknown) => {
    const text = coordinatesOfRow(row);
    if (text === undefined) throw new Error('Copy Coordinates needs a row of the Dependencies or Conflicts view');
    await vscode.env.clipboard.writeText(text);
  });
  registerCommand(subscriptions, log, 'jarscope.openManagingEntry', async (row?: unknown) => {
    const command = managingEntryCommand(row);
    if (!command) throw new Error('This dependency is not managed by a dependencyManagement entry');
    await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
  });
  service.start();
  return {
    service,
    dependencies: dependencies.provider,
    dependenciesView: dependencies.view,
    conflicts: conflicts.provider,
    conflictsView: conflicts.view,
    hovers: hovers.provider,
  };
}
