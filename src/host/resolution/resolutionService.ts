import * as vscode from 'vscode';
import type { FindingsService, FindingsState } from '../findings/findingsService';
import type { WorkspaceReactor } from './workspaceReactor';

/** The resolved dependency graphs of every reactor in the workspace; every analysis produces a new state. */
export interface ResolutionState {
  readonly generation: number;
  /** One per root pom (a pom that no aggregator lists), in the order the scan found them. */
  readonly reactors: readonly WorkspaceReactor[];
  /** False until the first resolution has finished. */
  readonly resolved: boolean;
}

/**
 * The workspace's resolution for the Dependencies and Conflicts views, the pom hovers and the resolution
 * diagnostics: taken from the background analysis (FindingsService), which resolves every reactor with
 * the editors' unsaved pom texts in its worker, so the workspace is resolved once per change for every
 * feature and never on the extension host's main thread. A cold open's first answer already has it.
 */
export class ResolutionService implements vscode.Disposable {
  private readonly stateEmitter = new vscode.EventEmitter<ResolutionState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.stateEmitter];
  private current: ResolutionState = { generation: 0, reactors: [], resolved: false };

  constructor(
    private readonly findings: FindingsService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get state(): ResolutionState {
    return this.current;
  }

  start(): void {
    this.disposables.push(this.findings.onDidChangeState((state) => this.take(state)));
    if (this.findings.state.analysed) this.take(this.findings.state);
  }

  /** Analyses everything again now; resolves when done. */
  async refresh(): Promise<ResolutionState> {
    await this.findings.refresh();
    return this.current;
  }

  /** Resolves once the background analysis has nothing pending or running. */
  whenIdle(): Promise<void> {
    return this.findings.whenIdle();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private take(state: FindingsState): void {
    for (const reactor of state.reactors) {
      const problems = reactor.modules.reduce((count, module) => count + (module.resolution?.problems.length ?? 0), 0);
      this.log.debug(`Resolved ${reactor.modules.length} module(s) of ${reactor.rootPom} with the local repository ${reactor.repositoryRoot}: ${problems} collection problem(s)`);
    }
    this.current = { generation: this.current.generation + 1, reactors: state.reactors, resolved: true };
    this.stateEmitter.fire(this.current);
  }
}
