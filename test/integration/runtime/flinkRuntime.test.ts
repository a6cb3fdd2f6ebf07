import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { captureScreen } from '../screen';
import { jarscope, waitFor, workspaceRoot } from '../suite/workspaceTestKit';

// The workspace is a fresh copy of test/fixtures/runtime/flink-job: its pom names the runtime flink-local
// (jarscope.runtime property), which .vscode/settings.json defines as Flink with text-utils parent-first.

function diagnosticsOf(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.code === code);
}

describe('a Flink-style job against its runtime lib folder, in the editor', function () {
  this.timeout(120_000);
  const uri = vscode.Uri.file(join(workspaceRoot(), 'pom.xml'));
  let document: vscode.TextDocument;

  before(async () => {
    await jarscope();
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  it('shows runtime-missing-member (slugify) and runtime-overlap on the text-utils <dependency>', async () => {
    const missing = await waitFor('the runtime-missing-member error', () => diagnosticsOf(uri, 'runtime-missing-member')[0], () => vscode.languages.getDiagnostics(uri), 60_000);
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    assert.match(missing.message, /TextUtils\.slugify/);
    assert.match(missing.message, /flink-local's lib\/text-utils-1\.0\.jar/);
    assert.match(document.getText(missing.range), /^<dependency>[\s\S]*<artifactId>text-utils<\/artifactId>[\s\S]*<\/dependency>$/);
    const overlap = diagnosticsOf(uri, 'runtime-overlap')[0];
    assert.ok(overlap, 'the overlap is shown too');
    assert.equal(overlap.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(overlap.range, missing.range);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const screen = await captureScreen('runtime-1-flink-overlap', 1500);
    assert.ok(screen.text.includes('flink-local'), `the screen names the runtime:\n${screen.text}`);
  });

  it('the provided quick fix removes the overlap; the runtime copy still lacks slugify, now said on the project', async () => {
    const overlap = diagnosticsOf(uri, 'runtime-overlap')[0]!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, overlap.range, vscode.CodeActionKind.QuickFix.value);
    const provided = actions.find((action) => action.title.startsWith('Set scope of com.example.text:text-utils to provided'));
    assert.ok(provided?.edit, `a provided fix among: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(provided.edit));
    assert.match(document.getText(), /<artifactId>text-utils<\/artifactId>\s*<version>2\.0<\/version>\s*<scope>provided<\/scope>/);
    await waitFor('the overlap to go', () => diagnosticsOf(uri, 'runtime-overlap').length === 0, () => vscode.languages.getDiagnostics(uri), 60_000);
    const missing = await waitFor(
      'the missing member on the project',
      () => diagnosticsOf(uri, 'runtime-missing-member').find((diagnostic) => /does not carry/.test(diagnostic.message)),
      () => vscode.languages.getDiagnostics(uri),
      60_000,
    );
    assert.match(document.getText(missing.range), /^<project/);
    await captureScreen('runtime-2-provided-applied', 1500);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
