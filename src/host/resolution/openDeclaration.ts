import * as vscode from 'vscode';
import type { DeclarationSite } from '../../core/model/modelTypes';
import { OPEN_DECLARATION_COMMAND } from './hoverMarkdown';

/** A click that opens a pom with the `<dependency>` (or any other element) of a declaration site selected. */
export function openDeclarationCommand(site: DeclarationSite, title = 'Open Declaration'): vscode.Command {
  return { command: OPEN_DECLARATION_COMMAND, title, arguments: [site.source.pomPath, site.range.start, site.range.end] };
}

/**
 * `jarscope.openDeclaration`: opens a pom at an offset range. Its arguments are plain JSON values, so it
 * also serves as the target of command links in hovers.
 */
export async function openDeclaration(path: unknown, start: unknown, end: unknown): Promise<void> {
  if (typeof path !== 'string' || path === '') throw new Error('Open Declaration needs the pom to open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  const from = typeof start === 'number' ? document.positionAt(start) : undefined;
  const to = typeof end === 'number' ? document.positionAt(end) : from;
  const selection = from && to ? new vscode.Range(from, to) : undefined;
  await vscode.window.showTextDocument(document, { selection, preview: true });
}
