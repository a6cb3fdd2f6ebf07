import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { JarscopeApi, ProjectModelSnapshot, ViewItemSnapshot } from '../../../src/host/jarscopeApi';
import { captureScreen } from '../screen';
import { jarscope, showOnlyViews, waitFor, workspaceRoot } from './workspaceTestKit';

/** The view as indented `label — description` lines. */
function outline(items: readonly ViewItemSnapshot[], depth = 0): string[] {
  return items.flatMap((item) => [`${'  '.repeat(depth)}${item.label} — ${item.description ?? ''}`, ...outline(item.children, depth + 1)]);
}

function artifactIds(model: ProjectModelSnapshot): string[] {
  return model.modules.map((module) => module.artifactId ?? `<${module.status}>`).sort();
}

async function replaceInDocument(document: vscode.TextDocument, search: string, replacement: string): Promise<void> {
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `${search} is in ${document.uri.fsPath}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length)), replacement);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Saves the document; the web workbench now and then refuses a save right after an edit, so it retries. */
async function save(document: vscode.TextDocument): Promise<void> {
  for (let attempt = 0; attempt < 5 && document.isDirty; attempt++) {
    if (await document.save()) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.equal(document.isDirty, false, `${document.uri.fsPath} was saved`);
}

describe('Maven Projects view', function () {
  this.timeout(90_000);
  const root = workspaceRoot();
  const pom = (...segments: string[]): string => join(root, ...segments, 'pom.xml');
  const brokenPom = vscode.Uri.file(pom('broken-module'));
  let api: JarscopeApi;

  before(async () => {
    api = await jarscope();
    await waitFor('the first scan', () => api.projectModel().scanned, () => api.projectModel());
    await api.whenIdle();
  });

  it('lists the modules as aggregator -> modules, with inherited coordinates and the broken pom', async () => {
    const model = api.projectModel();
    assert.deepEqual(model.folders, [root]);
    assert.deepEqual(model.roots, [pom()]);
    assert.deepEqual(artifactIds(model), [
      '<malformed>',
      'billing-service',
      'catalog-api',
      'catalog-web',
      'shipping-service',
      'storefront-parent',
      'storefront-services',
    ]);
    const api2 = model.modules.find((module) => module.pomPath === pom('catalog-api'));
    assert.deepEqual([api2?.groupId, api2?.version, api2?.packaging], ['com.example.storefront', '2.4.0', 'jar']);
    assert.deepEqual(outline(api.mavenProjectsView()), [
      'storefront-parent — 2.4.0 · pom',
      '  catalog-api — 2.4.0 · jar',
      '  catalog-web — 2.4.0 · war',
      '  storefront-services — 2.4.0 · pom',
      '    billing-service — 2.4.0 · jar',
      '    shipping-service — 2.4.0 · jar',
      '  broken-module — XML error at line 11',
    ]);
    const broken = api.mavenProjectsView()[0]?.children.find((item) => item.label === 'broken-module');
    assert.equal(broken?.contextValue, 'jarscope.brokenPom');
    // The tooltip is Markdown: appended text has its spaces and punctuation escaped.
    const tooltipText = (broken?.tooltip ?? '').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(tooltipText, /line 11, column 22:\s+Expected closing tag 'name' \(opened in line 11, col 3\)/);

    await showOnlyViews('jarscope.mavenProjects');
    const screen = await captureScreen('maven-projects-view');
    for (const name of ['MAVEN PROJECTS', 'storefront-parent', 'catalog-api', 'catalog-web', 'storefront-services', 'billing-service', 'shipping-service', 'broken-module']) {
      assert.ok(screen.text.toUpperCase().includes(name.toUpperCase()), `the screen shows ${name}; it shows:\n${screen.text}`);
    }
  });

  it('logs each scan to the Jarscope log: folders, poms, warnings and milliseconds', async () => {
    await vscode.commands.executeCommand('jarscope.refresh');
    api.showLog();
    const screen = await captureScreen('jarscope-log', 1500);
    // The Output panel is an editor: it wraps long lines and renders spaces as no-break spaces.
    const text = screen.text.replace(/\n/g, '').replace(/\u00a0/g, ' ');
    assert.match(text, /Scanned 1 workspace folder\(s\) \[[^\]]*multi-module\]: 7 pom\.xml, 1 unreadable or not well-formed, 0 warning\(s\), in \d+ ms/, screen.text);
    assert.match(text, /broken-module\/pom\.xml: not well-formed XML at line 11, column 22/);
  });

  it('puts an Error diagnostic at the XML error of the broken pom and shows it in the Problems panel', async () => {
    const diagnostics = await waitFor(
      'the pom-error diagnostic',
      () => {
        const found = vscode.languages.getDiagnostics(brokenPom).filter((diagnostic) => diagnostic.code === 'pom-error');
        return found.length > 0 ? found : undefined;
      },
      () => vscode.languages.getDiagnostics(brokenPom),
    );
    assert.equal(diagnostics.length, 1);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic?.source, 'Jarscope');
    // `</nme>` on line 11, column 22 (1-based) of broken-module/pom.xml.
    assert.deepEqual([diagnostic?.range.start.line, diagnostic?.range.start.character], [10, 21]);
    const document = await vscode.workspace.openTextDocument(brokenPom);
    assert.equal(document.getText(diagnostic?.range), '</nme>');
    assert.match(diagnostic?.message ?? '', /Expected closing tag 'name'/);
    assert.equal(api.projectModel().modules.filter((module) => module.status === 'parsed').length, 6, 'the other poms are still read');

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const screen = await captureScreen('problems-panel');
    assert.match(screen.text, /not well-formed XML: Expected closing tag 'name'/, `the Problems panel shows the error; it shows:\n${screen.text}`);
    assert.match(screen.text, /broken-module/);
  });

  it('opens the pom of a clicked item, at the XML error for a broken one', async () => {
    const broken = api.mavenProjectsView()[0]?.children.find((item) => item.label === 'broken-module');
    assert.equal(broken?.command?.command, 'jarscope.openPom');
    await vscode.commands.executeCommand(broken.command.command, ...broken.command.arguments);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, brokenPom.fsPath);
    assert.deepEqual([editor?.selection.start.line, editor?.selection.start.character], [10, 21]);

    const billing = api.mavenProjectsView()[0]?.children.find((item) => item.label === 'storefront-services')?.children[0];
    assert.equal(billing?.label, 'billing-service');
    assert.ok(billing?.command);
    await vscode.commands.executeCommand(billing.command.command, ...billing.command.arguments);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, pom('services', 'billing-service'));
  });

  it('reports a failing command once, as an error message, without throwing', async () => {
    const result: unknown = await vscode.commands.executeCommand('jarscope.openPom', 'not a uri');
    assert.equal(result, undefined);
    await vscode.commands.executeCommand('notifications.showList');
    const screen = await captureScreen('command-error-notification');
    // Each notification is one line in the list (screen readers get another copy, prefixed "Error: ").
    const shown = screen.text.split('\n').filter((line) => line.trim() === 'Jarscope: Open pom.xml needs the pom to open').length;
    assert.equal(shown, 1, `one error message; the screen shows:\n${screen.text}`);
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('notifications.hideList');
  });

  it('follows an unsaved edit of a pom, debounced, and keeps it after saving', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(pom('catalog-api')));
    await vscode.window.showTextDocument(document);
    await replaceInDocument(document, '<artifactId>catalog-api</artifactId>', '<artifactId>catalog-api-v2</artifactId>');
    assert.equal(document.isDirty, true);
    await waitFor('the renamed module in the model', () => artifactIds(api.projectModel()).includes('catalog-api-v2'), () => artifactIds(api.projectModel()));
    assert.ok(outline(api.mavenProjectsView()).includes('  catalog-api-v2 — 2.4.0 · jar'));
    assert.equal(document.isDirty, true, 'the model followed the unsaved text');

    await save(document);
    await api.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 600));
    await api.whenIdle();
    assert.ok(artifactIds(api.projectModel()).includes('catalog-api-v2'));
    assert.ok(!artifactIds(api.projectModel()).includes('catalog-api'));
  });

  it('reads one edit after a pause at once, and the edits typed right after it once the typing pauses', async () => {
    const settings = vscode.workspace.getConfiguration('jarscope');
    // A pause longer than waiting for the first edit: read by then, it was read without waiting for a pause.
    const pauseMs = 8_000;
    await settings.update('debounceMs', pauseMs, vscode.ConfigurationTarget.Workspace);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(pom('catalog-web')));
    const artifactId = (): string | undefined => api.projectModel().modules.find((module) => module.pomPath === document.uri.fsPath)?.artifactId;
    try {
      await api.whenIdle();
      // No edit of any pom for a whole pause (the tests before edit poms).
      await delay(pauseMs);
      await replaceInDocument(document, '<artifactId>catalog-web</artifactId>', '<artifactId>catalog-web-1</artifactId>');
      await waitFor('the first edit read', () => artifactId() === 'catalog-web-1', () => artifactId(), pauseMs / 2);
      // Typed right after it: read once the typing pauses, not before.
      await replaceInDocument(document, '<artifactId>catalog-web-1</artifactId>', '<artifactId>catalog-web-2</artifactId>');
      await delay(1_000);
      assert.equal(artifactId(), 'catalog-web-1', 'the second edit waits for the pause');
    } finally {
      // A new pause applies to the edit waiting: it is read now.
      await settings.update('debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the second edit read', () => artifactId() === 'catalog-web-2', () => artifactId());
    await replaceInDocument(document, '<artifactId>catalog-web-2</artifactId>', '<artifactId>catalog-web</artifactId>');
    await save(document);
    await waitFor('the restored pom read', () => artifactId() === 'catalog-web', () => artifactId());
    await api.whenAnalysed();
  });

  it('reads a pom opened right after it changed on disk at once, not after the pause the change waits for', async () => {
    const settings = vscode.workspace.getConfiguration('jarscope');
    const pauseMs = 8_000;
    await settings.update('debounceMs', pauseMs, vscode.ConfigurationTarget.Workspace);
    const path = pom('services', 'shipping-service');
    const original = readFileSync(path, 'utf8');
    const artifactId = (): string | undefined => api.projectModel().modules.find((module) => module.pomPath === path)?.artifactId;
    try {
      await api.whenIdle();
      writeFileSync(path, original.replace('<artifactId>shipping-service</artifactId>', '<artifactId>shipping-service-opened</artifactId>'));
      // The watcher's report of the write has come by now, and waits for the pause.
      await delay(1_500);
      assert.equal(artifactId(), 'shipping-service', 'the change on disk waits for the pause');
      await vscode.workspace.openTextDocument(vscode.Uri.file(path));
      await waitFor('the opened pom read', () => artifactId() === 'shipping-service-opened', () => artifactId(), pauseMs / 2);
    } finally {
      writeFileSync(path, original);
      await settings.update('debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the restored pom read', () => artifactId() === 'shipping-service', () => artifactId());
    await api.whenAnalysed();
  });

  it('starts no analysis again when a scan finds nothing changed', async () => {
    await api.whenAnalysed();
    const generation = api.projectModel().generation;
    const findingsGeneration = api.findingsGeneration();
    // Under target/, where scans do not look: the watcher's report of it asks for a scan that finds what is known.
    const ignored = join(root, 'catalog-web', 'target', 'pom.xml');
    mkdirSync(join(root, 'catalog-web', 'target'), { recursive: true });
    try {
      writeFileSync(ignored, readFileSync(pom('catalog-web')));
      await delay(1_500);
      await api.whenAnalysed();
      assert.equal(api.projectModel().generation, generation, 'the workspace state is the same');
      assert.equal(api.findingsGeneration(), findingsGeneration, 'no new analysis');
    } finally {
      rmSync(join(root, 'catalog-web', 'target'), { recursive: true, force: true });
    }
  });

  it('adds a module when its pom is created and removes it when the pom is deleted', async () => {
    const services = await vscode.workspace.openTextDocument(vscode.Uri.file(pom('services')));
    await replaceInDocument(services, '<module>shipping-service</module>', '<module>shipping-service</module>\n    <module>audit-service</module>');
    await save(services);
    const missing = await waitFor(
      'the dangling module warning',
      () => api.projectModel().modules.find((module) => module.pomPath === pom('services'))?.problems.find((problem) => problem.code === 'module-not-found'),
      () => api.projectModel(),
    );
    assert.match(missing.message, /audit-service/);
    const servicesUri = vscode.Uri.file(pom('services'));
    const warning = await waitFor(
      'a Warning on the dangling <module>',
      () => vscode.languages.getDiagnostics(servicesUri).find((diagnostic) => diagnostic.code === 'module-not-found'),
      () => vscode.languages.getDiagnostics(servicesUri),
    );
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(services.getText(warning.range), '<module>audit-service</module>');
    const problemItem = api.mavenProjectsView()[0]?.children.find((item) => item.label === 'storefront-services')?.children[0];
    assert.equal(problemItem?.contextValue, 'jarscope.problem');
    assert.match(problemItem?.label ?? '', /Module 'audit-service' points nowhere/);

    const auditPom = vscode.Uri.file(pom('services', 'audit-service'));
    const billing = await vscode.workspace.fs.readFile(vscode.Uri.file(pom('services', 'billing-service')));
    const text = new TextDecoder().decode(billing).replace('billing-service', 'audit-service');
    await vscode.workspace.fs.writeFile(auditPom, new TextEncoder().encode(text));
    await waitFor(
      'the created module under its aggregator',
      () => api.projectModel().modules.find((module) => module.pomPath === pom('services'))?.modules.includes(auditPom.fsPath),
      () => api.projectModel(),
    );
    const servicesItem = api.mavenProjectsView()[0]?.children.find((item) => item.label === 'storefront-services');
    assert.deepEqual(servicesItem?.children.map((item) => item.label), ['billing-service', 'shipping-service', 'audit-service']);
    await waitFor('the dangling-module warning to clear', () => vscode.languages.getDiagnostics(servicesUri).length === 0, () => vscode.languages.getDiagnostics(servicesUri));
    await showOnlyViews('jarscope.mavenProjects');
    const screen = await captureScreen('maven-projects-view-created-module');
    assert.ok(screen.text.includes('audit-service'), `the screen shows audit-service; it shows:\n${screen.text}`);

    await vscode.workspace.fs.delete(auditPom);
    await waitFor(
      'the deleted module to disappear',
      () => !api.projectModel().modules.some((module) => module.pomPath === auditPom.fsPath),
      () => api.projectModel(),
    );
    assert.ok(api.projectModel().modules.find((module) => module.pomPath === pom('services'))?.problems.some((p) => p.code === 'module-not-found'));
  });

  it('clears the diagnostic once the broken pom is fixed', async () => {
    const document = await vscode.workspace.openTextDocument(brokenPom);
    await vscode.window.showTextDocument(document);
    await replaceInDocument(document, '</nme>', '</name>');
    await waitFor('the diagnostic to clear', () => vscode.languages.getDiagnostics(brokenPom).length === 0, () => vscode.languages.getDiagnostics(brokenPom));
    const fixed = api.projectModel().modules.find((module) => module.pomPath === brokenPom.fsPath);
    assert.deepEqual([fixed?.status, fixed?.artifactId, fixed?.version], ['parsed', 'broken-module', '2.4.0']);
    assert.ok(outline(api.mavenProjectsView()).includes('  broken-module — 2.4.0 · jar'));
    await save(document);
  });
});
