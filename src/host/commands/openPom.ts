import * as vscode from 'vscode';
import type { TextRange } from '../../core/pom/xmlTree';

function isTextRange(value: unknown): value is TextRange {
  return typeof value === 'object' && value !== null && typeof (value as TextRange).start === 'number' && typeof (value as TextRange).end === 'number';
}

/** `jarscope.openPom`: opens a pom, selecting a source range (offsets) when one is given. */
export async function openPom(target: unknown, range: unknown): Promise<void> {
  if (!(target instanceof vscode.Uri)) throw new Error('Open pom.xml needs the pom to open');
  const document = await vscode.workspace.openTextDocument(target);
  const selection = isTextRange(range) ? new vscode.Range(document.positionAt(range.start), document.positionAt(range.end)) : undefined;
  await vscode.window.showTextDocument(document, { selection, preview: true });
}
