import { basename, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { findPoms, isInSkippedFolder, type PomScanWarning } from '../core/workspace/findPoms';
import { buildProjectTree, type ProjectTree } from '../core/workspace/projectTree';
import { readWorkspacePoms, reparseIfChanged } from '../core/workspace/readWorkspacePoms';
import type { WorkspacePomFile } from '../core/workspace/workspacePomFile';
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

/** Whether a document is a pom.xml on disk (its unsaved text is what every analysis reads). */
export function isPomDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && basename(document.uri.fsPath) === 'pom.xml';
}

/** The open pom.xml documents, whose texts win over the files on disk. */
export function openPomEditors(): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter(isPomDocument);
}

/** The text of an open editor document for `path`, which wins over the file on disk. */
function openDocumentText(path: string): string | undefined {
  return openPomEditors().find((document) => document.uri.fsPath === path)?.getText();
}

function sameFiles(a: ReadonlyMap<string, WorkspacePomFile>, b: ReadonlyMap<string, WorkspacePomFile>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, file] of a) if (b.get(path) !== file) return false;
  return true;
}

function sameLists(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function sameWarnings(a: readonly PomScanWarning[], b: readonly PomScanWarning[]): boolean {
  return sameLists(
    a.map((warning) => `${warning.path}\n${warning.cause}`),
    b.map((warning) => `${warning.path}\n${warning.cause}`),
  );
}

/** However busy the file system, changed poms are analysed at most this many debounce periods late. */
const MAX_WAIT_DEBOUNCE_PERIODS = 5;

/** Why a pom could not be used, for the log; undefined for a pom that parsed. */
function brokenPomMessage(file: WorkspacePomFile): string | undefined {
  if (file.status === 'malformed') {
    return `${file.path}: not well-formed XML at line ${file.error.line}, column ${file.error.column}: ${file.error.message}`;
  }
  return file.status === 'unreadable' ? `${file.path}: cannot be read: ${file.cause}` : undefined;
}

/**
 * Keeps the workspace's module tree current: a full scan of every workspace folder at start, on Refresh
 * and when folders or settings change; in between, only the poms that were created, changed, deleted or
 * edited (unsaved text, debounced) are read again. A new full scan cancels the one running; work runs one piece at a time, so a slow scan
 * never overwrites a newer edit.
 */
export class WorkspaceAnalyzer implements vscode.Disposable {
  private readonly stateEmitter = new vscode.EventEmitter<WorkspaceState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly editEmitter = new vscode.EventEmitter<void>();
  /** A pom's editor text changed: whatever was analysed before is out of date (its new state follows once read). */
  readonly onDidEditPom = this.editEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.stateEmitter, this.editEmitter];
  private current: WorkspaceState = { generation: 0, folders: [], tree: buildProjectTree([]), scanWarnings: [], scanned: false };
  private files = new Map<string, WorkspacePomFile>();
  private settings: ScanSettings = readScanSettings();

  private fullScanRequested = false;
  /** The next full scan publishes even when it finds what is known (start, Refresh, folders or settings changed). */
  private publishNextScan = false;
  private readonly dirtyPaths = new Set<string>();
  private scanController: AbortController | undefined;
  private working: Promise<void> | undefined;
  private scanTimer: NodeJS.Timeout | undefined;
  /** Poms changed on disk or in an editor, waiting for the debounce to end. */
  private readonly pendingPaths = new Set<string>();
  private batchTimer: NodeJS.Timeout | undefined;
  private batchStartedAt = 0;
  /** When an editor's pom text last changed. */
  private lastEditAt = Number.NEGATIVE_INFINITY;
  private disposed = false;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  get state(): WorkspaceState {
    return this.current;
  }

  /** Starts watching and schedules the first scan; returns at once. */
  start(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/pom.xml');
    // VS Code's watcher reports a deleted folder as the folder alone and drops the deletes of the files in
    // it, unevenly when they straddle two batches: poms below a deleted folder are dropped by watching
    // deletions of anything, not only of poms.
    const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      watcher,
      deletions,
      deletions.onDidDelete((uri) => {
        if (this.hasPomsBelow(uri.fsPath)) this.scheduleFileUpdate(uri.fsPath);
      }),
      watcher.onDidCreate((uri) => {
        this.scheduleDiskChange(uri.fsPath);
        // Files created in a new folder before the watcher sees that folder go unreported: a scan once
        // the creating is over finds them.
        this.scheduleFullScan();
      }),
      watcher.onDidChange((uri) => this.scheduleDiskChange(uri.fsPath)),
      watcher.onDidDelete((uri) => this.scheduleFileUpdate(uri.fsPath)),
      // A deleted or moved folder is reported as the folder only, not as its poms.
      vscode.workspace.onDidDeleteFiles(() => this.scheduleFullScan()),
      vscode.workspace.onDidRenameFiles(() => this.scheduleFullScan()),
      vscode.workspace.onDidCreateFiles(() => this.scheduleFullScan()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.requestFullScan(true)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        const { debounceMs } = this.settings;
        this.settings = readScanSettings();
        if (affectsScan(event)) this.requestFullScan(true);
        // Changes waiting for the old pause are read now rather than after it.
        else if (this.settings.debounceMs !== debounceMs && this.batchTimer) this.flushPendingPaths();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && isPomDocument(event.document)) this.scheduleEdit(event.document.uri.fsPath);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isPomDocument(document) && this.knownText(document.uri.fsPath) !== document.getText()) this.readOpened(document.uri.fsPath);
      }),
      // Closing an editor without saving brings back the text on disk.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (isPomDocument(document)) this.scheduleFileUpdate(document.uri.fsPath);
      }),
    );
    this.requestFullScan(true);
  }

  /** Scans every workspace folder again now; resolves when the tree is current. */
  async rescan(): Promise<WorkspaceState> {
    this.requestFullScan(true);
    await this.whenIdle();
    return this.current;
  }

  /** Resolves once no scan or update is pending or running. */
  async whenIdle(): Promise<void> {
    while (this.working || this.scanTimer || this.batchTimer) {
      if (this.working) await this.working;
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /**
   * Resolves once no changed pom is waiting to be read or being read. A full scan scheduled by the file
   * watcher is not waited for: it publishes only what it finds changed.
   */
  async whenChangesRead(): Promise<void> {
    while (this.working || this.batchTimer) {
      if (this.working) await this.working;
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  dispose(): void {
    this.disposed = true;
    this.scanController?.abort();
    clearTimeout(this.scanTimer);
    this.scanTimer = undefined;
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    for (const disposable of this.disposables) disposable.dispose();
  }

  private scheduleFullScan(): void {
    clearTimeout(this.scanTimer);
    this.scanTimer = setTimeout(() => {
      this.scanTimer = undefined;
      this.requestFullScan();
    }, this.settings.debounceMs);
  }

  /** The text the tree has for a pom, if any. */
  private knownText(path: string): string | undefined {
    const known = this.files.get(path);
    return known === undefined || known.status === 'unreadable' ? undefined : known.text;
  }

  /**
   * A pom created or changed on disk. One open in an editor that the tree already has is left alone: its
   * editor text is what every analysis reads, and it has not changed.
   */
  private scheduleDiskChange(path: string): void {
    if (this.files.has(path) && openDocumentText(path) !== undefined) return;
    this.scheduleFileUpdate(path);
  }

  /**
   * A pom's editor text changed. The first change after a pause of `jarscope.debounceMs` is read at once
   * (one edit, a quick fix, an undo); the changes that follow it within the pause are typing, and wait for
   * the pause as file changes do.
   */
  private scheduleEdit(path: string): void {
    if (!this.isEligible(path)) return;
    const now = Date.now();
    const leading = this.pendingPaths.size === 0 && now - this.lastEditAt >= this.settings.debounceMs;
    this.lastEditAt = now;
    if (leading) {
      this.dirtyPaths.add(path);
      this.startWorking();
    } else {
      this.scheduleFileUpdate(path);
    }
    // Told once the read is under way or scheduled, so that an analysis waiting for changes to be read waits for this one.
    this.editEmitter.fire();
  }

  /**
   * A pom opened with a text the tree does not have yet (a new file, or changed on disk since it was read)
   * is read at once, with the changes waiting for the pause: the file watcher's report of the same write
   * often comes first, and the pom would wait for the pause behind it.
   */
  private readOpened(path: string): void {
    if (!this.isEligible(path)) return;
    this.pendingPaths.add(path);
    this.flushPendingPaths();
    this.editEmitter.fire();
  }

  /**
   * Queues a pom that was created, changed or deleted. The queue is analysed once no change came for
   * `jarscope.debounceMs`, and at the latest a few debounce periods after its first change, so that a
   * stream of changes (a checkout, a generator writing 2,000 modules) still shows progress.
   */
  private scheduleFileUpdate(path: string): void {
    if (!this.isEligible(path)) return;
    if (this.pendingPaths.size === 0) this.batchStartedAt = Date.now();
    this.pendingPaths.add(path);
    clearTimeout(this.batchTimer);
    const { debounceMs } = this.settings;
    const latest = this.batchStartedAt + MAX_WAIT_DEBOUNCE_PERIODS * debounceMs;
    this.batchTimer = setTimeout(() => this.flushPendingPaths(), Math.max(0, Math.min(debounceMs, latest - Date.now())));
  }

  private flushPendingPaths(): void {
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    for (const path of this.pendingPaths) this.dirtyPaths.add(path);
    this.pendingPaths.clear();
    this.startWorking();
  }

  /** `publish`: the scan publishes its state even when nothing changed (the first scan, Refresh, new folders or settings). */
  private requestFullScan(publish = false): void {
    this.publishNextScan ||= publish;
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
      // Changed poms first: they are quick, and a stream of scans that cancel each other must not hold
      // them back. A scan that then reads them again reuses their parse.
      if (this.dirtyPaths.size > 0) {
        const paths = [...this.dirtyPaths];
        this.dirtyPaths.clear();
        await this.updateFiles(paths);
        continue;
      }
      this.fullScanRequested = false;
      // The scan reads every pom, those whose changes wait for the pause too.
      this.pendingPaths.clear();
      clearTimeout(this.batchTimer);
      this.batchTimer = undefined;
      const controller = new AbortController();
      this.scanController = controller;
      try {
        await this.scan(controller.signal);
      } catch (error) {
        if (!isCancellation(error)) throw error;
        this.log.debug('Scan cancelled: a newer one replaces it');
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
    // Nested workspace folders find the same poms twice.
    const read = await readWorkspacePoms([...new Set(poms)], { previous: this.files, signal });
    // Editor text is taken last, in one synchronous step, so it is the newest there is.
    const files = new Map(read.map((file) => [file.path, this.withEditorText(file)]));
    // A scan the file watcher asked for that finds what is known changes nothing: the analysis of the
    // same poms is not started again (nor one in progress cancelled).
    if (!this.publishNextScan && sameFiles(files, this.files) && sameLists(folders, this.current.folders) && sameWarnings(warnings, this.current.scanWarnings)) {
      this.log.debug(`Scanned ${folders.length} workspace folder(s): nothing changed, in ${Math.round(performance.now() - started)} ms`);
      return;
    }
    this.publishNextScan = false;
    this.files = files;
    this.publish(folders, warnings);
    this.logScan(folders, warnings, performance.now() - started);
  }

  /** The file with its editor's text, the known parse when that text is what the tree has already. */
  private withEditorText(file: WorkspacePomFile): WorkspacePomFile {
    const text = openDocumentText(file.path);
    if (text === undefined) return file;
    const known = this.files.get(file.path);
    return known !== undefined && this.knownText(file.path) === text ? known : reparseIfChanged(file.path, text, file);
  }

  /** Re-reads changed poms: new ones join the tree, deleted ones (and poms below a deleted folder) leave it. */
  private async updateFiles(paths: readonly string[]): Promise<void> {
    const started = performance.now();
    const read = await readWorkspacePoms(paths, { previous: this.files, textOf: openDocumentText });
    let changed = false;
    let overLimit = 0;
    for (const file of read) {
      if (file.status === 'unreadable' && (file.errorCode === 'ENOENT' || file.errorCode === 'EISDIR')) {
        // Deleted; or a folder named pom.xml, which a scan reports as a warning rather than a pom.
        if (file.errorCode === 'EISDIR') this.log.warn(`${file.path}: ${file.cause}`);
        changed = this.forget(file.path) || changed;
        continue;
      }
      if (!this.files.has(file.path) && this.files.size >= this.settings.maxPoms) {
        overLimit++;
        continue;
      }
      const next = this.withEditorText(file);
      if (this.files.get(file.path) === next) continue;
      this.files.set(file.path, next);
      changed = true;
      const problem = brokenPomMessage(next);
      if (problem) this.log.warn(problem);
    }
    if (overLimit > 0) this.log.warn(`${overLimit} new pom.xml not added: jarscope.scan.maxPoms (${this.settings.maxPoms}) reached`);
    if (!changed) return;
    this.publish(this.current.folders, this.current.scanWarnings);
    this.log.debug(`Re-read ${paths.length} pom.xml in ${Math.round(performance.now() - started)} ms`);
  }

  private hasPomsBelow(folder: string): boolean {
    const prefix = folder + sep;
    for (const known of this.files.keys()) if (known.startsWith(prefix)) return true;
    return false;
  }

  /** Drops a deleted pom, or every pom below a deleted folder. */
  private forget(path: string): boolean {
    const prefix = path + sep;
    const gone = [...this.files.keys()].filter((known) => known === path || known.startsWith(prefix));
    for (const known of gone) this.files.delete(known);
    return gone.length > 0;
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
