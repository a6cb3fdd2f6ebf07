import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyseReactors, type AnalysisReply, type AnalysisRequest } from './analyseReactors';

/** The worker bundle, found beside the extension's bundle (dist/extension.js). */
export const ANALYSIS_WORKER_FILE = 'analysisWorker.js';

function abortError(): Error {
  const error = new Error('The analysis was cancelled');
  error.name = 'AbortError';
  return error;
}

/**
 * Runs analyses in one long-lived worker thread when its bundle is there (the extension host's main thread
 * stays free for typing), else in-process. A worker that dies is replaced by a new one at the next run.
 */
export class AnalysisRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: AnalysisReply) => void; reject: (error: Error) => void }>();
  private readonly script: string | undefined;

  constructor(dir: string = __dirname) {
    const script = join(dir, ANALYSIS_WORKER_FILE);
    this.script = existsSync(script) ? script : undefined;
  }

  get usesWorker(): boolean {
    return this.script !== undefined;
  }

  run(request: AnalysisRequest, signal: AbortSignal): Promise<AnalysisReply> {
    if (!this.script) return analyseReactors(request, signal);
    signal.throwIfAborted();
    const worker = this.ensureWorker(this.script);
    const id = this.nextId++;
    return new Promise<AnalysisReply>((resolve, reject) => {
      // Referenced while a run is pending, so that the process waits for it; idle, it keeps nothing alive.
      worker.ref();
      const settle = (): void => {
        this.pending.delete(id);
        if (this.pending.size === 0) worker.unref();
      };
      this.pending.set(id, {
        resolve: (reply) => {
          settle();
          resolve(reply);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      signal.addEventListener('abort', () => worker.postMessage({ type: 'abort', id }), { once: true });
      worker.postMessage({ type: 'run', id, request });
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    for (const { reject } of this.pending.values()) reject(abortError());
    this.pending.clear();
  }

  private ensureWorker(script: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(script);
    worker.on('message', (message: { id: number; reply?: AnalysisReply; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.reply) waiting.resolve(message.reply);
      else waiting.reject(message.error === 'aborted' ? abortError() : new Error(message.error));
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
