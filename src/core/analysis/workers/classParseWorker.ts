// Worker thread entry: parses batches of class entries off the main thread (bundled on its own as
// dist/classParseWorker.js). Messages: { id, request: ParseRequest } in, { id, encoded } (see
// parsedEntriesCodec; its buffers transferred) or { id, error } out.
import { parentPort } from 'node:worker_threads';
import { parseEncodedEntries, type ParseRequest } from './parseEntries';

interface WorkerMessage {
  readonly id: number;
  readonly request: ParseRequest;
}

parentPort?.on('message', (message: WorkerMessage) => {
  parseEncodedEntries(message.request).then(
    (encoded) => {
      parentPort?.postMessage({ id: message.id, encoded }, [encoded.data.buffer as ArrayBuffer, encoded.memberKeys.buffer as ArrayBuffer]);
    },
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
