// Prints figures for the jar, class-file and JDK readers; never a pass/fail. Bundles the readers
// from src with esbuild into a temporary directory, then:
//   1. indexes every jar under /usr/share/java (symbolic links to the same jar counted once),
//      one at a time and four at a time: wall time, entries/s, ms per jar;
//   2. inflates every class of those jars and parses it: classes/s and MB/s for each step;
//   3. loads the installed JDK's class index and times has() lookups.
// Peak RSS is the process's maximum resident set size at the end. CPU figures (user + system time of
// this process) sit beside wall times because on a shared machine wall time also counts waiting.
// Run: node bench/archiveBench.mjs [jar directory]
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jarDir = process.argv[2] ?? '/usr/share/java';
const work = mkdtempSync(join(tmpdir(), 'jarscope-archive-bench-'));

try {
  const bundle = join(work, 'readers.cjs');
  await build({
    stdin: {
      contents: [
        "export { indexJar, openJar } from './src/core/archive/openJar';",
        "export { parseClassFile } from './src/core/classfile/parseClassFile';",
        "export { locateJdk } from './src/core/jdk/locateJdk';",
        "export { loadJdkClassIndex } from './src/core/jdk/jdkClassIndex';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  const readers = createRequire(import.meta.url)(bundle);
  const jars = uniqueJars(jarDir);
  const totalBytes = jars.reduce((sum, path) => sum + statSync(path).size, 0);
  console.log(`jars: ${jars.length} distinct files under ${jarDir}, ${(totalBytes / 1e6).toFixed(1)} MB`);

  for (const concurrency of [1, 4]) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const { entries, failures } = await indexAll(readers, jars, concurrency);
    const ms = performance.now() - started;
    console.log(
      `index (${concurrency} at a time): ${ms.toFixed(0)} ms wall, ${cpuMs(cpuStarted).toFixed(0)} ms CPU, ${entries} entries, ` +
        `${Math.round((entries / ms) * 1000)} entries/s, ${(ms / jars.length).toFixed(2)} ms/jar, ${failures} failed`,
    );
  }

  let classes = 0;
  let classBytes = 0;
  let inflateMs = 0;
  let parseMs = 0;
  let parseCpuMs = 0;
  let parseFailures = 0;
  for (const path of jars) {
    let jar;
    try {
      jar = await readers.openJar(path);
    } catch {
      continue;
    }
    try {
      const names = jar.index.entries.filter((e) => e.className !== undefined).map((e) => e.name);
      const inflateStarted = performance.now();
      const { bytes } = await jar.readEntries(names);
      inflateMs += performance.now() - inflateStarted;
      const parseStarted = performance.now();
      const parseCpuStarted = process.cpuUsage();
      for (const data of bytes.values()) {
        try {
          readers.parseClassFile(data);
        } catch {
          parseFailures++;
        }
        classes++;
        classBytes += data.length;
      }
      parseMs += performance.now() - parseStarted;
      parseCpuMs += cpuMs(parseCpuStarted);
    } finally {
      await jar.close();
    }
  }
  console.log(
    `inflate: ${classes} classes, ${(classBytes / 1e6).toFixed(1)} MB in ${inflateMs.toFixed(0)} ms ` +
      `(${Math.round((classes / inflateMs) * 1000)} classes/s, ${(classBytes / 1e3 / inflateMs).toFixed(1)} MB/s)`,
  );
  console.log(
    `parse: ${classes} classes in ${parseMs.toFixed(0)} ms wall, ${parseCpuMs.toFixed(0)} ms CPU (${Math.round((classes / parseMs) * 1000)} classes/s, ` +
      `${(classBytes / 1e3 / parseMs).toFixed(1)} MB/s, ${((parseMs * 1000) / classes).toFixed(1)} µs/class), ${parseFailures} rejected`,
  );

  const located = await readers.locateJdk();
  if (located.found) {
    const loadStarted = performance.now();
    const jdk = await readers.loadJdkClassIndex(located.home);
    const loadMs = performance.now() - loadStarted;
    const probes = ['java/lang/String', 'java/util/Map$Entry', 'sun/misc/Unsafe', 'org/apache/Foo', 'jdk/internal/misc/Unsafe'];
    const lookups = 200_000;
    const lookupStarted = performance.now();
    for (let i = 0; i < lookups; i++) jdk.has(probes[i % probes.length]);
    const cachedMs = performance.now() - lookupStarted;
    const names = [...jdk.classNames()];
    const coldStarted = performance.now();
    const fresh = await readers.loadJdkClassIndex(located.home);
    for (const name of names) fresh.has(name);
    const coldMs = performance.now() - coldStarted;
    console.log(
      `jdk ${jdk.release.version ?? '?'} (${jdk.source}, ${located.source}): index loaded in ${loadMs.toFixed(0)} ms; ` +
        `${names.length} classes; first has() of each: ${((coldMs * 1000) / names.length).toFixed(1)} µs incl. a reload; ` +
        `repeated has(): ${((cachedMs * 1e6) / lookups).toFixed(0)} ns`,
    );
    await fresh.close();
    await jdk.close();
  } else {
    console.log('jdk: none found');
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function cpuMs(since) {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

function uniqueJars(dir) {
  const seen = new Set();
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.jar')) continue;
    try {
      seen.add(realpathSync(join(dir, name)));
    } catch {
      // a dangling link: nothing to index
    }
  }
  return [...seen];
}

async function indexAll(readers, jars, concurrency) {
  let next = 0;
  let entries = 0;
  let failures = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jars.length) {
        const path = jars[next++];
        try {
          const index = await readers.indexJar(path);
          entries += index.entries.length;
        } catch {
          failures++;
        }
      }
    }),
  );
  return { entries, failures };
}
