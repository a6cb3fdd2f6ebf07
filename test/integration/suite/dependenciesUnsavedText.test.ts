import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { JarscopeApi, ViewItemSnapshot } from '../../../src/host/jarscopeApi';
import { jarscope, waitFor, workspaceRoot } from './workspaceTestKit';

function rowsOf(api: JarscopeApi, moduleName: string): string[] {
  const outline = (items: readonly ViewItemSnapshot[], depth: number): string[] =>
    items.flatMap((item) => [`${'  '.repeat(depth)}${item.label} — ${item.description ?? ''}`, ...outline(item.children, depth + 1)]);
  return outline(api.dependenciesView().find((item) => item.label === moduleName)?.children ?? [], 0);
}

async function replaceText(document: vscode.TextDocument, search: string, replacement: string): Promise<void> {
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `${search} is in ${document.uri.fsPath}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length)), replacement);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
}

/** The Dependencies view follows the text being typed, like the findings: the unsaved pom, not the file. */
describe('the Dependencies view on unsaved pom text', function () {
  this.timeout(90_000);
  const uri = vscode.Uri.file(join(workspaceRoot(), 'catalog-api', 'pom.xml'));
  const logApi2 = `    <dependency>
      <groupId>org.example.libs</groupId>
      <artifactId>log-api</artifactId>
      <version>2.0</version>
    </dependency>
`;
  let api: JarscopeApi;
  let document: vscode.TextDocument;
  let original: string;

  before(async () => {
    api = await jarscope();
    document = await vscode.workspace.openTextDocument(uri);
    original = document.getText();
    await vscode.window.showTextDocument(document);
    await waitFor('the first resolution', () => api.resolutionGeneration() > 0, () => api.dependenciesView());
    await api.whenResolved();
  });

  after(async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    await vscode.workspace.applyEdit(edit);
    await document.save();
    await api.whenResolved();
  });

  it('resolves the edited text before it is saved, and again when the edit is undone', async () => {
    await waitFor('catalog-api with its direct log-api 2.0', () => rowsOf(api, 'catalog-api').includes('log-api — 2.0 · compile'), () => api.dependenciesView().map((row) => row.label));
    let before = api.resolutionGeneration();
    await replaceText(document, logApi2, '');
    assert.equal(document.isDirty, true, 'the edit is not saved');
    await waitFor('a resolution of the edit', () => api.resolutionGeneration() > before, () => api.resolutionGeneration());
    await api.whenResolved();
    // Without the direct log-api 2.0, the transitive 1.0 is no longer omitted: it is on the classpath.
    assert.deepEqual(rowsOf(api, 'catalog-api'), [
      'http-client — 1.0 · compile',
      '  json-kit — 1.5 · compile — version managed from 1.0 by com.example.storefront:storefront-parent:2.4.0',
      '  log-api — 1.0 · compile',
    ]);

    before = api.resolutionGeneration();
    await replaceText(document, '  </dependencies>', `${logApi2}  </dependencies>`);
    await waitFor('a resolution of the restored text', () => api.resolutionGeneration() > before, () => api.resolutionGeneration());
    await api.whenResolved();
    assert.ok(rowsOf(api, 'catalog-api').includes('log-api — 2.0 · compile'), rowsOf(api, 'catalog-api').join('\n'));
    assert.ok(rowsOf(api, 'catalog-api').includes('  log-api — 1.0 · compile — omitted for conflict with 2.0'), rowsOf(api, 'catalog-api').join('\n'));
  });

  it('marks catalog-web skipped by Maven while catalog-api, which it depends on, cannot resolve', async () => {
    const webRow = () => api.dependenciesView().find((item) => item.label === 'catalog-web');
    assert.doesNotMatch(webRow()?.description ?? '', /skipped/);
    let before = api.resolutionGeneration();
    // No version of log-api is in [9.0,): Maven fails catalog-api, and with --fail-at-end skips catalog-web.
    await replaceText(document, '<version>2.0</version>', '<version>[9.0,)</version>');
    await waitFor('a resolution of the edit', () => api.resolutionGeneration() > before, () => api.resolutionGeneration());
    await api.whenResolved();
    assert.match(webRow()?.description ?? '', /· skipped by Maven$/);
    assert.match(webRow()?.tooltip ?? '', /Maven skips this module: it depends on com\.example\.storefront:catalog-api:2\.4\.0 \(catalog-api\), which failed/);
    assert.ok((webRow()?.children.length ?? 0) > 0, 'its tree is still shown');

    before = api.resolutionGeneration();
    await replaceText(document, '<version>[9.0,)</version>', '<version>2.0</version>');
    await waitFor('a resolution of the restored text', () => api.resolutionGeneration() > before, () => api.resolutionGeneration());
    await api.whenResolved();
    assert.doesNotMatch(webRow()?.description ?? '', /skipped/);
  });
});
