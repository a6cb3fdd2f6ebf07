import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { JarscopeApi } from '../../../src/host/jarscopeApi';
import { captureScreen } from '../screen';
import { jarscope, showOnlyViews, waitFor } from '../suite/workspaceTestKit';

function folderPath(name: string): string {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  assert.ok(folder, `the workspace has a folder ${name}`);
  return folder.uri.fsPath;
}

function diagnosticOf(uri: vscode.Uri, code: string): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri).find((diagnostic) => diagnostic.code === code);
}

// test/fixtures/workspaces/multi-root: a .code-workspace with two folders, shop and billing, each its own
// Maven project; each folder's .vscode/settings.json points at ../repo, and billing's turns duplicate-class
// findings down to hints.
describe('A multi-root workspace with a Maven project in each folder', function () {
  this.timeout(120_000);
  let api: JarscopeApi;
  let shopPom: vscode.Uri;
  let billingPom: vscode.Uri;

  before(async () => {
    api = await jarscope();
    shopPom = vscode.Uri.file(join(folderPath('shop'), 'pom.xml'));
    billingPom = vscode.Uri.file(join(folderPath('billing'), 'pom.xml'));
    await waitFor('the first analysis', () => api.findingsGeneration() > 0, () => api.findings());
    await api.whenAnalysed();
  });

  it('analyses both folders, each with the local repository its own settings name', () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 2);
    assert.deepEqual([...api.projectModel().roots].sort(), [billingPom.fsPath, shopPom.fsPath].sort());
    const byFile = (uri: vscode.Uri) => api.findings().filter((finding) => finding.location.file === uri.fsPath).map((finding) => finding.code).sort();
    assert.deepEqual(byFile(shopPom), ['duplicate-class']);
    assert.deepEqual(byFile(billingPom), ['duplicate-class', 'missing-class']);
  });

  it('applies a folder\'s severities only to the poms of that folder', async () => {
    const shop = await waitFor('the shop diagnostic', () => diagnosticOf(shopPom, 'duplicate-class'), () => vscode.languages.getDiagnostics(shopPom));
    const billing = await waitFor('the billing diagnostic', () => diagnosticOf(billingPom, 'duplicate-class'), () => vscode.languages.getDiagnostics(billingPom));
    assert.equal(shop.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(billing.severity, vscode.DiagnosticSeverity.Hint, 'billing/.vscode/settings.json sets duplicate-class to hint');
    assert.equal(vscode.workspace.getConfiguration('jarscope', billingPom).inspect('severities')?.workspaceFolderValue !== undefined, true);
    assert.equal(vscode.workspace.getConfiguration('jarscope', shopPom).inspect('severities')?.workspaceFolderValue, undefined);
  });

  it('shows the findings of both folders in the views', async () => {
    assert.deepEqual(
      api.duplicateClassesView().map((row) => `${row.label} — ${row.description ?? ''}`),
      ['left-1.0.jar ↔ right-1.0.jar — 1 different, 1 identical · billing (compile, runtime, test)', 'left-1.0.jar ↔ right-1.0.jar — 1 different, 1 identical · shop (compile, runtime, test)'],
    );
    assert.deepEqual(
      api.missingClassesView().map((row) => [row.label, row.children.map((child) => `${child.label} — ${child.description ?? ''}`)]),
      [['ex:lib', ['ex.lib.Helper — ← ex.user.User (billing)']]],
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(billingPom));
    await showOnlyViews('jarscope.duplicateClasses');
    const screen = await captureScreen('multi-root-views', 1500);
    assert.match(screen.text, /billing/);
    assert.match(screen.text, /shop/);
  });

  it('applies a quick fix in the second folder and leaves the first alone', async () => {
    const diagnostic = diagnosticOf(billingPom, 'duplicate-class');
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', billingPom, diagnostic.range);
    const exclude = actions.find((action) => action.title === 'Exclude dup:right from dup:wrapper');
    assert.ok(exclude?.edit, actions.map((action) => action.title).join(', '));
    assert.deepEqual(exclude.edit.entries().map(([uri]) => uri.fsPath), [billingPom.fsPath]);
    const before = api.findingsGeneration();
    assert.equal(await vscode.workspace.applyEdit(exclude.edit), true);
    await waitFor(
      'billing without its duplicate',
      () => api.findingsGeneration() > before && api.findings().every((finding) => finding.code !== 'duplicate-class' || finding.location.file !== billingPom.fsPath),
      () => api.findings().map((finding) => [finding.code, finding.location.file]),
    );
    await api.whenAnalysed();
    assert.deepEqual(
      api.duplicateClassesView().map((row) => row.description),
      ['1 different, 1 identical · shop (compile, runtime, test)'],
    );
  });
});
