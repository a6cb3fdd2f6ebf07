import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { runtimeEnvironment } from '../../cli/runtimeEnvironment';
import { resolveReactor, type ResolvedReactor } from '../../core/workspace/resolveWorkspace';
import { isCancellation } from '../commands/registerCommand';
import type { WorkspaceAnalyzer } from '../workspaceAnalyzer';
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
 * Resolves every module of every workspace folder with the core resolver, again whenever the workspace's
 * poms change (the WorkspaceAnalyzer's states: saved and unsaved edits, debounced; created and deleted
 * poms) and when the `jarscope.maven.*` settings change. A new run cancels the one in progress.
 */
export class ResolutionService implements vscode.Disposable {
  private readonly stateEmitter = new vscode.EventEmitter<ResolutionState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.stateEmitter];
  private current: ResolutionState = { generation: 0, reactors: [], resolved: false };
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;
  private requested = false;
  private disposed = false;

  constructor(
    private readonly analyzer: WorkspaceAnalyzer,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get state(): ResolutionState {
    return this.current;
  }

  start(): void {
    this.disposables.push(
      this.analyzer.onDidChangeState(() => this.request()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('jarscope.maven')) this.request();
      }),
    );
    if (this.analyzer.state.scanned) this.request();
  }

  /** Resolves everything again now; resolves when done. */
  async refresh(): Promise<ResolutionState> {
    this.request();
    await this.whenIdle();
    return this.current;
  }

  /** Resolves once the analyzer and this service have nothing pending or running. */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.analyzer.whenIdle();
      if (!this.running) return;
      await this.running;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.controller?.abort();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private request(): void {
    this.requested = true;
    this.controller?.abort();
    if (this.running || this.disposed) return;
    this.running = this.drain()
      .catch((error: unknown) => this.log.error('Resolving the workspace failed:', error))
      .finally(() => {
        this.running = undefined;
      });
  }

  private async drain(): Promise<void> {
    while (this.requested && !this.disposed) {
      // A burst of pom changes (a checkout, a generator) is resolved once, after the analyzer has read them all.
      await this.analyzer.whenIdle();
      this.requested = false;
      const controller = new AbortController();
      this.controller = controller;
      try {
        const reactors = await this.resolveAll(controller.signal);
        this.current = { generation: this.current.generation + 1, reactors, resolved: true };
        this.stateEmitter.fire(this.current);
      } catch (error) {
        if (!isCancellation(error)) throw error;
        this.log.debug('Resolution cancelled: a newer one replaces it');
      }
    }
  }

  private async resolveAll(signal: AbortSignal): Promise<ResolvedReactor[]> {
    const started = performance.now();
    const roots = this.analyzer.state.tree.roots.filter((root) => root.file.status === 'parsed');
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
