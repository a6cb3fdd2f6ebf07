import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { runtimeEnvironment } from '../../core/workspace/runtimeEnvironment';
import { resolveReactor, type ResolvedReactor } from '../../core/workspace/resolveWorkspace';
import { isCancellation } from '../commands/registerCommand';
import { LatestRequestLoop } from '../findings/latestRequestLoop';
import { openPomEditors, type WorkspaceAnalyzer } from '../workspaceAnalyzer';
import { readMavenOptions } from './mavenOptions';

/** The resolved dependency graphs of every reactor in the workspace; every run produces a new state. */
export interface ResolutionState {
  readonly generation: number;
  /** One per root pom (a pom that no aggregator lists), in the order the scan found them. */
  readonly reactors: readonly ResolvedReactor[];
  /** False until the first resolution has finished. */
  readonly resolved: boolean;
}

/**
 * Resolves every module of every workspace folder with the core resolver and the editors' unsaved pom
 * texts, again whenever the workspace's poms change (the WorkspaceAnalyzer's states: saved and unsaved
 * edits, debounced; created and deleted poms) and when the `jarscope.maven.*` settings change. A new run
 * cancels the one in progress.
 */
export class ResolutionService implements vscode.Disposable {
  private readonly stateEmitter = new vscode.EventEmitter<ResolutionState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.stateEmitter];
  private current: ResolutionState = { generation: 0, reactors: [], resolved: false };
  private readonly loop = new LatestRequestLoop<ResolvedReactor[]>({
    // A burst of pom changes (a checkout, a generator) is resolved once, after the analyzer has read them all.
    settle: () => this.analyzer.whenIdle(),
    run: (signal) => this.resolveAll(signal),
    publish: (reactors) => {
      this.current = { generation: this.current.generation + 1, reactors, resolved: true };
      this.stateEmitter.fire(this.current);
    },
    cancelled: () => this.log.debug('Resolution cancelled: a newer one replaces it'),
    failed: (error) => this.log.error('Resolving the workspace failed:', error),
  });

  constructor(
    private readonly analyzer: WorkspaceAnalyzer,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get state(): ResolutionState {
    return this.current;
  }

  start(): void {
    this.disposables.push(
      this.analyzer.onDidChangeState(() => this.loop.request()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('jarscope.maven')) this.loop.request();
      }),
    );
    if (this.analyzer.state.scanned) this.loop.request();
  }

  /** Resolves everything again now; resolves when done. */
  async refresh(): Promise<ResolutionState> {
    this.loop.request();
    await this.whenIdle();
    return this.current;
  }

  /** Resolves once the analyzer and this service have nothing pending or running. */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.analyzer.whenIdle();
      const working = this.loop.working;
      if (!working) return;
      await working;
    }
  }

  dispose(): void {
    this.loop.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private async resolveAll(signal: AbortSignal): Promise<ResolvedReactor[]> {
    const started = performance.now();
    const roots = this.analyzer.state.tree.roots.filter((root) => root.file.status === 'parsed');
    // The editors' unsaved texts win over the files, as for the findings.
    const pomTexts = new Map(openPomEditors().map((document) => [document.uri.fsPath, document.getText()]));
    const reactors: ResolvedReactor[] = [];
    for (const root of roots) {
      signal.throwIfAborted();
      const options = readMavenOptions(root.pomPath);
      try {
        const reactor = await resolveReactor(
          {
            dir: dirname(root.pomPath),
            runtime: runtimeEnvironment(process.env, options.userProperties),
            env: process.env,
            userProperties: options.userProperties,
            localRepo: options.localRepository,
            settingsFile: options.settingsFile,
            activeProfiles: options.activeProfiles,
            inactiveProfiles: options.inactiveProfiles,
            pomTexts,
          },
          signal,
        );
        reactors.push(reactor);
        for (const warning of reactor.session.warnings) this.log.warn(`${root.pomPath}: ${warning}`);
        const problems = reactor.modules.reduce((count, module) => count + (module.resolution?.problems.length ?? 0), 0);
        this.log.info(
          `Resolved ${reactor.modules.length} module(s) of ${root.pomPath} with the local repository ${reactor.session.repository.root}: ` +
            `${problems} collection problem(s), in ${Math.round(reactor.elapsedMs)} ms`,
        );
      } catch (error) {
        if (isCancellation(error)) throw error;
        this.log.error(`Resolving ${root.pomPath} failed:`, error);
      }
    }
    this.log.debug(`Resolved ${reactors.length} reactor(s) in ${Math.round(performance.now() - started)} ms`);
    return reactors;
  }
}
