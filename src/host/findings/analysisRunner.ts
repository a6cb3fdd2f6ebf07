import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FailureExplanation } from '../../core/explain/explainFailure';
import type { ParsedFailure } from '../../core/explain/parseThrowable';
import type { AnalysisReply, AnalysisRequest } from './analyseReactors';
import { BackgroundAnalysis } from './backgroundAnalysis';

/** The worker bundle, found beside the extension's bundle (dist/extension.js). */
export const ANALYSIS_WORKER_FILE = 'analysisWorker.js';

type Job = { type: 'run'; request: AnalysisRequest } | { type: 'explain'; failures: readonly ParsedFailure[] };

/** How long a closing worker may take to write its caches before it is stopped anyway. */
const CLOSE_LIMIT_MS = 4_000;

interface WorkerReply {
  readonly id: number;
  readonly result?: unknown;
  readonly partial?: unknown;
  readonly error?: string;
  readonly name?: string;
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * Runs the background analysis (see BackgroundAnalysis) in one long-lived worker thread when its bundle is
 * there (the extension host's main thread stays free for typing), else in-process. The worker keeps its
 * caches and the latest analysed sessions between runs; one that dies is replaced at the next call.
 */
export class AnalysisRunner {
  private worker: Worker | undefined;
  private inProcess: BackgroundAnalysis | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void; partial?: (result: unknown) => void }>();
  private readonly script: string | undefined;
  private closing: Promise<void> | undefined;

  constructor(dir: string = __dirname) {
    const script = join(dir, ANALYSIS_WORKER_FILE);
    this.script = existsSync(script) ? script : undefined;
  }

  get usesWorker(): boolean {
    return this.script !== undefined;
  }

  /** Starts the worker now (it starts its parse workers and reads the JDK), so that the first run finds it ready. */
  start(): void {
    if (this.script) this.ensureWorker(this.script).unref();
  }

  /** Analyses; `partial` receives the first answer of a run that has one (see BackgroundAnalysis.run). */
  run(request: AnalysisRequest, signal: AbortSignal, partial?: (reply: AnalysisReply) => void): Promise<AnalysisReply> {
    return this.call({ type: 'run', request }, signal, partial as ((result: unknown) => void) | undefined) as Promise<AnalysisReply>;
  }

  /** Explains failures against the latest finished run; rejects with a NotAnalysedError before the first. */
  explain(failures: readonly ParsedFailure[], signal: AbortSignal): Promise<FailureExplanation[]> {
    return this.call({ type: 'explain', failures }, signal) as Promise<FailureExplanation[]>;
  }

  /**
   * Cancels what is under way and stops the analysis once it has written its caches (the editor writes
   * them only when no run has started for a while, see BackgroundAnalysis), within CLOSE_LIMIT_MS.
   */
  close(): Promise<void> {
    this.closing ??= this.stop();
    return this.closing;
  }

  dispose(): void {
    void this.close();
  }

  private async stop(): Promise<void> {
    for (const { reject } of this.pending.values()) reject(namedError('AbortError', 'The analysis was cancelled'));
    this.pending.clear();
    const worker = this.worker;
    this.worker = undefined;
    await this.inProcess?.close();
    if (worker === undefined) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const limit = setTimeout(() => void worker.terminate(), CLOSE_LIMIT_MS);
    worker.ref();
    worker.postMessage({ type: 'close' });
    await exited;
    clearTimeout(limit);
  }

  private call(job: Job, signal: AbortSignal, partial?: (result: unknown) => void): Promise<unknown> {
    if (!this.script) {
      this.inProcess ??= new BackgroundAnalysis();
      return job.type === 'run' ? this.inProcess.run(job.request, signal, partial) : this.inProcess.explain(job.failures, signal);
    }
    signal.throwIfAborted();
    const worker = this.ensureWorker(this.script);
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      // Referenced while a call is pending, so that the process waits for it; idle, it keeps nothing alive.
      worker.ref();
      const settle = (): void => {
        this.pending.delete(id);
        if (this.pending.size === 0) worker.unref();
      };
      this.pending.set(id, {
        resolve: (result) => {
          settle();
          resolve(result);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
        partial,
      });
      signal.addEventListener('abort', () => worker.postMessage({ type: 'abort', id }), { once: true });
      worker.postMessage({ ...job, id });
    });
  }

  private ensureWorker(script: string): Worker {
    if (this.worker) return this.worker;
    // JARSCOPE_PROFILE_DIR (bench/editorBench.mjs --profile): the worker, and the parse workers it starts, write CPU profiles there when they stop.
    const profileDir = process.env.JARSCOPE_PROFILE_DIR;
    // Named, so that the thread is told apart in the system's tools (and in the editor bench's CPU breakdown).
    const worker = new Worker(script, { name: 'jarscope-analysis', ...(profileDir ? { execArgv: ['--cpu-prof', '--cpu-prof-dir', profileDir] } : {}) });
    worker.unref();
    worker.on('message', (message: WorkerReply) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      if (message.partial !== undefined) waiting.partial?.(message.partial);
      else if (message.error === undefined) waiting.resolve(message.result);
      else waiting.reject(message.name === 'AbortError' ? namedError('AbortError', 'The analysis was cancelled') : namedError(message.name ?? 'Error', message.error));
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = undefined;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The analysis worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
