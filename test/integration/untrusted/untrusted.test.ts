import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { JarscopeApi } from '../../../src/host/jarscopeApi';
import { captureScreen } from '../screen';
import { jarscope, waitFor, workspaceRoot } from '../suite/workspaceTestKit';

// test/fixtures/workspaces/untrusted, opened in Restricted Mode (workspace trust enabled, never granted).
// Its .vscode/settings.json points jarscope.maven.localRepository at ./repo, which holds ex:user: a
// restricted setting, so before trust Jarscope resolves from the user's repository instead and reports
// ex:user as missing; jarscope.severities, not restricted, still applies.
describe('An untrusted workspace (Restricted Mode)', function () {
  this.timeout(120_000);
  const root = workspaceRoot();
  const pom = vscode.Uri.file(join(root, 'pom.xml'));
  let api: JarscopeApi;

  before(async () => {
    api = await jarscope();
    await waitFor('the first analysis', () => api.findingsGeneration() > 0, () => api.findings());
    await api.whenAnalysed();
  });

  it('runs in Restricted Mode, where the workspace value of a restricted setting is ignored', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const settings = JSON.parse(readFileSync(join(root, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(settings['jarscope.maven.localRepository'], 'repo', 'the workspace sets it');
    const maven = vscode.workspace.getConfiguration('jarscope.maven', pom);
    // Restricted Mode hides the workspace value of a restricted setting, from get() and inspect() alike.
    assert.equal(maven.get('localRepository'), '', 'Restricted Mode reads only the user value (none: the default)');
    assert.equal(maven.inspect('localRepository')?.workspaceValue, undefined);
    assert.deepEqual(vscode.workspace.getConfiguration('jarscope', pom).get('severities'), { 'unresolved-artifact': 'information' }, 'a setting that is not restricted keeps its workspace value');
  });

  it('still analyses the pom, without the repository the workspace named', async () => {
    const missing = api.findings().find((finding) => finding.code === 'unresolved-artifact' && finding.jars.length > 0);
    assert.ok(missing, JSON.stringify(api.findings().map((finding) => finding.message)));
    assert.match(missing.message, /ex:user:jar:1\.0/);
    assert.ok(!missing.message.includes(join(root, 'repo')), missing.message);
    const diagnostic = await waitFor(
      'the diagnostic of the missing jar',
      () => vscode.languages.getDiagnostics(pom).find((candidate) => candidate.code === 'unresolved-artifact' && candidate.message.includes('ex:user')),
      () => vscode.languages.getDiagnostics(pom),
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information, 'jarscope.severities is not restricted: the workspace value applies');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(pom));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const screen = await captureScreen('untrusted-workspace', 1500);
    assert.match(screen.text, /Restricted Mode/);
  });
});
