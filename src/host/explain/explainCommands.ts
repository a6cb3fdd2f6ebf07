import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { Fix } from '../../core/analysis/finding';
import type { FailureExplanation } from '../../core/explain/explainFailure';
import { explanationMarkdown } from '../../core/explain/explanationMarkdown';
import { parseThrowable } from '../../core/explain/parseThrowable';
import { runtimeClassLocations } from '../../core/explain/runtimeClassLocations';
import { lineAndColumnAt } from '../../core/pom/xmlTree';
import { registerCommand } from '../commands/registerCommand';
import type { FindingsService } from '../findings/findingsService';
import { explanationHtml } from './explanationHtml';

/** The last explanation shown, as plain data (for the API and the tests). */
export interface ExplanationSnapshot {
  readonly input: string;
  readonly explanations: readonly FailureExplanation[];
  readonly markdown: string;
  readonly fixes: readonly Fix[];
  /** The findings generation of the background analysis that answered (see FindingsService.explain). */
  readonly generation: number;
}

/** One place a class was found, as Find Class lists it. */
export interface ClassLocation {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  /** The jar or folder that has the class. */
  readonly file: string;
  /** Where the dependency that brings it is declared, for classpath copies. */
  readonly pom?: { readonly file: string; readonly line: number; readonly column: number };
}

export interface ExplainFeatures {
  lastExplanation(): ExplanationSnapshot | undefined;
  findClass(name: string): Promise<ClassLocation[]>;
}

const APPLY_FIX = 'jarscope.applyFix';
// A stack trace pasted from a log: an exception line or an `at` frame.
const STACK_TRACE = /(?:Error|Exception)\b.*|^\s*at\s+[\w$.]+\(/m;

async function initialInput(): Promise<string> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  if (selected.trim() !== '') return selected;
  const clipboard = await vscode.env.clipboard.readText();
  return STACK_TRACE.test(clipboard) ? clipboard : '';
}

/** A fix as a command link passes it: JSON, so checked before use. */
function isFix(value: unknown): value is Fix {
  if (typeof value !== 'object' || value === null) return false;
  const edits: unknown = (value as { edits?: unknown }).edits;
  return Array.isArray(edits) && edits.every((edit: unknown) => typeof edit === 'object' && edit !== null && typeof (edit as { file?: unknown }).file === 'string');
}

/** The current text of a pom: the open editor's, else the file's. */
function currentText(path: string): string | undefined {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.fsPath === path);
  if (document) return document.getText();
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * "Jarscope: Explain NoClassDefFoundError…", "Jarscope: Find Class…" and the fix links of the explanation
 * page. Explaining asks the background analysis (see FindingsService.explain): it answers from the sessions
 * and classpaths of its latest run, with the editors' unsaved poms, off the extension host's main thread.
 */
export function registerExplain(subscriptions: vscode.Disposable[], findings: FindingsService, log: vscode.LogOutputChannel): ExplainFeatures {
  let last: ExplanationSnapshot | undefined;
  let panel: vscode.WebviewPanel | undefined;
  // The pom texts the shown fixes were computed on: a fix applies only while its pom still has that text.
  let analysedTexts = new Map<string, string>();

  const explain = async (input: string): Promise<ExplanationSnapshot> => {
    const failures = parseThrowable(input);
    const controller = new AbortController();
    // Answered by the background analysis (in its worker); a running or pending one is waited for first.
    const explanations = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: findings.isRunning ? 'Jarscope: waiting for the analysis to explain' : 'Jarscope: explaining', cancellable: true },
      (_progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        return findings.explain(failures, controller.signal);
      },
    );
    // The texts the answer was computed on: the analysed editors' texts, else the files.
    const pomTexts = findings.state.analysedTexts;
    analysedTexts = new Map();
    for (const fix of explanations.flatMap((explanation) => explanation.classes.flatMap((explained) => explained.modules.flatMap((module) => module.fixes)))) {
      for (const edit of fix.edits) if (!analysedTexts.has(edit.file)) analysedTexts.set(edit.file, pomTexts.get(edit.file) ?? currentText(edit.file) ?? '');
    }
    const link = (fix: Fix): string => `[${fix.title}](command:${APPLY_FIX}?${encodeURIComponent(JSON.stringify([fix]))})`;
    const { markdown, fixes } = explanationMarkdown(explanations, link);
    return { input, explanations, markdown, fixes, generation: findings.state.generation };
  };

  const show = async (snapshot: ExplanationSnapshot): Promise<void> => {
    const rendered = await vscode.commands.executeCommand<string | undefined>('markdown.api.render', snapshot.markdown).then(
      (html) => html,
      () => undefined,
    );
    if (panel === undefined) {
      panel = vscode.window.createWebviewPanel('jarscope.explanation', 'Jarscope: Explanation', vscode.ViewColumn.Beside, { enableCommandUris: [APPLY_FIX], enableScripts: false });
      panel.onDidDispose(() => (panel = undefined), undefined, subscriptions);
    }
    panel.webview.html = explanationHtml(snapshot.markdown, rendered);
    const classes = snapshot.explanations.flatMap((explanation) => explanation.classes);
    panel.title = classes.length === 0 ? 'Jarscope: Explanation' : `Explain: ${[...new Set(classes.map((explained) => explained.className.split('.').pop()))].join(', ')}`;
    panel.reveal(vscode.ViewColumn.Beside, false);
    // The most likely cause also as a notification: readable at a glance, and it stays after the page is closed.
    const story = classes[0]?.modules[0]?.story;
    if (story !== undefined) void vscode.window.showInformationMessage(`Jarscope: ${story}.`);
  };

  registerCommand(subscriptions, log, 'jarscope.explainThrowable', async (argument?: unknown) => {
    let input = typeof argument === 'string' ? argument : undefined;
    input ??= await vscode.window.showInputBox({
      title: 'Jarscope: Explain NoClassDefFoundError…',
      prompt: 'A class name, an exception line or a stack trace (NoClassDefFoundError, NoSuchMethodError, "X cannot be cast to X"…)',
      value: await initialInput(),
      ignoreFocusOut: true,
    });
    if (input === undefined || input.trim() === '') return undefined;
    last = await explain(input);
    log.info(`Explained ${last.explanations.length} failure(s) with ${last.fixes.length} fix(es)`);
    await show(last);
    return last;
  });

  registerCommand(subscriptions, log, APPLY_FIX, async (argument?: unknown) => {
    if (!isFix(argument)) throw new Error('no fix given');
    const fix = argument;
    const edit = new vscode.WorkspaceEdit();
    for (const textEdit of fix.edits) {
      const analysed = analysedTexts.get(textEdit.file) ?? currentText(textEdit.file);
      if (analysed === undefined || currentText(textEdit.file) !== analysed) {
        void vscode.window.showWarningMessage(`Jarscope: ${textEdit.file} changed since the explanation; explain again to get a current fix.`);
        return false;
      }
      const start = lineAndColumnAt(analysed, textEdit.range.start);
      const end = lineAndColumnAt(analysed, textEdit.range.end);
      edit.replace(vscode.Uri.file(textEdit.file), new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1), textEdit.newText);
    }
    const applied = await vscode.workspace.applyEdit(edit);
    const file = fix.edits[0]?.file;
    if (applied && file !== undefined) await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.One });
    return applied;
  });

  const findClass = async (name: string): Promise<ClassLocation[]> => {
    const snapshot = await explain(name.trim());
    const locations: ClassLocation[] = [];
    for (const explained of snapshot.explanations.flatMap((explanation) => explanation.classes)) {
      for (const module of explained.modules) {
        for (const copy of module.copies) {
          if (locations.some((location) => location.file === copy.file && location.pom?.file === copy.location.file)) continue;
          locations.push({
            label: copy.name,
            description: `on the classpath of ${module.moduleId} (${module.copies.filter((other) => other.file === copy.file).map((other) => other.scope).join(', ')})`,
            detail: copy.file,
            file: copy.file,
            pom: { file: copy.location.file, line: copy.location.line, column: copy.location.column },
          });
        }
      }
      for (const versions of explained.repository) {
        for (const artifact of versions.withIt) {
          if (locations.some((location) => location.file === artifact.file)) continue;
          locations.push({ label: `${artifact.groupId}:${artifact.artifactId}:${artifact.version}`, description: 'in the local repository', detail: artifact.file, file: artifact.file });
        }
      }
      for (const location of runtimeClassLocations(explained)) if (!locations.some((known) => known.file === location.file)) locations.push(location);
    }
    return locations;
  };

  registerCommand(subscriptions, log, 'jarscope.findClass', async (argument?: unknown) => {
    const name = typeof argument === 'string' ? argument : await vscode.window.showInputBox({ title: 'Jarscope: Find Class…', prompt: 'A class name, e.g. org.apache.hadoop.util.CleanerUtil', ignoreFocusOut: true });
    if (name === undefined || name.trim() === '') return undefined;
    const locations = await findClass(name);
    if (typeof argument === 'string') return locations;
    if (locations.length === 0) {
      void vscode.window.showInformationMessage(`Jarscope: no jar on the classpaths or in the local repository has ${name.trim()}.`);
      return locations;
    }
    const picked = await vscode.window.showQuickPick(
      locations.map((location) => ({ ...location, location })),
      { title: `Jarscope: jars with ${name.trim()}`, matchOnDescription: true, matchOnDetail: true },
    );
    if (picked?.location.pom !== undefined) {
      const position = new vscode.Position(picked.location.pom.line - 1, picked.location.pom.column - 1);
      await vscode.window.showTextDocument(vscode.Uri.file(picked.location.pom.file), { selection: new vscode.Range(position, position) });
    } else if (picked !== undefined) {
      await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(dirname(picked.location.file)));
    }
    return locations;
  });

  return { lastExplanation: () => last, findClass };
}
