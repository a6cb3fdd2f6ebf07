import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { JarscopeApi, ViewItemSnapshot } from '../../../src/host/jarscopeApi';
import { captureScreen } from '../screen';
import { jarscope, showOnlyViews, waitFor, workspaceRoot } from './workspaceTestKit';

/** A view as indented `label — description` lines. */
function outline(items: readonly ViewItemSnapshot[], depth = 0): string[] {
  return items.flatMap((item) => [`${'  '.repeat(depth)}${item.label} — ${item.description ?? ''}`, ...outline(item.children, depth + 1)]);
}

function find(items: readonly ViewItemSnapshot[], label: string): ViewItemSnapshot | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    const inside = find(item.children, label);
    if (inside) return inside;
  }
  return undefined;
}

// A project beside the multi-module reactor (no aggregator lists it, so it is a reactor of its own) whose
// dependencies come from the class-analysis fixtures: duplicates, an excluded provider, a missing member.
const DEMO_POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example.storefront</groupId>
  <artifactId>views-demo</artifactId>
  <version>1.0</version>
  <dependencies>
    <dependency>
      <groupId>dup</groupId>
      <artifactId>left</artifactId>
      <version>1.0</version>
    </dependency>
    <dependency>
      <groupId>dup</groupId>
      <artifactId>wrapper</artifactId>
      <version>1.0</version>
    </dependency>
    <dependency>
      <groupId>ex</groupId>
      <artifactId>user</artifactId>
      <version>1.0</version>
      <exclusions>
        <exclusion>
          <groupId>ex</groupId>
          <artifactId>lib</artifactId>
        </exclusion>
      </exclusions>
    </dependency>
    <dependency>
      <groupId>mm</groupId>
      <artifactId>api</artifactId>
      <version>1.0</version>
    </dependency>
    <dependency>
      <groupId>mm</groupId>
      <artifactId>client</artifactId>
      <version>1.0</version>
    </dependency>
  </dependencies>
</project>
`;

describe('Duplicate Classes and Missing Classes views, and Show in view', function () {
  this.timeout(120_000);
  const root = workspaceRoot();
  const demoDir = join(root, 'views-demo');
  const demoPom = vscode.Uri.file(join(demoDir, 'pom.xml'));
  let api: JarscopeApi;

  before(async () => {
    api = await jarscope();
    await waitFor('the first analysis', () => api.findingsGeneration() > 0, () => api.findings());
    await api.whenAnalysed();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(demoDir, { recursive: true, force: true });
    await vscode.commands.executeCommand('jarscope.refresh');
    await api.whenAnalysed();
  });

  it('says there is nothing to show while the workspace has no duplicate or missing class', async () => {
    assert.deepEqual(api.duplicateClassesView(), []);
    assert.deepEqual(api.missingClassesView(), []);
    await showOnlyViews('jarscope.duplicateClasses', 'jarscope.missingClasses');
    const screen = await captureScreen('class-views-empty', 1500);
    assert.match(screen.text, /No class is defined by two jars of one classpath/);
    assert.match(screen.text, /Every class, field and method that the jars use is on their classpath/);
  });

  it('groups duplicate classes by set of jars and missing classes by providing artifact, live', async () => {
    const extension = vscode.extensions.getExtension('jarscope.jarscope');
    assert.ok(extension);
    cpSync(join(extension.extensionPath, 'test', 'fixtures', 'analysis', 'repo'), join(root, '.m2repo'), { recursive: true });
    mkdirSync(demoDir, { recursive: true });
    writeFileSync(demoPom.fsPath, DEMO_POM);
    await vscode.commands.executeCommand('jarscope.refresh');
    await waitFor('the duplicate classes of views-demo', () => api.duplicateClassesView().length > 0, () => api.findings().map((finding) => finding.message));
    await api.whenAnalysed();
    assert.deepEqual(outline(api.duplicateClassesView()), [
      'left-1.0.jar ↔ right-1.0.jar — 1 different, 1 identical · views-demo (compile, runtime, test)',
      '  shared.Differs — different · left-1.0.jar wins',
      '  shared.Same — identical · left-1.0.jar wins',
    ]);
    const [set] = api.duplicateClassesView();
    assert.equal(set!.contextValue, 'jarscope.duplicateSet.fixable');
    assert.match(set!.tooltip ?? '', /In classpath order:\n.*left-1\.0\.jar {2}\(wins\)\n.*right-1\.0\.jar/);
    // Selecting the set opens the pom at the <dependency> the finding is on: dup:wrapper, which brings dup:right.
    assert.equal(set!.command?.command, 'jarscope.openDeclaration');
    const [file, start, end] = set!.command.arguments;
    assert.equal(file, demoPom.fsPath);
    assert.ok(typeof start === 'number' && typeof end === 'number');
    assert.match(DEMO_POM.slice(start, end), /^<dependency>\s*<groupId>dup<\/groupId>\s*<artifactId>wrapper<\/artifactId>/);

    assert.deepEqual(outline(api.missingClassesView()), [
      'ex:lib — 1 class · 1.0 has them',
      '  ex.lib.Helper — ← ex.user.User (views-demo)',
      'Missing fields and methods — 2 members · by owner artifact',
      '  mm:api — 2 members · 2.0 has them',
      '    mm.api.Service.limit:I — ← mm.client.Client (views-demo)',
      '    mm.api.Service.stop()V — ← mm.client.Client (views-demo)',
    ]);
  });

  it('narrows both views with a filter, and clears it', async () => {
    await vscode.commands.executeCommand('jarscope.filterClassFindings', 'differs');
    try {
      assert.deepEqual(outline(api.duplicateClassesView()), [
        'left-1.0.jar ↔ right-1.0.jar — 1 different, 1 identical · views-demo (compile, runtime, test)',
        '  shared.Differs — different · left-1.0.jar wins',
      ]);
      assert.deepEqual(api.missingClassesView(), []);
      await vscode.commands.executeCommand('jarscope.filterClassFindings', 'mm:api');
      assert.deepEqual(api.duplicateClassesView(), []);
      assert.deepEqual(api.missingClassesView().map((row) => row.label), ['Missing fields and methods']);
    } finally {
      await vscode.commands.executeCommand('jarscope.clearClassFindingsFilter');
    }
    assert.equal(api.duplicateClassesView().length, 1);
    assert.equal(api.missingClassesView().length, 2);
  });

  it('copies coordinates and class names from the context menu', async () => {
    const helper = find(api.missingClassesView(), 'ex.lib.Helper');
    assert.ok(helper);
    await vscode.commands.executeCommand('jarscope.copyClassName', helper.node);
    assert.equal(await vscode.env.clipboard.readText(), 'ex.lib.Helper');
    await vscode.commands.executeCommand('jarscope.copyFindingCoordinates', find(api.missingClassesView(), 'ex:lib')!.node);
    assert.equal(await vscode.env.clipboard.readText(), 'ex:lib:1.0');
    await vscode.commands.executeCommand('jarscope.copyClassName', find(api.missingClassesView(), 'mm.api.Service.stop()V')!.node);
    assert.equal(await vscode.env.clipboard.readText(), 'mm.api.Service');
  });

  it('reveals and selects the row of a diagnostic through "Show in … view"', async () => {
    const document = await vscode.workspace.openTextDocument(demoPom);
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitFor('the duplicate-class diagnostic', () => {
      const found = vscode.languages.getDiagnostics(demoPom).filter((diagnostic) => diagnostic.code === 'duplicate-class' || diagnostic.code === 'missing-class');
      return found.length === 2 ? found : undefined;
    }, () => vscode.languages.getDiagnostics(demoPom));
    const duplicate = diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-class')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', demoPom, duplicate.range);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Exclude dup:right from dup:wrapper'), titles.join(', '));
    const show = actions.find((action) => action.title === 'Show in Duplicate Classes view');
    assert.ok(show?.command, titles.join(', '));
    assert.equal(show.kind?.value, 'jarscope.revealInView');
    await vscode.commands.executeCommand(show.command.command, ...((show.command.arguments ?? []) as unknown[]));
    assert.deepEqual(api.classViewSelection().duplicateClasses, ['left-1.0.jar ↔ right-1.0.jar']);

    const missing = diagnostics.find((diagnostic) => diagnostic.code === 'missing-class')!;
    const missingActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', demoPom, missing.range);
    const showMissing = missingActions.find((action) => action.title === 'Show in Missing Classes view');
    assert.ok(showMissing?.command, missingActions.map((action) => action.title).join(', '));
    await vscode.commands.executeCommand(showMissing.command.command, ...((showMissing.command.arguments ?? []) as unknown[]));
    assert.deepEqual(api.classViewSelection().missingClasses, ['ex.lib.Helper']);
    // Both views expanded, the revealed rows selected.
    await showOnlyViews('jarscope.duplicateClasses', 'jarscope.missingClasses');
    const screen = await captureScreen('class-views-revealed', 1500);
    assert.match(screen.text, /Duplicate Classes/);
    assert.match(screen.text, /left-1\.0\.jar ↔ right-1\.0\.jar/);
    assert.match(screen.text, /shared\.Differs/);
    assert.match(screen.text, /ex\.lib\.Helper/);

    vscode.window.activeTextEditor!.selection = new vscode.Selection(duplicate.range.start, duplicate.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    const menu = await captureScreen('show-in-view-action', 1500);
    await vscode.commands.executeCommand('hideCodeActionWidget');
    assert.match(menu.text, /Show in Duplicate Classes view/);
  });

  it('leaves out the findings whose code the settings turn off', async () => {
    const config = vscode.workspace.getConfiguration('jarscope');
    await config.update('severity.missing-member', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the view without missing members', () => find(api.missingClassesView(), 'Missing fields and methods') === undefined, () => outline(api.missingClassesView()));
      assert.ok(find(api.missingClassesView(), 'ex:lib'));
    } finally {
      await config.update('severity.missing-member', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the missing members back', () => find(api.missingClassesView(), 'Missing fields and methods') !== undefined, () => outline(api.missingClassesView()));
  });

  it('applies a row\'s fix as one undoable edit, and the views follow', async () => {
    const set = api.duplicateClassesView()[0]!;
    const before = api.findingsGeneration();
    assert.equal(await vscode.commands.executeCommand('jarscope.applyFindingFix', set.node, 'Exclude dup:right from dup:wrapper'), true);
    const document = await vscode.workspace.openTextDocument(demoPom);
    assert.match(document.getText(), /<artifactId>wrapper<\/artifactId>\s*<version>1\.0<\/version>\s*<exclusions>\s*<exclusion>\s*<groupId>dup<\/groupId>\s*<artifactId>right<\/artifactId>/);
    await waitFor('the views without the duplicate', () => api.findingsGeneration() > before && api.duplicateClassesView().length === 0, () => api.duplicateClassesView());
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), DEMO_POM, 'one undo reverts the whole fix');
    await waitFor('the duplicate back in the view', () => api.duplicateClassesView().length === 1, () => api.duplicateClassesView());
    await document.save();
  });
});
