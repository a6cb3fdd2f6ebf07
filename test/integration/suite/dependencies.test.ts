import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { JarscopeApi, ViewItemSnapshot } from '../../../src/host/jarscopeApi';
import { captureScreen } from '../screen';
import { jarscope, showOnlyViews, waitFor, workspaceRoot } from './workspaceTestKit';

/** A view as indented `label — description` lines. */
function outline(items: readonly ViewItemSnapshot[], depth = 0): string[] {
  return items.flatMap((item) => [`${'  '.repeat(depth)}${item.label} — ${item.description ?? ''}`, ...outline(item.children, depth + 1)]);
}

function moduleRows(api: JarscopeApi, name: string): string[] {
  const module = api.dependenciesView().find((item) => item.label === name);
  return module ? outline(module.children) : [];
}

async function replaceAndSave(document: vscode.TextDocument, search: string, replacement: string): Promise<void> {
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `${search} is in ${document.uri.fsPath}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length)), replacement);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
  // The web workbench now and then refuses a save right after an edit.
  for (let attempt = 0; attempt < 5 && document.isDirty; attempt++) {
    if (await document.save()) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.equal(document.isDirty, false, `${document.uri.fsPath} was saved`);
}

/** The Markdown of the hovers at the first occurrence of `search` (plus `shift` characters) in a pom. */
async function hoverText(uri: vscode.Uri, search: string, shift = 1): Promise<string> {
  const document = await vscode.workspace.openTextDocument(uri);
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `${search} is in ${uri.fsPath}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(offset + shift));
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}


/** Runs the "Show in … view" action titled `title` of the diagnostic with `code` whose message mentions `text`. */
async function runShowInView(uri: vscode.Uri, code: string, text: string, title: string): Promise<void> {
  // Code actions are asked of an open document.
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const diagnostic = await waitFor(
    `the ${text} ${code} diagnostic`,
    () => vscode.languages.getDiagnostics(uri).find((candidate) => candidate.code === code && candidate.message.includes(text)),
    () => vscode.languages.getDiagnostics(uri),
  );
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action?.command, `${title} among: ${actions.map((candidate) => candidate.title).join(', ')}`);
  await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
}

/** Errors and warnings only: the class analysis also reports information (e.g. a version conflict) here. */
function problemsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error || diagnostic.severity === vscode.DiagnosticSeverity.Warning);
}

describe('Dependencies and Conflicts views, pom hovers and resolution diagnostics', function () {
  this.timeout(90_000);
  const root = workspaceRoot();
  const pom = (...segments: string[]): vscode.Uri => vscode.Uri.file(join(root, ...segments, 'pom.xml'));
  let api: JarscopeApi;

  before(async () => {
    api = await jarscope();
    await waitFor('the first resolution', () => api.resolutionGeneration() > 0, () => api.dependenciesView());
    await api.whenResolved();
  });

  it('shows each module\'s resolved tree, with the loser omitted for conflict and the managed version', async () => {
    assert.deepEqual(moduleRows(api, 'catalog-api'), [
      'http-client — 1.0 · compile',
      '  json-kit — 1.5 · compile — version managed from 1.0 by com.example.storefront:storefront-parent:2.4.0',
      '  log-api — 1.0 · compile — omitted for conflict with 2.0',
      'log-api — 2.0 · compile',
    ]);
    assert.deepEqual(moduleRows(api, 'catalog-web'), [
      'catalog-api — 2.4.0 · compile',
      '  http-client — 1.0 · compile',
      '    json-kit — 1.5 · compile — omitted for duplicate — version managed from 1.0 by com.example.storefront:storefront-parent:2.4.0',
      '    log-api — 1.0 · compile — omitted for conflict with 2.0',
      '  log-api — 2.0 · compile',
      'json-kit — 1.5 · compile',
      'ghost-lib — 0.9 · compile — pom missing from the local repository',
    ]);
    const labels = api.dependenciesView().map((item) => item.label);
    assert.deepEqual([...labels].sort(), ['billing-service', 'broken-module', 'catalog-api', 'catalog-web', 'shipping-service', 'storefront-parent', 'storefront-services']);
    const broken = api.dependenciesView().find((item) => item.label === 'broken-module');
    assert.deepEqual([broken?.description, broken?.children.length], ['not resolved: the pom has errors', 0]);
    const managed = api.dependenciesView().find((item) => item.label === 'catalog-api')?.children[0]?.children[0];
    assert.equal(managed?.contextValue, 'jarscope.dependency.managed');
    // A transitive node opens the module's direct <dependency> that brings it in.
    assert.equal(managed?.command?.command, 'jarscope.openDeclaration');
    await vscode.commands.executeCommand(managed.command.command, ...managed.command.arguments);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, pom('catalog-api').fsPath);
    assert.match(editor.document.getText(editor.selection), /^<dependency>\s*<groupId>org\.example\.libs<\/groupId>\s*<artifactId>http-client<\/artifactId>/);

    // The context menu of a managed node: its coordinates, and the dependencyManagement entry.
    await vscode.commands.executeCommand('jarscope.copyCoordinates', managed.node);
    assert.equal(await vscode.env.clipboard.readText(), 'org.example.libs:json-kit:1.5');
    await vscode.commands.executeCommand('jarscope.openManagingEntry', managed.node);
    const managing = vscode.window.activeTextEditor;
    assert.equal(managing?.document.uri.fsPath, pom().fsPath);
    assert.match(managing.document.getText(managing.selection), /^<dependency>\s*<groupId>org\.example\.libs<\/groupId>\s*<artifactId>json-kit<\/artifactId>\s*<version>1\.5<\/version>/);

    await vscode.commands.executeCommand('jarscope.filterDependencies', 'log-api');
    assert.deepEqual(moduleRows(api, 'catalog-api'), [
      'http-client — 1.0 · compile',
      '  log-api — 1.0 · compile — omitted for conflict with 2.0',
      'log-api — 2.0 · compile',
    ]);
    await showOnlyViews('jarscope.dependencies');
    const screen = await captureScreen('dependencies-view', 1500);
    const text = screen.text.replace(/\u00a0/g, ' ');
    for (const shown of ['DEPENDENCIES', 'catalog-api', 'log-api', 'omitted for conflict with 2.0']) {
      assert.ok(text.toUpperCase().includes(shown.toUpperCase()), `the screen shows ${shown}; it shows:\n${screen.text}`);
    }
    await vscode.commands.executeCommand('jarscope.clearDependencyFilter');
    assert.equal(moduleRows(api, 'catalog-api').length, 4);
  });

  it('lists each conflicting artifact in the Conflicts view with its requested versions, winner and paths', async () => {
    const logApi = api.conflictsView().find((item) => item.label === 'org.example.libs:log-api');
    assert.ok(logApi, `log-api is listed; the view has ${JSON.stringify(outline(api.conflictsView()))}`);
    assert.equal(logApi.description, '2.0 wins · requested 1.0, 2.0');
    assert.deepEqual(outline(logApi.children), [
      '1.0 — omitted · 2 paths',
      '  catalog-api: http-client:1.0 → log-api:1.0 — omitted for conflict with 2.0',
      '  catalog-web: catalog-api:2.4.0 → http-client:1.0 → log-api:1.0 — omitted for conflict with 2.0',
      '2.0 — winner · 2 paths',
      '  catalog-api: log-api:2.0 — ',
      '  catalog-web: catalog-api:2.4.0 → log-api:2.0 — ',
    ]);
    // json-kit 1.0 did not lose to a nearer declaration: the root's dependencyManagement replaced it.
    const jsonKit = api.conflictsView().find((item) => item.label === 'org.example.libs:json-kit');
    assert.deepEqual(jsonKit?.children.map((item) => `${item.label} — ${item.description ?? ''}`), ['1.0 — managed to 1.5 · 2 paths', '1.5 — winner · 1 path']);
    await showOnlyViews('jarscope.conflicts');
    const screen = await captureScreen('conflicts-view', 1500);
    for (const shown of ['CONFLICTS', 'log-api', '2.0 wins']) {
      assert.ok(screen.text.toUpperCase().includes(shown.toUpperCase()), `the screen shows ${shown}; it shows:\n${screen.text}`);
    }
  });

  it('reveals and selects the conflict and the omitted node of a version-conflict diagnostic through "Show in … view"', async () => {
    // The command returns once the row is selected, also in a view that was never open before.
    await runShowInView(pom('catalog-api'), 'version-conflict', 'log-api', 'Show in Conflicts view');
    assert.deepEqual(api.resolutionViewSelection().conflicts, ['org.example.libs:log-api — 2.0 wins · requested 1.0, 2.0']);

    // The diagnostic is on http-client, which brings the omitted log-api 1.0: that node is revealed (its
    // parent collapsed), even through a filter that hides it (the filter is cleared).
    await showOnlyViews('jarscope.dependencies');
    await vscode.commands.executeCommand('jarscope.filterDependencies', 'json-kit');
    await runShowInView(pom('catalog-api'), 'version-conflict', 'log-api', 'Show in Dependencies view');
    assert.deepEqual(api.resolutionViewSelection().dependencies, ['log-api — 1.0 · compile — omitted for conflict with 2.0']);
    const selected = api.dependenciesView().find((item) => item.label === 'catalog-api')?.children.find((item) => item.label === 'http-client')?.children.find((item) => item.label === 'log-api');
    assert.ok(selected, 'the row is in catalog-api under http-client');
    const screen = await captureScreen('show-in-dependencies-view', 1500);
    const text = screen.text.replace(/\u00a0/g, ' ');
    for (const shown of ['DEPENDENCIES', 'catalog-api', 'http-client', 'omitted for conflict with 2.0']) {
      assert.ok(text.toUpperCase().includes(shown.toUpperCase()), `the screen shows ${shown}; it shows:\n${screen.text}`);
    }
    await showOnlyViews('jarscope.conflicts', 'jarscope.dependencies');
    const both = await captureScreen('show-in-conflicts-and-dependencies-views', 1500);
    assert.ok(both.text.includes('2.0 wins'), `the Conflicts view shows its row; the screen shows:\n${both.text}`);

    // An artifact missing from the local repository: its node in the module that needs it.
    await runShowInView(pom('catalog-web'), 'unresolved-artifact', 'ghost-lib', 'Show in Dependencies view');
    assert.deepEqual(api.resolutionViewSelection().dependencies, ['ghost-lib — 0.9 · compile — pom missing from the local repository']);
  });

  it('explains a managed dependency, a dependency that wins a conflict, and <parent> in hovers', async () => {
    const managed = await hoverText(pom('catalog-web'), '<artifactId>json-kit</artifactId>');
    assert.match(managed, /org\.example\.libs:json-kit:1\.5.*compile/);
    assert.match(managed, /Version 1\.5 managed from \[com\.example\.storefront:storefront-parent:2\.4\.0\]\(command:jarscope\.openDeclaration/);
    assert.match(managed, /Also requested: 1\.0 via catalog-api:2\.4\.0 → http-client:1\.0 → json-kit:1\.5 — omitted for duplicate/);

    const winner = await hoverText(pom('catalog-api'), '<version>2.0</version>');
    assert.match(winner, /Resolved version 2\.0: a direct dependency is nearest, so it wins/);
    assert.match(winner, /Also requested: 1\.0 via http-client:1\.0 → log-api:1\.0 — omitted for conflict with 2\.0/);

    const parent = await hoverText(pom('catalog-api'), '<parent>');
    assert.match(parent, /Parent com\.example\.storefront:storefront-parent:2\.4\.0/);
    assert.ok(parent.includes(pom().fsPath), parent);

    const management = await hoverText(pom(), '<artifactId>json-kit</artifactId>');
    assert.match(management, /catalog-api: http-client:1\.0 → json-kit:1\.5 \(version 1\.0 → 1\.5\)/);

    // What a person sees: the hover over the managed dependency in the editor.
    const document = await vscode.workspace.openTextDocument(pom('catalog-web'));
    const editor = await vscode.window.showTextDocument(document);
    const at = document.positionAt(document.getText().indexOf('<artifactId>json-kit</artifactId>') + 14);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.showHover');
    const screen = await captureScreen('managed-dependency-hover', 1500);
    for (const shown of ['org.example.libs:json-kit:1.5', 'managed from', 'com.example.storefront:storefront-parent:2.4.0']) {
      assert.ok(screen.text.includes(shown), `the hover shows ${shown}; the screen shows:\n${screen.text}`);
    }
  });

  it('puts a missing artifact\'s problem on the <dependency> that brings it in', async () => {
    const uri = pom('catalog-web');
    const diagnostic = await waitFor(
      'the missing-pom diagnostic',
      () => vscode.languages.getDiagnostics(uri).find((candidate) => candidate.code === 'missing-pom'),
      () => vscode.languages.getDiagnostics(uri),
    );
    assert.equal(diagnostic.source, 'Jarscope');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /The POM for org\.example\.libs:ghost-lib:jar:0\.9 is missing/);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.getText(diagnostic.range), /^<dependency>\s*<groupId>org\.example\.libs<\/groupId>\s*<artifactId>ghost-lib<\/artifactId>[\s\S]*<\/dependency>$/);
    assert.deepEqual(problemsOf(pom('catalog-api')), [], 'catalog-api resolves without problems');
  });

  it('updates the views after a version is edited in a pom', async () => {
    const document = await vscode.workspace.openTextDocument(pom('catalog-api'));
    const before = api.resolutionGeneration();
    await replaceAndSave(document, '<version>2.0</version>', '<version>1.0</version>');
    try {
      await waitFor('a new resolution', () => api.resolutionGeneration() > before, () => api.resolutionGeneration());
      await api.whenResolved();
      await waitFor(
        'log-api 1.0 everywhere',
        () => moduleRows(api, 'catalog-api').includes('  log-api — 1.0 · compile — omitted for duplicate'),
        () => moduleRows(api, 'catalog-api'),
      );
      assert.equal(api.conflictsView().find((item) => item.label === 'org.example.libs:log-api'), undefined, 'no conflict is left on log-api');
    } finally {
      await replaceAndSave(document, '<version>1.0</version>\n    </dependency>\n  </dependencies>', '<version>2.0</version>\n    </dependency>\n  </dependencies>');
    }
    await waitFor(
      'the conflict to come back',
      () => api.conflictsView().some((item) => item.label === 'org.example.libs:log-api'),
      () => outline(api.conflictsView()),
    );
  });

  it('resolves again with the local repository a setting names', async () => {
    const uri = pom('catalog-api');
    const config = vscode.workspace.getConfiguration('jarscope.maven', uri);
    await config.update('localRepository', 'no-such-repository', vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      const missing = await waitFor(
        'missing poms in catalog-api',
        () => {
          const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.code === 'missing-pom');
          return found.length === 2 ? found : undefined;
        },
        () => vscode.languages.getDiagnostics(uri),
      );
      assert.deepEqual(
        missing.map((diagnostic) => /The POM for org\.example\.libs:([\w-]+)/.exec(diagnostic.message)?.[1]),
        ['http-client', 'log-api'],
      );
    } finally {
      await config.update('localRepository', '.m2repo', vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitFor('catalog-api to resolve again', () => problemsOf(uri).length === 0, () => vscode.languages.getDiagnostics(uri));
    assert.equal(moduleRows(api, 'catalog-api').length, 4);
  });
});
