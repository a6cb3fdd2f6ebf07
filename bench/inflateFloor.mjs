// The floor under `jarscope check` on a classpath: one Node process that does nothing but read every
// jar, walk its central directory and inflate every .class entry, on N threads (the main thread and
// N-1 workers, jars shared out by size) — no parsing, no checks, no cache. Whatever check does costs at
// least this; bench/checkBench.mjs times it beside check and jdeps. Each jar's classes are inflated in one
// zlib call, as jarscope does (each entry a gzip member: a call per entry costs a stream object each).
//
// Usage: node bench/inflateFloor.mjs THREADS JAR...   prints one JSON line: { classes, inflatedBytes }
import { readFileSync, statSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATED = 8;
const GZIP_MEMBER_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** Inflates every .class entry of one jar (plain zip, as the benchmark's jars are); [count, bytes]. */
function inflateClasses(path) {
  const zip = readFileSync(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0) return [0, 0];
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let classes = 0;
  let bytes = 0;
  const members = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('latin1', at + 46, at + 46 + nameLength);
    const trailer = zip.subarray(at + 16, at + 28);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (!name.endsWith('.class')) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressedSize);
    classes++;
    if (method !== DEFLATED) bytes += data.length;
    // The gzip trailer: CRC-32 and size, as the central directory holds them (the compressed size between).
    else members.push(GZIP_MEMBER_HEADER, data, trailer.subarray(0, 4), trailer.subarray(8, 12));
  }
  if (members.length > 0) bytes += gunzipSync(Buffer.concat(members)).length;
  return [classes, bytes];
}

function inflateAll(jars) {
  let classes = 0;
  let bytes = 0;
  for (const jar of jars) {
    const [count, size] = inflateClasses(jar);
    classes += count;
    bytes += size;
  }
  return [classes, bytes];
}

if (isMainThread) {
  const threads = Math.max(1, Number(process.argv[2]));
  const jars = process.argv.slice(3);
  const shares = Array.from({ length: threads }, () => ({ jars: [], bytes: 0 }));
  for (const jar of jars.map((path) => ({ path, size: statSync(path).size })).sort((a, b) => b.size - a.size)) {
    const lightest = shares.reduce((best, share) => (share.bytes < best.bytes ? share : best));
    lightest.jars.push(jar.path);
    lightest.bytes += jar.size;
  }
  const fromWorkers = shares.slice(1).map(
    (share) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: share.jars });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  const own = inflateAll(shares[0].jars);
  const all = [own, ...(await Promise.all(fromWorkers))];
  console.log(JSON.stringify({ classes: all.reduce((sum, [count]) => sum + count, 0), inflatedBytes: all.reduce((sum, [, size]) => sum + size, 0) }));
} else {
  parentPort.postMessage(inflateAll(workerData));
}
