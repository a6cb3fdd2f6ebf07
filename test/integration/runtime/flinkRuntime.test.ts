import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ClassLocation, ExplanationSnapshot } from '../../../src/host/explain/explainCommands';
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

  it('Explain of the slugify NoSuchMethodError names the runtime jar that loads first and lacks it', async () => {
    // Back to the pom as saved (text-utils 2.0 a compile dependency): the job carries slugify, flink-local's copy wins.
    // (The revert above may find the edit already saved: take the scope out again as an edit.)
    await vscode.window.showTextDocument(document);
    const provided = /(<artifactId>text-utils<\/artifactId>\s*<version>2\.0<\/version>)\s*<scope>provided<\/scope>/.exec(document.getText());
    if (provided !== null) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(document.positionAt(provided.index), document.positionAt(provided.index + provided[0].length)), provided[1]!);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await document.save();
    }
    await waitFor('the overlap to come back', () => diagnosticsOf(uri, 'runtime-overlap')[0], () => vscode.languages.getDiagnostics(uri), 60_000);
    const failure = "java.lang.NoSuchMethodError: 'java.lang.String com.example.text.TextUtils.slugify(java.lang.String)'";
    const snapshot = await vscode.commands.executeCommand<ExplanationSnapshot | undefined>('jarscope.explainThrowable', failure);
    assert.ok(snapshot, 'an explanation');
    const module = snapshot.explanations[0]!.classes[0]!.modules[0]!;
    assert.equal(module.runtime?.runtime, 'flink-local');
    assert.equal(module.story, "flink-local's lib/text-utils-1.0.jar loads first (parent-first pattern com.example.text.); it lacks slugify; the job's text-utils 2.0 is shadowed");
    // The page is the Markdown as VS Code renders it (see explainCommands): render it the same way.
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', snapshot.markdown);
    assert.match(html, /In the runtime <code>flink-local<\/code>/);
    assert.match(html, /<code>flink-local(?:'|&#39;|&apos;)s lib\/text-utils-1\.0\.jar<\/code>[^<]*<code>[^<]*text-utils-1\.0\.jar<\/code>\) — <strong>lacks the member<\/strong>/);
    // The Problems panel closed, the page shows the runtime part beside the pom.
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('notifications.showList');
    const screen = await captureScreen('runtime-3-explain-slugify', 3000);
    assert.match(screen.text, /Explain: TextUtils/);
    assert.match(screen.text, /flink-local's lib\/text-utils-1\.0\.jar loads first \(parent-first pattern com\.example\.text\.\)/);
  });

  it('Find Class lists the runtime jar beside the job\'s own copy', async () => {
    const locations = await vscode.commands.executeCommand<ClassLocation[]>('jarscope.findClass', 'com.example.text.TextUtils');
    const runtimeCopy = locations.find((location) => location.label === "flink-local's lib/text-utils-1.0.jar");
    assert.ok(runtimeCopy, `the runtime jar among: ${locations.map((location) => `${location.label} — ${location.description}`).join(' | ')}`);
    assert.match(runtimeCopy.file, /lib[\\/]text-utils-1\.0\.jar$/);
    assert.match(runtimeCopy.description, /^in the runtime flink-local of [^;]+; loads first \(parent-first pattern com\.example\.text\.\)$/);
    assert.ok(
      locations.some((location) => location.description.startsWith('on the classpath of') && /text-utils-2\.0\.jar$/.test(location.file)),
      `the job's own text-utils 2.0 is listed too: ${locations.map((location) => location.file).join(' | ')}`,
    );
  });

  it('under child-first loading (the pom names flink-child-first, unsaved): the two copies cross the boundary, no missing member', async () => {
    const text = document.getText();
    const property = text.indexOf('<jarscope.runtime>flink-local</jarscope.runtime>');
    assert.ok(property >= 0, 'the pom names flink-local');
    const start = property + '<jarscope.runtime>'.length;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(start), document.positionAt(start + 'flink-local'.length)), 'flink-child-first');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const overlap = await waitFor(
      'the child-first overlap',
      () => diagnosticsOf(uri, 'runtime-overlap').find((diagnostic) => /flink-child-first/.test(diagnostic.message)),
      () => vscode.languages.getDiagnostics(uri),
      60_000,
    );
    assert.equal(overlap.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(document.getText(overlap.range), /<artifactId>text-utils<\/artifactId>/);
    assert.deepEqual(diagnosticsOf(uri, 'runtime-missing-member'), [], 'the job loads its own text-utils 2.0, which has slugify');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const screen = await captureScreen('runtime-4-child-first', 1500);
    assert.ok(screen.text.includes('flink-child-first'), `the screen names the runtime:\n${screen.text}`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
