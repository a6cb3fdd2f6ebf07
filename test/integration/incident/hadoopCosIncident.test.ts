import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { JarscopeApi } from '../../../src/host/jarscopeApi';
import { captureScreen } from '../screen';
import { waitFor } from '../suite/workspaceTestKit';
import { examplePomUri, openExamplePom, restoreExamplePom, type ExamplePom } from './incidentTestKit';

const CLEANER_UTIL = 'org.apache.hadoop.util.CleanerUtil';

function missingCleanerUtil(uri: vscode.Uri): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri).find((diagnostic) => diagnostic.code === 'missing-class' && diagnostic.message.includes(CLEANER_UTIL));
}

/** The quick fixes offered on a diagnostic's range (the command returns them without their diagnostics). */
async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((action): action is vscode.CodeAction => action instanceof vscode.CodeAction || 'edit' in action);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\(.)/g, '$1');
}

/**
 * The story of the example workspace (examples/hadoop-cos-incident): hadoop-cos 3.3.0 calls CleanerUtil,
 * which the selected hadoop-common 3.1.4 lacks; the quick fix pins 3.4.1 and the error goes.
 */
describe('the hadoop-cos incident in the editor', function () {
  this.timeout(120_000);
  const uri = examplePomUri();
  let api: JarscopeApi;
  let document: vscode.TextDocument;
  let original: string;
  let pom: ExamplePom;

  before(async () => {
    pom = await openExamplePom();
    ({ api, document, original } = pom);
  });

  after(() => restoreExamplePom(pom));

  it('shows the missing CleanerUtil as an error on the hadoop-cos <dependency>, in the editor and the Problems panel', async () => {
    const diagnostic = await waitFor('the missing CleanerUtil error', () => missingCleanerUtil(uri), () => vscode.languages.getDiagnostics(uri), 60_000);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.source, 'Jarscope');
    assert.equal(
      diagnostic.message,
      'Classes in org.apache.hadoop:hadoop-cos:3.3.0 (org.apache.hadoop.fs.cosn.BufferPool, org.apache.hadoop.fs.cosn.ByteBufferWrapper) reference org.apache.hadoop.util.CleanerUtil, which no jar on the classpath provides',
    );
    const element = document.getText(diagnostic.range);
    assert.match(element, /^<dependency>\s*<groupId>org\.apache\.hadoop<\/groupId>\s*<artifactId>hadoop-cos<\/artifactId>\s*<version>3\.3\.0<\/version>\s*<\/dependency>$/);
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line], [12, 4, 16]);
    const related = (diagnostic.relatedInformation ?? []).map((info) => info.message);
    assert.ok(related.includes('path: com.example:checkpoint-job:1.0 -> com.example.stream:stream-runtime:1.0 -> org.apache.hadoop:hadoop-common:3.1.4'), related.join('\n'));
    await api.whenAnalysed();
    const status = api.findingsStatus();
    assert.equal(status.text, '$(error) 1 $(warning) 1 Jarscope');
    assert.equal(status.command, 'workbench.actions.view.problems');

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const screen = await captureScreen('incident-1-missing-cleanerutil', 1500);
    for (const shown of ['reference org.apache.hadoop.util.CleanerUtil, which no jar on the classpath provides', 'org.apache.hadoop:hadoop-common 3.1.4 was selected', 'Jarscope']) {
      assert.ok(screen.text.includes(shown), `the screen shows "${shown}":\n${screen.text}`);
    }
  });

  it('the hover on the dependency tells the whole story', async () => {
    const at = document.positionAt(document.getText().indexOf('<artifactId>hadoop-cos') + 14);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const text = hoverText(hovers);
    assert.match(text, /\*\*Jarscope missing-class\*\* \(compile, runtime, test\)/);
    assert.match(text, /hadoop-common 3\.4\.1 in the local repository provides it/);
  });

  it('the preferred quick fix pins hadoop-common 3.4.1 in dependencyManagement, the error goes, and undo brings it back', async () => {
    const diagnostic = missingCleanerUtil(uri);
    assert.ok(diagnostic);
    const actions = await quickFixesFor(uri, diagnostic);
    // The missing class and the version conflict behind it share the element and the pin: offered once.
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred === true]),
      [
        ['Pin org.apache.hadoop:hadoop-common to 3.4.1 in dependencyManagement', true],
        ['Add dependency org.apache.hadoop:hadoop-common:3.4.1', false],
        [`Ignore this finding (missing-class ${CLEANER_UTIL})`, false],
        ['Ignore this finding (version-conflict org.apache.hadoop:hadoop-common)', false],
      ],
    );
    const before = api.findingsGeneration();
    assert.equal(await vscode.workspace.applyEdit(actions[0]!.edit!), true);
    assert.match(
      document.getText(),
      /<dependencyManagement>\s*<dependencies>\s*<dependency>\s*<groupId>org\.apache\.hadoop<\/groupId>\s*<artifactId>hadoop-common<\/artifactId>\s*<version>3\.4\.1<\/version>\s*<\/dependency>\s*<\/dependencies>\s*<\/dependencyManagement>/,
    );
    await waitFor('a new analysis', () => api.findingsGeneration() > before, () => api.findingsGeneration(), 60_000);
    await api.whenAnalysed();
    await waitFor('the error to go', () => missingCleanerUtil(uri) === undefined, () => vscode.languages.getDiagnostics(uri));
    assert.equal(api.findingsStatus().text, '$(error) 0 $(warning) 0 Jarscope');
    const screen = await captureScreen('incident-2-pinned', 1500);
    assert.ok(!screen.text.includes('which no jar on the classpath provides'), `the error is gone from the screen:\n${screen.text}`);
    assert.ok(screen.text.includes('<dependencyManagement>') || screen.text.includes('dependencyManagement'), 'the pin is in the editor');

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one undo restores the pom');
    await waitFor('the error to come back', () => missingCleanerUtil(uri), () => vscode.languages.getDiagnostics(uri), 60_000);
  });

  it('"Ignore this finding" writes a visible marker in the dependency, which silences it; undo restores it', async () => {
    await api.whenAnalysed();
    const diagnostic = await waitFor('the error', () => missingCleanerUtil(uri), () => vscode.languages.getDiagnostics(uri));
    const ignore = (await quickFixesFor(uri, diagnostic)).find((action) => action.title.startsWith('Ignore this finding'));
    assert.ok(ignore?.edit);
    const before = api.findingsGeneration();
    assert.equal(await vscode.workspace.applyEdit(ignore.edit), true);
    assert.match(document.getText(), /<dependency>\s*<!-- jarscope:ignore missing-class org\.apache\.hadoop\.util\.CleanerUtil -->\s*<groupId>org\.apache\.hadoop<\/groupId>\s*<artifactId>hadoop-cos<\/artifactId>/);
    await waitFor('a new analysis', () => api.findingsGeneration() > before, () => api.findingsGeneration(), 60_000);
    await api.whenAnalysed();
    assert.equal(missingCleanerUtil(uri), undefined, 'the marker silences the finding');
    assert.ok(!api.findings().some((finding) => finding.code === 'missing-class'), 'the analysis drops it');
    assert.ok(api.findings().some((finding) => finding.code === 'version-conflict'), 'the conflict, not ignored, stays');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
    await waitFor('the error to come back', () => missingCleanerUtil(uri), () => vscode.languages.getDiagnostics(uri), 60_000);
  });

  it('a severity setting for the code changes the diagnostic, and off hides it', async () => {
    const config = vscode.workspace.getConfiguration('jarscope', uri);
    await config.update('severity.missing-class', 'warning', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('a warning', () => missingCleanerUtil(uri)?.severity === vscode.DiagnosticSeverity.Warning, () => vscode.languages.getDiagnostics(uri));
      await config.update('severities', { 'missing-class': 'error', 'version-conflict': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('the conflict to go', () => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'version-conflict'), () => vscode.languages.getDiagnostics(uri));
      assert.equal(missingCleanerUtil(uri)?.severity, vscode.DiagnosticSeverity.Warning, 'the per-code setting wins over the object');
    } finally {
      await config.update('severity.missing-class', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('severities', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the error again', () => missingCleanerUtil(uri)?.severity === vscode.DiagnosticSeverity.Error, () => vscode.languages.getDiagnostics(uri));
  });
});
