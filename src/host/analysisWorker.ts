// Worker thread entry (bundled as dist/analysisWorker.js): the editor's one background analysis, off the
// extension host's main thread. It starts its class-parse workers and reads the JDK as soon as it starts.
// Messages: {type:'run', id, request} analyses, {type:'explain', id, failures} explains against the latest
// finished run, {type:'abort', id} cancels either, {type:'close'} cancels everything, writes the caches and
// ends the worker. Replies: {id, result} or {id, error, name}, and for a run first {id, partial} when it has
// a first answer (see BackgroundAnalysis.run).
import { parentPort } from 'node:worker_threads';
import type { ParsedFailure } from '../core/explain/parseThrowable';
import type { AnalysisRequest } from './findings/analyseReactors';
import { BackgroundAnalysis } from './findings/backgroundAnalysis';

type WorkerRequest =
  | { type: 'run'; id: number; request: AnalysisRequest }
  | { type: 'explain'; id: number; failures: readonly ParsedFailure[] }
  | { type: 'abort'; id: number }
  | { type: 'close' };

const analysis = new BackgroundAnalysis();
analysis.warmUp();
const controllers = new Map<number, AbortController>();

parentPort?.on('message', (message: WorkerRequest) => {
  if (message.type === 'close') {
    for (const controller of controllers.values()) controller.abort();
    // Exits this thread only; whatever happens, the caches were given their chance to be written.
    void analysis.close().finally(() => process.exit(0));
    return;
  }
  if (message.type === 'abort') {
    controllers.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  controllers.set(message.id, controller);
  const partial = (reply: unknown): void => parentPort?.postMessage({ id: message.id, partial: reply });
  const work: Promise<unknown> = message.type === 'run' ? analysis.run(message.request, controller.signal, partial) : analysis.explain(message.failures, controller.signal);
  work
    .then(
      (result) => parentPort?.postMessage({ id: message.id, result }),
      (error: unknown) => {
        const name = error instanceof Error ? error.name : 'Error';
        parentPort?.postMessage({ id: message.id, name, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      },
    )
    .finally(() => controllers.delete(message.id));
});
