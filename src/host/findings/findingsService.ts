import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { Finding } from '../../core/analysis/finding';
import type { FailureExplanation } from '../../core/explain/explainFailure';
import type { ParsedFailure } from '../../core/explain/parseThrowable';
import { readMavenOptions } from '../resolution/mavenOptions';
import type { WorkspaceReactor } from '../resolution/workspaceReactor';
import { openPomEditors, type WorkspaceAnalyzer } from '../workspaceAnalyzer';
import type { AnalysisReply, AnalysisRequest, ReactorRequest } from './analyseReactors';
import { AnalysisRunner } from './analysisRunner';
import { distinctFindings } from './findingPresentation';
import { affectsFindings, readFindingsSettings } from './findingsSettings';
import { LatestRequestLoop } from './latestRequestLoop';

/** A pom's text as the analysis read it, and the version of its editor document then (undefined: read from disk). */
export interface AnalysedPom {
  readonly text: string;
  readonly version: number | undefined;
}

/** The findings of every reactor in the workspace; every finished analysis produces a new state. */
export interface FindingsState {
  readonly generation: number;
  /** Distinct findings of every module of every reactor. */
  readonly findings: readonly Finding[];
  /** The texts the findings' offsets and fixes refer to, by pom path. */
  readonly poms: ReadonlyMap<string, AnalysedPom>;
  /** False until the first analysis has finished. */
  readonly analysed: boolean;
  /** False for the first answer of a cold run: the findings of the checks that parse no class; the rest follows. */
  readonly complete: boolean;
  /** The open editors' pom texts the analysis used instead of the files, by path. */
  readonly analysedTexts: ReadonlyMap<string, string>;
  /** The resolved reactors of the same run, for the Dependencies and Conflicts views and the hovers. */
  readonly reactors: readonly WorkspaceReactor[];
}

/** The open pom editors' texts and versions, taken in one synchronous step so they belong together. */
function editorPoms(): Map<string, AnalysedPom> {
  return new Map(openPomEditors().map((document) => [document.uri.fsPath, { text: document.getText(), version: document.version }]));
}

/** Jar and pom changes in a local repository start a new analysis at most this often. */
const REPOSITORY_THROTTLE_MS = 1_000;
/** A run shorter than this shows no progress notification. */
const PROGRESS_DELAY_MS = 700;

/**
 * Runs the classpath analysis (`analyzeModules`) of every reactor of every workspace folder with the editors'
 * unsaved pom texts: again after the WorkspaceAnalyzer has read pom edits (debounced) or pom files changed,
 * when the local repository's jars or poms change (throttled), and when the analysis settings change. A new
 * run cancels the one in progress. Class parsing runs in worker threads (dist/classParseWorker.js).
 */
export class FindingsService implements vscode.Disposable {
  private readonly stateEmitter = new vscode.EventEmitter<FindingsState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly runningEmitter = new vscode.EventEmitter<boolean>();
  readonly onDidChangeRunning = this.runningEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.stateEmitter, this.runningEmitter];
  private readonly repositoryWatchers = new Map<string, vscode.Disposable>();
  /** The last run's warnings: each edit runs an analysis, and the log says a warning once while it lasts. */
  private loggedWarnings: ReadonlySet<string> = new Set();
  private current: FindingsState = { generation: 0, findings: [], poms: new Map(), analysed: false, complete: false, analysedTexts: new Map(), reactors: [] };
  private repositoryTimer: NodeJS.Timeout | undefined;
  private repositoryGeneration = 0;
  private disposed = false;
  private readonly runner = new AnalysisRunner();
  private readonly loop = new LatestRequestLoop<FindingsState>({
    // A burst of pom changes is analysed once, after the analyzer has read them all.
    settle: () => this.analyzer.whenChangesRead(),
    run: (signal) => this.analyseAll(signal),
    started: (run, controller) => this.showProgressWhileSlow(run, controller),
    publish: (state) => this.publish(state),
    cancelled: () => this.log.debug('Classpath analysis cancelled'),
    failed: (error) => this.log.error('Analysing the classpaths failed:', error),
    runningChanged: (running) => this.runningEmitter.fire(running),
  });

  constructor(
    private readonly analyzer: WorkspaceAnalyzer,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // The worker starts its class-parse workers and reads the JDK while the workspace is scanned.
    this.runner.start();
  }

  get state(): FindingsState {
    return this.current;
  }

  get isRunning(): boolean {
    return this.loop.isRunning;
  }

  start(): void {
    this.disposables.push(
      this.analyzer.onDidChangeState(() => this.request()),
      // A run over text the user has since edited is out of date: it stops, and the edited text is analysed once read.
      this.analyzer.onDidEditPom(() => this.request()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsFindings(event)) this.request();
      }),
    );
    if (this.analyzer.state.scanned) this.request();
  }

  /** Analyses everything again now; resolves when done. */
  async refresh(): Promise<FindingsState> {
    this.request();
    await this.whenIdle();
    return this.current;
  }

  /** Resolves once the analyzer and this service have nothing pending or running. */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.analyzer.whenIdle();
      const working = this.loop.working;
      if (!working && !this.repositoryTimer) return;
      if (working) await working;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Asks for a new analysis, cancelling the one in progress. */
  request(): void {
    if (!this.disposed) this.loop.request();
  }

  /**
   * Explains failures against the latest finished analysis, in the worker that ran it (nothing is resolved
   * or indexed again); waits for a pending or running analysis first, so the answer fits the current poms.
   */
  async explain(failures: readonly ParsedFailure[], signal: AbortSignal): Promise<FailureExplanation[]> {
    if (!this.current.analysed) this.request();
    await this.whenIdle();
    signal.throwIfAborted();
    const started = performance.now();
    const explanations = await this.runner.explain(failures, signal);
    this.log.info(`Explained ${failures.length} failure(s) from the background analysis (generation ${this.current.generation}) in ${Math.round(performance.now() - started)} ms`);
    return explanations;
  }

  private publish(state: FindingsState): void {
    this.current = state;
    this.stateEmitter.fire(state);
  }

  /** Stops the analysis once it has written its caches (see AnalysisRunner.close): what deactivation waits for. */
  closeAnalysis(): Promise<void> {
    return this.runner.close();
  }

  dispose(): void {
    this.disposed = true;
    this.loop.dispose();
    this.runner.dispose();
    clearTimeout(this.repositoryTimer);
    for (const watcher of this.repositoryWatchers.values()) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** A notification with a Cancel button once a run takes long (a cold cache indexes every jar). */
  private showProgressWhileSlow(run: Promise<unknown>, controller: AbortController): void {
    let settled = false;
    const done = run.then(
      () => undefined,
      () => undefined,
    );
    void done.then(() => (settled = true));
    setTimeout(() => {
      if (settled || this.disposed) return;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Jarscope: indexing jars and analysing classpaths', cancellable: true },
        (_progress, token) => {
          token.onCancellationRequested(() => {
            this.log.info('Classpath analysis cancelled by the user');
            controller.abort();
          });
          return done;
        },
      );
    }, PROGRESS_DELAY_MS);
  }

  private async analyseAll(signal: AbortSignal): Promise<FindingsState> {
    const started = performance.now();
    const editors = editorPoms();
    const roots = this.analyzer.state.tree.roots.filter((root) => root.file.status === 'parsed');
    const request: AnalysisRequest = {
      reactors: roots.map((root) => reactorRequest(root.pomPath)),
      pomTexts: [...editors].map(([path, pom]) => [path, pom.text] as const),
      repositoryGeneration: this.repositoryGeneration,
    };
    const where = this.runner.usesWorker ? 'in a worker thread' : 'in-process';
    const stateOf = (reply: AnalysisReply, complete: boolean): FindingsState => {
      const distinct = distinctFindings(reply.findings);
      this.log.info(
        `Analysed the classpaths of ${roots.length} reactor(s) ${where}${complete ? '' : ', checks that parse no class first'}: ${distinct.length} finding(s), ` +
          `in ${Math.round(performance.now() - started)} ms (${Math.round(reply.elapsedMs)} ms analysing${reuseText(reply)})`,
      );
      return {
        generation: this.current.generation + 1,
        findings: distinct,
        poms: analysedPoms(distinct, editors),
        analysed: true,
        complete,
        analysedTexts: new Map(request.pomTexts),
        reactors: reply.reactors,
      };
    };
    const reply = await this.runner.run(request, signal, (partial) => {
      // A cold open shows what needs no class parsing at once; the full findings replace it.
      if (!signal.aborted) this.publish(stateOf(partial, false));
    });
    for (const warning of reply.warnings) if (!this.loggedWarnings.has(warning)) this.log.warn(warning);
    this.loggedWarnings = new Set(reply.warnings);
    this.watchRepositories(new Set(reply.repositories));
    return stateOf(reply, true);
  }

  /** One watcher per local repository in use: a jar or pom installed, rebuilt or deleted there changes the findings. */
  private watchRepositories(roots: ReadonlySet<string>): void {
    for (const [root, watcher] of this.repositoryWatchers) {
      if (roots.has(root)) continue;
      watcher.dispose();
      this.repositoryWatchers.delete(root);
    }
    for (const root of roots) {
      if (this.repositoryWatchers.has(root)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/*.{jar,pom}'));
      const changed = (): void => this.repositoryChanged();
      this.repositoryWatchers.set(root, vscode.Disposable.from(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed)));
    }
  }

  private repositoryChanged(): void {
    this.repositoryGeneration++;
    if (this.repositoryTimer || this.disposed) return;
    this.repositoryTimer = setTimeout(() => {
      this.repositoryTimer = undefined;
      this.request();
    }, REPOSITORY_THROTTLE_MS);
  }
}

/** A reactor with the `jarscope.maven.*` and analysis settings of its folder, as plain data for the worker. */
export function reactorRequest(pomPath: string): ReactorRequest {
  const maven = readMavenOptions(pomPath);
  const settings = readFindingsSettings(pomPath);
  return {
    pomPath,
    localRepository: maven.localRepository,
    settingsFile: maven.settingsFile,
    activeProfiles: maven.activeProfiles,
    inactiveProfiles: maven.inactiveProfiles,
    userProperties: [...maven.userProperties],
    javaHome: settings.javaHome,
    scopes: settings.scopes,
    ignore: settings.ignore,
    runtimes: settings.runtimes,
  };
}

/** For the log: how much of a run came from the worker's memory (an edit and its undo should take nearly everything from it). */
function reuseText({ reuse }: AnalysisReply): string {
  if (reuse === undefined) return '';
  return `; linkage facts of ${reuse.factsRemembered} of ${reuse.factsRemembered + reuse.factsOther} classpath(s) and ${reuse.answersRemembered} of ${reuse.answersRemembered + reuse.answersOther} class look-up(s) in the repository from memory, ${reuse.verdictsRemembered} of ${reuse.verdictsRemembered + reuse.verdictsResolved} member verdict(s) from earlier classpaths`;
}

/** The analysed text of every pom a finding is in: the editor's text given to the analysis, else the file. */
function analysedPoms(findings: readonly Finding[], editors: ReadonlyMap<string, AnalysedPom>): Map<string, AnalysedPom> {
  const poms = new Map<string, AnalysedPom>();
  for (const file of new Set(findings.map((finding) => finding.location.file))) {
    const editor = editors.get(file);
    if (editor) {
      poms.set(file, editor);
      continue;
    }
    try {
      poms.set(file, { text: readFileSync(file, 'utf8'), version: undefined });
    } catch {
      // Gone since: its findings are dropped when shown.
    }
  }
  return poms;
}
