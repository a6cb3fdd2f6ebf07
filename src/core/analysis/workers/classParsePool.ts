import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParsedEntry } from '../classSummary';
import { parseEncodedEntries, type ParseRequest } from './parseEntries';
import { decodeParsedEntries, type EncodedParsedEntries } from './parsedEntriesCodec';

/** The worker's bundle, next to the bundle that runs (dist/cli.js and dist/extension.js both live in dist/). */
export const CLASS_PARSE_WORKER_FILE = 'classParseWorker.js';

export interface ClassParsePoolOptions {
  /** Path of the worker bundle; default `classParseWorker.js` beside this bundle. Absent file: in-process. */
  readonly workerScript?: string;
  /** Most worker threads (default: one per core beyond the first, 1 to 4). 0 parses everything in-process. */
  readonly maxWorkers?: number;
  /** Batches smaller than this are parsed in-process while no worker runs: a worker's start-up costs more than they do. */
  readonly minBatchForWorker?: number;
}

/** A parsed batch, and the encoding it was decoded from (what a cache file can keep as is). */
export interface ParsedBatch {
  readonly entries: ParsedEntry[];
  readonly encoded: EncodedParsedEntries | undefined;
}

interface PendingJob {
  readonly request: ParseRequest;
  readonly resolve: (results: ParsedBatch) => void;
  readonly reject: (error: Error) => void;
}

interface PoolWorker {
  readonly worker: Worker;
  /** Batches sent to the worker and not answered yet, by message id, oldest first. */
  readonly jobs: Map<number, PendingJob>;
}

/**
 * Batches a worker holds at once: the one it parses and the next, whose jar it reads while it parses
 * (its message is already there), so that it never waits for the main thread or the disk between two.
 */
const JOBS_PER_WORKER = 2;

type WorkerReply = { id: number; encoded: EncodedParsedEntries } | { id: number; error: string };

/**
 * The main thread resolves and checks while the workers parse, and each worker compiles the parse code
 * for itself: a worker per core beyond the main thread's keeps every core busy without making V8 compile
 * the same code on more threads than there are cores to run it.
 */
function defaultWorkerCount(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/**
 * Parses class entries on a small pool of worker threads (CPU-bound inflate + parse), or in-process for
 * small batches and when no worker bundle exists (unit tests, an unbundled run).
 */
export class ClassParsePool {
  private readonly workerScript: string | undefined;
  private readonly maxWorkers: number;
  private readonly minBatch: number;
  private readonly workers: PoolWorker[] = [];
  private readonly queue: PendingJob[] = [];
  private nextId = 1;

  constructor(options: ClassParsePoolOptions = {}) {
    const script = options.workerScript ?? join(__dirname, CLASS_PARSE_WORKER_FILE);
    this.workerScript = existsSync(script) ? script : undefined;
    this.maxWorkers = options.maxWorkers ?? defaultWorkerCount();
    this.minBatch = options.minBatchForWorker ?? 400;
  }

  /** Whether batches can go to worker threads. */
  get usesWorkers(): boolean {
    return this.workerScript !== undefined && this.maxWorkers > 0;
  }

  /**
   * Starts the worker threads now, idle, so that their start-up (loading the bundle and zlib) overlaps
   * with work the caller does before its first big batch (resolving poms) instead of delaying that batch.
   */
  warmUp(): void {
    if (!this.usesWorkers) return;
    while (this.workers.length < this.maxWorkers) this.startWorker().worker.unref();
  }

  parse(request: ParseRequest, signal?: AbortSignal): Promise<ParsedEntry[]> {
    return this.parseBatch(request, signal).then((batch) => batch.entries);
  }

  /** Parses a batch (see parse); a batch parsed on a worker comes with its encoding. */
  parseBatch(request: ParseRequest, signal?: AbortSignal): Promise<ParsedBatch> {
    // Once workers run, every batch goes to them: the main thread has the resolution and the checks to do.
    const workersRunning = this.workers.length > 0;
    if (!this.usesWorkers || (request.entryNames.length < this.minBatch && !workersRunning)) return inProcess(request, signal);
    signal?.throwIfAborted();
    return new Promise<ParsedBatch>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the workers; batches still queued are rejected. */
  async close(): Promise<void> {
    for (const pending of this.queue.splice(0)) pending.reject(new Error('class parse pool closed'));
    await Promise.all(this.workers.splice(0).map((entry) => entry.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const target = this.leastBusyWorker();
      if (target === undefined) return;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      target.jobs.set(id, pending);
      target.worker.ref();
      target.worker.postMessage({ id, request: pending.request });
    }
  }

  /** An idle worker, else a new one while there may be more, else the one holding the fewest batches (below JOBS_PER_WORKER). */
  private leastBusyWorker(): PoolWorker | undefined {
    const idle = this.workers.find((entry) => entry.jobs.size === 0);
    if (idle !== undefined) return idle;
    if (this.workers.length < this.maxWorkers) return this.startWorker();
    let best: PoolWorker | undefined;
    for (const entry of this.workers) if (entry.jobs.size < JOBS_PER_WORKER && (best === undefined || entry.jobs.size < best.jobs.size)) best = entry;
    return best;
  }

  private startWorker(): PoolWorker {
    const entry: PoolWorker = { worker: new Worker(this.workerScript!, { name: 'jarscope-parse' }), jobs: new Map() };
    entry.worker.on('message', (reply: WorkerReply) => {
      const pending = entry.jobs.get(reply.id);
      if (pending === undefined) return;
      entry.jobs.delete(reply.id);
      // An idle worker must not keep the process alive.
      if (entry.jobs.size === 0) entry.worker.unref();
      if ('error' in reply) pending.reject(new Error(reply.error));
      else this.settle(pending, reply.encoded);
      this.dispatch();
    });
    entry.worker.on('error', (error) => this.retire(entry, error));
    entry.worker.on('exit', (code) => this.retire(entry, new Error(`class parse worker exited with code ${code}`)));
    this.workers.push(entry);
    return entry;
  }

  private settle(pending: PendingJob, encoded: EncodedParsedEntries): void {
    let results: ParsedEntry[];
    try {
      results = decodeParsedEntries(encoded);
    } catch (error) {
      pending.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    pending.resolve({ entries: results, encoded });
  }

  /** A crashed worker's batch is parsed in-process instead, so one bad worker costs time, not results. */
  private retire(entry: PoolWorker, error: Error): void {
    const index = this.workers.indexOf(entry);
    if (index >= 0) this.workers.splice(index, 1);
    const orphans = [...entry.jobs.values()];
    entry.jobs.clear();
    for (const pending of orphans) inProcess(pending.request).then(pending.resolve, () => pending.reject(error));
    this.dispatch();
  }
}

async function inProcess(request: ParseRequest, signal?: AbortSignal): Promise<ParsedBatch> {
  const encoded = await parseEncodedEntries(request, signal);
  return { entries: decodeParsedEntries(encoded), encoded };
}
