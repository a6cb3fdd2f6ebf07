import * as assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { JarscopeApi } from '../../../src/host/jarscopeApi';
import { captureScreen } from '../screen';
import { jarscope, waitFor, workspaceRoot } from '../suite/workspaceTestKit';

function jarUri(folder: string, jar: string): vscode.Uri {
  return vscode.Uri.file(join(workspaceRoot(), folder, jar));
}

function diagnosticWith(uri: vscode.Uri, code: string): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri).find((diagnostic) => diagnostic.code === code);
}

function allFolderDiagnostics(): unknown {
  return vscode.languages.getDiagnostics().filter(([uri]) => uri.fsPath.endsWith('.jar')).map(([uri, diagnostics]) => [uri.fsPath, diagnostics.map((d) => `${d.code as string}: ${d.message}`)]);
}

/**
 * Story 3 of the design notes on a copy of test/fixtures/folders/workspace: lib/ holds connector-a 1.0
 * and 1.1 side by side, a fat jar and a corrupt jar; lib-prod/ (named by jarscope.jarFolders in the
 * workspace settings) is the deployed copy where connector-b was not upgraded.
 */
describe('loose jar folders in the editor', function () {
  this.timeout(120_000);
  let api: JarscopeApi;

  before(async () => {
    api = await jarscope();
  });

  it('shows the doubled connector on both jars in the Problems panel, and counts the folder findings in the status bar', async () => {
    const old = jarUri('lib', 'connector-a-1.0.jar');
    const diagnostic = await waitFor('the version conflict on connector-a-1.0.jar', () => diagnosticWith(old, 'folder-version-conflict'), allFolderDiagnostics, 60_000);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.source, 'Jarscope');
    assert.match(diagnostic.message, /^connector-a is in lib in 2 versions: /);
    assert.match(diagnostic.message, /unspecified/);
    assert.deepEqual(diagnostic.relatedInformation?.map((related) => related.location.uri.fsPath), [jarUri('lib', 'connector-a-1.1.jar').fsPath]);
    assert.ok(diagnosticWith(jarUri('lib', 'connector-a-1.1.jar'), 'folder-version-conflict'));
    assert.match(diagnosticWith(jarUri('lib', 'fat-all-1.0.jar'), 'embedded-artifact')?.message ?? '', /com\.jsonlite:jsonlite:2\.0 relocated under com\.example\.fat\.shaded/);
    assert.match(diagnosticWith(jarUri('lib', 'corrupt-1.0.jar'), 'unreadable-jar')?.message ?? '', /corrupt-1\.0\.jar/);
    assert.deepEqual(vscode.languages.getDiagnostics(jarUri('lib-prod', 'connector-b-2.0.jar')), [], 'lib-prod has one jar per artifact');

    // duplicate-class (connector-a), folder-version-conflict and unreadable-jar: three warnings.
    await waitFor('the status bar to count the folder warnings', () => api.findingsStatus().text === '$(error) 0 $(warning) 3 Jarscope', () => api.findingsStatus(), 30_000);

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const screen = await captureScreen('folders-1-problems', 1500);
    for (const shown of ['connector-a-1.0.jar', 'connector-a is in lib in 2 versions', 'folder-version-conflict', 'corrupt-1.0.jar']) {
      assert.ok(screen.text.includes(shown), `the screen shows "${shown}":\n${screen.text}`);
    }
  });

  it('"Jarscope: Compare Jar Folders…" shows what changed from lib to lib-prod', async () => {
    const root = workspaceRoot();
    const markdown = await vscode.commands.executeCommand<string>('jarscope.compareJarFolders', vscode.Uri.file(join(root, 'lib')), vscode.Uri.file(join(root, 'lib-prod')));
    assert.match(markdown, /^# Jar folders: `lib` → `lib-prod`/);
    assert.match(markdown, /\| downgraded \| connector-b 2\.1 -> 2\.0/);
    assert.match(markdown, /\| changed \| connector-c 1\.0 same version, different content .*com\.example\.connector\.c\.ConnectorC/);
    assert.match(markdown, /\| added \| metrics 1\.0/);
    assert.match(markdown, /## Not compared\n\n- cannot read jar .*corrupt-1\.0\.jar/);
    const screen = await captureScreen('folders-2-compare', 2500);
    assert.ok(screen.text.includes('lib vs lib-prod'), `the preview's tab is shown:\n${screen.text}`);
  });

  it('offers the workspace\'s jar folders in a quick pick when run from the Command Palette', async () => {
    const running = vscode.commands.executeCommand<string | undefined>('jarscope.compareJarFolders');
    const screen = await captureScreen('folders-3-pick', 1500);
    for (const shown of ['Compare Jar Folders: the folder before', 'lib', 'lib-prod', 'Choose a folder…']) {
      assert.ok(screen.text.includes(shown), `the quick pick shows "${shown}":\n${screen.text}`);
    }
    // The first item is lib; the second pick leaves lib out, so its first item is lib-prod.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 800));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const markdown = await running;
    assert.match(markdown ?? '', /^# Jar folders: `lib` → `lib-prod`/);
  });

  it('names a folder that does not exist instead of comparing', async () => {
    const root = workspaceRoot();
    const result = await vscode.commands.executeCommand<string | undefined>('jarscope.compareJarFolders', join(root, 'lib'), join(root, 'no-such-lib'));
    assert.equal(result, undefined, 'the command failed with a message instead');
  });
  it('notices a jar copied into a folder: a second connector-b in lib-prod is a version conflict there', async () => {
    copyFileSync(join(workspaceRoot(), 'lib', 'connector-b-2.1.jar'), join(workspaceRoot(), 'lib-prod', 'connector-b-2.1.jar'));
    const diagnostic = await waitFor('the conflict in lib-prod', () => diagnosticWith(jarUri('lib-prod', 'connector-b-2.0.jar'), 'folder-version-conflict'), allFolderDiagnostics, 30_000);
    assert.match(diagnostic.message, /connector-b is in lib-prod in 2 versions/);
  });

  it('shows folder findings at the level jarscope.severities gives their code', async () => {
    const corrupt = jarUri('lib', 'corrupt-1.0.jar');
    const config = vscode.workspace.getConfiguration('jarscope');
    await config.update('severities', { 'unreadable-jar': 'off', 'duplicate-class': 'hint' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the unreadable jar to be hidden', () => vscode.languages.getDiagnostics(corrupt).length === 0, allFolderDiagnostics);
      const duplicate = diagnosticWith(jarUri('lib', 'connector-a-1.0.jar'), 'duplicate-class');
      assert.equal(duplicate?.severity, vscode.DiagnosticSeverity.Hint);
    } finally {
      await config.update('severities', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the unreadable jar to be back', () => diagnosticWith(corrupt, 'unreadable-jar'), allFolderDiagnostics);
  });
});
