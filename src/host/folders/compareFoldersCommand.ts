import { basename } from 'node:path';
import * as vscode from 'vscode';
import { compareJarFolders } from '../../core/folders/compareFolders';
import { folderProblem } from '../../core/folders/findJarFolders';
import { folderComparisonMarkdown } from '../../core/folders/folderComparisonText';
import { readJarFolder } from '../../core/folders/jarFolder';

export const COMPARISON_SCHEME = 'jarscope-folders';

/** The comparisons shown, as read-only Markdown documents under `jarscope-folders:`. */
export class ComparisonDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private count = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  add(title: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: COMPARISON_SCHEME, path: `/${++this.count}/${title}.md` });
    this.texts.set(uri.path, markdown);
    return uri;
  }
}

interface FolderPick extends vscode.QuickPickItem {
  readonly path?: string;
}

/** A folder from the workspace's jar folders, or any folder through the folder dialog. */
async function pickFolder(title: string, jarFolders: readonly string[]): Promise<string | undefined> {
  const items: FolderPick[] = [
    ...jarFolders.map((path) => ({ label: vscode.workspace.asRelativePath(path), description: 'jar folder', path })),
    { label: '$(folder-opened) Choose a folder…' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'A jar folder of the workspace, or any folder' });
  if (picked === undefined) return undefined;
  if (picked.path !== undefined) return picked.path;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title });
  return chosen?.[0]?.fsPath;
}

function pathOf(value: unknown): string | undefined {
  if (value instanceof vscode.Uri) return value.fsPath;
  return typeof value === 'string' ? value : undefined;
}

/**
 * "Jarscope: Compare Jar Folders…": two folders (from the arguments, else picked), compared by artifact,
 * shown as a Markdown preview of a read-only document. Returns the Markdown (for tests and scripts).
 */
export async function compareFoldersCommand(documents: ComparisonDocuments, jarFolders: readonly string[], first?: unknown, second?: unknown): Promise<string | undefined> {
  const before = pathOf(first) ?? (await pickFolder('Compare Jar Folders: the folder before', jarFolders));
  if (before === undefined) return undefined;
  const after = pathOf(second) ?? (await pickFolder(`Compare Jar Folders: ${basename(before)} with…`, jarFolders.filter((path) => path !== before)));
  if (after === undefined) return undefined;
  for (const folder of [before, after]) {
    const problem = await folderProblem(folder);
    if (problem !== undefined) throw new Error(`folder ${folder} ${problem}`);
  }
  const [a, b] = await Promise.all([readJarFolder(before), readJarFolder(after)]);
  const base = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(before))?.uri.fsPath ?? before;
  const problems = [...a.problems, ...b.problems].map((problem) => `- ${problem.message}`);
  const markdown = folderComparisonMarkdown(compareJarFolders(a, b), base) + (problems.length === 0 ? '' : `\n## Not compared\n\n${problems.join('\n')}\n`);
  const uri = documents.add(`${basename(before)} vs ${basename(after)}`, markdown);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return markdown;
}
