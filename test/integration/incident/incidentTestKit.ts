import { join } from 'node:path';
import * as vscode from 'vscode';
import type { JarscopeApi } from '../../../src/host/jarscopeApi';
import { jarscope, workspaceRoot } from '../suite/workspaceTestKit';

/** The example's pom.xml opened in an editor, with the text it had when opened. */
export interface ExamplePom {
  readonly api: JarscopeApi;
  readonly uri: vscode.Uri;
  readonly document: vscode.TextDocument;
  readonly original: string;
}

/** The example workspace's pom.xml (a fresh copy of examples/hadoop-cos-incident). */
export function examplePomUri(): vscode.Uri {
  return vscode.Uri.file(join(workspaceRoot(), 'pom.xml'));
}

/** Activates the extension and opens the example's pom.xml in an editor. */
export async function openExamplePom(): Promise<ExamplePom> {
  const api = await jarscope();
  const uri = examplePomUri();
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return { api, uri, document, original: document.getText() };
}

/** Puts the text back as it was when opened, and saves it: the next test file starts from the example as shipped. */
export async function restoreExamplePom(pom: ExamplePom): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(pom.uri, new vscode.Range(pom.document.positionAt(0), pom.document.positionAt(pom.document.getText().length)), pom.original);
  await vscode.workspace.applyEdit(edit);
  await pom.document.save();
}
