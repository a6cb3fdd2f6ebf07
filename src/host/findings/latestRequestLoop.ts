/** What one loop runs and where its results and failures go. */
export interface LatestRequestLoopOptions<T> {
  /** Awaited before each run: e.g. until a burst of pom changes has been read. */
  readonly settle: () => Promise<void>;
  readonly run: (signal: AbortSignal) => Promise<T>;
  /** Called with every finished (not cancelled) run's result. */
  readonly publish: (result: T) => void;
  /** Called when a run starts, with its result and the controller that cancels it. */
  readonly started?: (run: Promise<T>, controller: AbortController) => void;
  readonly cancelled: () => void;
  readonly failed: (error: unknown) => void;
  /** Called with true when the loop starts working and false when it has nothing left. */
  readonly runningChanged?: (running: boolean) => void;
}

/**
 * Runs the latest request only: a request while a run is in progress cancels that run, and the loop
 * runs again once it has stopped, so a burst of requests gives one more run, never a queue of them.
 * Both background services (findings, resolution) share it. Plain Node (no vscode).
 */
export class LatestRequestLoop<T> {
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;
  private requested = false;
  private disposed = false;

  constructor(private readonly options: LatestRequestLoopOptions<T>) {}

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** The loop's work in progress, if any (resolves, never rejects, when it has nothing left). */
  get working(): Promise<void> | undefined {
    return this.running;
  }

  /** Asks for a new run, cancelling the one in progress. */
  request(): void {
    this.requested = true;
    this.controller?.abort();
    if (this.running || this.disposed) return;
    this.options.runningChanged?.(true);
    this.running = this.drain()
      .catch((error: unknown) => this.options.failed(error))
      .finally(() => {
        this.running = undefined;
        this.options.runningChanged?.(false);
      });
  }

  dispose(): void {
    this.disposed = true;
    this.controller?.abort();
  }

  private async drain(): Promise<void> {
    while (this.requested && !this.disposed) {
      await this.options.settle();
      this.requested = false;
      const controller = new AbortController();
      this.controller = controller;
      const run = this.options.run(controller.signal);
      this.options.started?.(run, controller);
      try {
        const result = await run;
        // A run that finished as a newer request cancelled it is out of date: the next run replaces it.
        if (controller.signal.aborted) this.options.cancelled();
        else this.options.publish(result);
      } catch (error) {
        // A run that fails once cancelled was cancelled, whatever it threw.
        if (!controller.signal.aborted && !(error instanceof Error && error.name === 'AbortError')) throw error;
        this.options.cancelled();
      }
    }
  }
}
