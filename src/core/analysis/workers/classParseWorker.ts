// Worker thread entry: parses batches of class entries off the main thread (bundled on its own as
// dist/classParseWorker.js). Messages: { id, request: ParseRequest } in, { id, results } or { id, error } out.
import { parentPort } from 'node:worker_threads';
import { parseEntries, type ParseRequest } from './parseEntries';

interface WorkerMessage {
  readonly id: number;
  readonly request: ParseRequest;
}

parentPort?.on('message', (message: WorkerMessage) => {
  parseEntries(message.request).then(
    (results) => parentPort?.postMessage({ id: message.id, results }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
