// Worker thread entry: parses batches of class entries off the main thread (bundled on its own as
// dist/classParseWorker.js). Messages: { id, request: ParseRequest } in, { id, encoded } (see
// parsedEntriesCodec; its buffers transferred) or { id, error } out.
import { parentPort } from 'node:worker_threads';
import { parseEncodedEntries, type ParseRequest } from './parseEntries';

interface WorkerMessage {
  readonly id: number;
  readonly request: ParseRequest;
}

// Transferring a buffer detaches it, and the first detach in a thread makes V8 throw away every optimised
// function that reads typed arrays (it had assumed none would ever be detached) and optimise them again.
// Detaching one empty buffer now, before anything is optimised, spares the parse code that second compile.
const empty = new ArrayBuffer(0);
structuredClone(empty, { transfer: [empty] });

parentPort?.on('message', (message: WorkerMessage) => {
  parseEncodedEntries(message.request).then(
    (encoded) => {
      parentPort?.postMessage({ id: message.id, encoded }, [encoded.data.buffer as ArrayBuffer, encoded.memberKeys.buffer as ArrayBuffer]);
    },
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
