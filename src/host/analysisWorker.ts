// Worker thread entry (bundled as dist/analysisWorker.js): runs the classpath analysis off the extension
// host's main thread. Messages: {type:'run', id, request} starts a run (cancelling any other), {type:'abort', id}.
import { parentPort } from 'node:worker_threads';
import { analyseReactors, type AnalysisRequest } from './findings/analyseReactors';

const controllers = new Map<number, AbortController>();

parentPort?.on('message', (message: { type: 'run'; id: number; request: AnalysisRequest } | { type: 'abort'; id: number }) => {
  if (message.type === 'abort') {
    controllers.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  controllers.set(message.id, controller);
  analyseReactors(message.request, controller.signal).then(
    (reply) => parentPort?.postMessage({ id: message.id, reply }),
    (error: unknown) => {
      const aborted = error instanceof Error && error.name === 'AbortError';
      parentPort?.postMessage({ id: message.id, error: aborted ? 'aborted' : error instanceof Error ? (error.stack ?? error.message) : String(error) });
    },
  ).finally(() => controllers.delete(message.id));
});
