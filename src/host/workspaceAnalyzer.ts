import { basename, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { findPoms, isInSkippedFolder, type PomScanWarning } from '../core/workspace/findPoms';
import { buildProjectTree, type ProjectTree } from '../core/workspace/projectTree';
import { readWorkspacePoms, reparseIfChanged } from '../core/workspace/readWorkspacePoms';
import { readPomText, type WorkspacePomFile } from '../core/workspace/workspacePomFile';
import { isCancellation } from './commands/registerCommand';
import { affectsScan, readScanSettings, type ScanSettings } from './settings';

/** What the workspace's poms look like now; every change produces a new state. */
export interface WorkspaceState {
  /** Increases with every published state. */
  readonly generation: number;
  readonly folders: readonly string[];
  readonly tree: ProjectTree;
  readonly scanWarnings: readonly PomScanWarning[];
  /** False until the first scan has finished. */
  readonly scanned: boolean;
}

function fileFolders(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
}

function isPomDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && basename(document.uri.fsPath) === 'pom.xml';
}

/** The text of an open editor document for `path`, which wins over the file on disk. */
function openDocumentText(path: string): string | undefined {
  return vscode.workspace.textDocuments.find((document) => isPomDocument(document) && document.uri.fsPath === path)?.getText();
}

/** Why a pom could not be used, for the log; undefined for a pom that parsed. */
function brokenPomMessage(file: WorkspacePomFile): string | undefined {
  if (file.status === 'malformed') {
    return `${file.path}: not well-formed XML at line ${file.error.line}, column ${file.error.column}: ${file.error.message}`;
  }
  return file.status === 'unreadable' ? `${file.path}: cannot be read: ${file.cause}` : undefined;
}

/**
 * Keeps the workspace's module tree current: a full scan of every workspace folder at start and when poms
 * appear or disappear, a re-parse of one pom when it changes on disk or while it is being edited
 * (debounced). A new full scan cancels the one running; work runs one piece at a time, so a slow scan
 * never overwrites a newer edit.
 */
export class WorkspaceAnalyzer implements vscode.Disposable {
  private readonly stateEmitter = new vscode.EventEmitter<WorkspaceState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.stateEmitter];
  private current: WorkspaceState = { generation: 0, folders: [], tree: buildProjectTree([]), scanWarnings: [], scanned: false };
  private files = new Map<string, WorkspacePomFile>();
  private settings: ScanSettings = readScanSettings();

  private fullScanRequested = false;
  private readonly dirtyPaths = new Set<string>();
  private scanController: AbortController | undefined;
  private working: Promise<void> | undefined;
  private scanTimer: NodeJS.Timeout | undefined;
  private readonly fileTimers = new Map<string, NodeJS.Timeout>();
  private disposed = false;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  get state(): WorkspaceState {
    return this.current;
  }

  /** Starts watching and schedules the first scan; returns at once. */
  start(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/pom.xml');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.scheduleFullScan()),
      watcher.onDidDelete(() => this.scheduleFullScan()),
      watcher.onDidChange((uri) => this.scheduleFileUpdate(uri.fsPath)),
      // A deleted or moved folder is reported as the folder only, not as its poms.
      vscode.workspace.onDidDeleteFiles(() => this.scheduleFullScan()),
      vscode.workspace.onDidRenameFiles(() => this.scheduleFullScan()),
      vscode.workspace.onDidCreateFiles(() => this.scheduleFullScan()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.requestFullScan()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        this.settings = readScanSettings();
        if (affectsScan(event)) this.requestFullScan();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && isPomDocument(event.document)) this.scheduleFileUpdate(event.document.uri.fsPath);
      }),
      // Closing an editor without saving brings back the text on disk.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (isPomDocument(document)) this.scheduleFileUpdate(document.uri.fsPath);
      }),
    );
    this.requestFullScan();
  }

  /** Scans every workspace folder again now; resolves when the tree is current. */
  async rescan(): Promise<WorkspaceState> {
    this.requestFullScan();
    await this.whenIdle();
    return this.current;
  }

  /** Resolves once no scan or update is pending or running. */
  async whenIdle(): Promise<void> {
    while (this.working || this.scanTimer || this.fileTimers.size > 0) {
      if (this.working) await this.working;
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  dispose(): void {
    this.disposed = true;
    this.scanController?.abort();
    clearTimeout(this.scanTimer);
    this.scanTimer = undefined;
    for (const timer of this.fileTimers.values()) clearTimeout(timer);
    this.fileTimers.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private scheduleFullScan(): void {
    clearTimeout(this.scanTimer);
    this.scanTimer = setTimeout(() => {
      this.scanTimer = undefined;
      this.requestFullScan();
    }, this.settings.debounceMs);
  }

  private scheduleFileUpdate(path: string): void {
    if (!this.isEligible(path)) return;
    clearTimeout(this.fileTimers.get(path));
    this.fileTimers.set(
      path,
      setTimeout(() => {
        this.fileTimers.delete(path);
        this.dirtyPaths.add(path);
        this.startWorking();
      }, this.settings.debounceMs),
    );
  }

  private requestFullScan(): void {
    this.fullScanRequested = true;
    this.scanController?.abort();
    this.startWorking();
  }

  /** A pom inside a workspace folder and outside the folders a scan skips. */
  private isEligible(path: string): boolean {
    const folder = fileFolders().find((root) => path.startsWith(root.endsWith(sep) ? root : root + sep));
    return folder !== undefined && !isInSkippedFolder(folder, path, this.settings.exclude);
  }

  private startWorking(): void {
    if (this.working || this.disposed) return;
    // A full scan shows a progress bar in the view; a re-parse while typing is too quick to need one.
    const work = this.fullScanRequested
      ? vscode.window.withProgress({ location: { viewId: 'jarscope.mavenProjects' } }, () => this.drain())
      : this.drain();
    this.working = Promise.resolve(work)
      .catch((error: unknown) => this.log.error('Analysing the workspace failed:', error))
      .finally(() => {
        this.working = undefined;
        if (this.fullScanRequested || this.dirtyPaths.size > 0) this.startWorking();
      });
  }

  private async drain(): Promise<void> {
    while (!this.disposed && (this.fullScanRequested || this.dirtyPaths.size > 0)) {
      if (this.fullScanRequested) {
        this.fullScanRequested = false;
        // The scan reads every pom, so edits queued so far are part of it.
        this.dirtyPaths.clear();
        const controller = new AbortController();
        this.scanController = controller;
        try {
          await this.scan(controller.signal);
        } catch (error) {
          if (!isCancellation(error)) throw error;
          this.log.debug('Scan cancelled: a newer one replaces it');
        }
      } else {
        const paths = [...this.dirtyPaths];
        this.dirtyPaths.clear();
        await this.updateFiles(paths);
      }
    }
  }

  private async scan(signal: AbortSignal): Promise<void> {
    const started = performance.now();
    const folders = fileFolders();
    const { exclude, maxPoms } = this.settings;
    const poms: string[] = [];
    const warnings: PomScanWarning[] = [];
    for (const folder of folders) {
      const found = await findPoms(folder, { exclude, maxPoms, signal });
      poms.push(...found.poms);
      warnings.push(...found.warnings);
    }
    const read = await readWorkspacePoms(poms, { previous: this.files, signal });
    // Editor text is taken last, in one synchronous step, so it is the newest there is.
    this.files = new Map(read.map((file) => [file.path, this.withEditorText(file)]));
    this.publish(folders, warnings);
    this.logScan(folders, warnings, performance.now() - started);
  }

  private withEditorText(file: WorkspacePomFile): WorkspacePomFile {
    const text = openDocumentText(file.path);
    return text === undefined ? file : reparseIfChanged(file.path, text, file);
  }

  private async updateFiles(paths: readonly string[]): Promise<void> {
    const started = performance.now();
    let changed = false;
    for (const path of paths) {
      const previous = this.files.get(path);
      const editorText = openDocumentText(path);
      const read = editorText === undefined ? await readPomText(path) : { text: editorText };
      if (!('text' in read)) {
        // Deleted since: the watcher's delete event brings a full scan.
        continue;
      }
      const next = reparseIfChanged(path, openDocumentText(path) ?? read.text, previous);
      if (next === previous) continue;
      this.files.set(path, next);
      changed = true;
      const problem = brokenPomMessage(next);
      if (problem) this.log.warn(problem);
    }
    if (!changed) return;
    this.publish(this.current.folders, this.current.scanWarnings);
    this.log.debug(`Re-read ${paths.length} pom.xml in ${Math.round(performance.now() - started)} ms`);
  }

  private publish(folders: readonly string[], scanWarnings: readonly PomScanWarning[]): void {
    this.current = {
      generation: this.current.generation + 1,
      folders,
      tree: buildProjectTree([...this.files.values()]),
      scanWarnings,
      scanned: true,
    };
    this.stateEmitter.fire(this.current);
  }

  private logScan(folders: readonly string[], warnings: readonly PomScanWarning[], elapsedMs: number): void {
    const { tree } = this.current;
    const broken = tree.nodes.filter((node) => node.file.status !== 'parsed');
    this.log.info(
      `Scanned ${folders.length} workspace folder(s) [${folders.join(', ')}]: ${tree.nodes.length} pom.xml, ` +
        `${broken.length} unreadable or not well-formed, ${warnings.length + tree.problems.length} warning(s), in ${Math.round(elapsedMs)} ms`,
    );
    if (folders.length > 0 && tree.nodes.length === 0) this.log.info('No pom.xml found in the workspace');
    for (const warning of warnings) this.log.warn(`${warning.path}: ${warning.cause}`);
    for (const node of broken) this.log.warn(brokenPomMessage(node.file) ?? node.pomPath);
    for (const problem of tree.problems) this.log.warn(`${problem.pomPath}: ${problem.message}`);
  }
}
