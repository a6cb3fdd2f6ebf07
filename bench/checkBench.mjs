// Benchmark of `jarscope check` (prints figures; never a timed test):
//  1. A project whose dependencies are about 30 real jars (~9,000 classes) from Debian's
//     /usr/share/maven-repo, each declared with an exclusion of *:* so that the classpath is exactly those
//     jars. Side by side in the same run, alternating: the whole `jarscope check` process with an empty
//     cache folder (cold), again with that cache (warm), `jdeps --multi-release 17 -verbose:class` on
//     the same jars, and the floor (bench/inflateFloor.mjs: a Node process that only reads the jars and
//     inflates every class, on one thread per core). Wall time, median of several runs; the ratios jdeps/cold,
//     cold/warm and jdeps/floor (the most any Node implementation could reach here).
//  2. The largest classpath that can be assembled here: one version of every artifact of
//     /usr/share/maven-repo that has a jar. Wall time and peak memory (maximum resident set size,
//     worker threads included) of one cold and one warm run.
// The local repository is a throw-away symlink copy (`cp -rs /usr/share/maven-repo`), as Maven never
// writes into /usr/share; nothing outside a temporary folder is written.
//
// Usage: node bench/checkBench.mjs [--runs N] [--no-largest]   (after node scripts/build.mjs)
// Also exported as runCheckBench() for bench/run.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repoRoot, 'bin', 'jarscope.js');
const inflateFloor = join(repoRoot, 'bench', 'inflateFloor.mjs');
// The floor runs on as many threads as check keeps busy: its main thread and its class-parsing workers (one
// per core beyond the first) share the machine's cores.
const FLOOR_THREADS = Math.max(2, Math.min(5, availableParallelism()));
const debianRepo = '/usr/share/maven-repo';

/** The ~30-jar classpath: common libraries that Debian packages (libguava-java, libcommons-lang3-java...). */
const mediumArtifacts = [
  'com.google.guava:guava',
  'org.apache.commons:commons-lang3',
  'org.apache.commons:commons-text',
  'org.apache.commons:commons-collections4',
  'org.apache.commons:commons-compress',
  'commons-collections:commons-collections',
  'commons-beanutils:commons-beanutils',
  'commons-io:commons-io',
  'commons-codec:commons-codec',
  'commons-cli:commons-cli',
  'commons-logging:commons-logging',
  'org.slf4j:slf4j-api',
  'log4j:log4j',
  'org.apache.logging.log4j:log4j-api',
  'org.apache.logging.log4j:log4j-core',
  'junit:junit',
  'org.hamcrest:hamcrest',
  'com.fasterxml.jackson.core:jackson-core',
  'com.fasterxml.jackson.core:jackson-databind',
  'com.fasterxml.jackson.core:jackson-annotations',
  'com.google.code.gson:gson',
  'org.ow2.asm:asm',
  'org.ow2.asm:asm-tree',
  'org.ow2.asm:asm-commons',
  'org.ow2.asm:asm-util',
  'org.ow2.asm:asm-analysis',
  'org.apache.httpcomponents:httpclient',
  'org.apache.httpcomponents:httpcore',
  'org.dom4j:dom4j',
  'org.codehaus.plexus:plexus-utils',
  'com.google.inject:guice',
];

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function isDirectory(path) {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * The version of an artifact to use: a real version folder holding the jar (Debian's `debian` and `N.x`
 * folders are aliases of it), the highest by a plain numeric comparison when there are several.
 */
function pickVersion(repo, groupId, artifactId) {
  const dir = join(repo, ...groupId.split('.'), artifactId);
  if (!isDirectory(dir)) return undefined;
  const versions = readdirSync(dir)
    .filter((version) => version !== 'debian' && !version.endsWith('.x') && existsSync(join(dir, version, `${artifactId}-${version}.jar`)))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const version = versions.at(-1);
  return version === undefined ? undefined : { groupId, artifactId, version, jar: join(dir, version, `${artifactId}-${version}.jar`) };
}

/** Every groupId:artifactId of a Maven repository layout that has a version folder with its jar. */
function allArtifacts(repo) {
  const found = [];
  const walk = (dir, segments, depth) => {
    if (depth > 12) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      const artifact = segments.length > 0 ? pickVersion(repo, segments.join('.'), entry.name) : undefined;
      if (artifact) found.push(artifact);
      else walk(path, [...segments, entry.name], depth + 1);
    }
  };
  walk(repo, [], 0);
  // Several artifacts of Debian's repository are the same file (aliases): analyse each jar once.
  const seen = new Set();
  return found.filter((artifact) => {
    const real = realpathSync(artifact.jar);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

function writeProject(dir, artifactId, artifacts) {
  mkdirSync(dir, { recursive: true });
  const dependencies = artifacts
    .map(
      (artifact) => `    <dependency>
      <groupId>${artifact.groupId}</groupId>
      <artifactId>${artifact.artifactId}</artifactId>
      <version>${artifact.version}</version>
      <exclusions>
        <exclusion>
          <groupId>*</groupId>
          <artifactId>*</artifactId>
        </exclusion>
      </exclusions>
    </dependency>`,
    )
    .join('\n');
  writeFileSync(
    join(dir, 'pom.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>${artifactId}</artifactId>
  <version>1</version>
  <dependencies>
${dependencies}
  </dependencies>
</project>
`,
  );
}

function classCount(jar) {
  const listing = spawnSync('unzip', ['-Z1', jar], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (listing.error || listing.status !== 0) return 0;
  return listing.stdout.split('\n').filter((name) => name.endsWith('.class')).length;
}

/**
 * Wall time of a whole process, and its CPU time (user + system, all threads) and peak memory when
 * /usr/bin/time is there: on a loaded machine the CPU time is the steadier figure.
 */
function timed(command, args, env, scratch) {
  const withTime = existsSync('/usr/bin/time');
  const report = join(scratch, 'time.txt');
  const argv = withTime ? ['/usr/bin/time', '-f', '%M %U %S', '-o', report, command, ...args] : [command, ...args];
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', env, maxBuffer: 1024 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  const [peakKb, user, system] = withTime ? readFileSync(report, 'utf8').trim().split('\n').at(-1).split(' ').map(Number) : [];
  const cpuMs = user === undefined ? undefined : (user + system) * 1000;
  return { ms, cpuMs, status: result.status, stdout: result.stdout, stderr: result.stderr, peakKb };
}

function checkArgs(project, m2) {
  return [cli, 'check', project, '--local-repo', m2, '--format', 'json', '--fail-on', 'none'];
}

function findingCount(stdout) {
  try {
    return JSON.parse(stdout).summary.total;
  } catch {
    return 'n/a';
  }
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function benchMedium(scratch, m2, runs, jdeps) {
  const artifacts = mediumArtifacts.map((coordinates) => pickVersion(m2, ...coordinates.split(':'))).filter(Boolean);
  const missing = mediumArtifacts.filter((coordinates) => !artifacts.some((artifact) => `${artifact.groupId}:${artifact.artifactId}` === coordinates));
  const project = join(scratch, 'medium');
  writeProject(project, 'medium', artifacts);
  const classes = artifacts.reduce((sum, artifact) => sum + classCount(artifact.jar), 0);
  console.log(`Classpath: ${artifacts.length} jars, ${classes} classes (from ${debianRepo})`);
  if (missing.length > 0) console.log(`  not installed here (apt-get install the lib*-java package to add): ${missing.join(', ')}`);
  const cold = [];
  const warm = [];
  const jdepsTimes = [];
  const floorTimes = [];
  const cpu = { cold: [], warm: [], jdeps: [], floor: [] };
  const jars = artifacts.map((artifact) => artifact.jar);
  let findings;
  for (let run = 0; run < runs; run++) {
    const cacheHome = join(scratch, `cache-medium-${run}`);
    const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
    const first = timed(process.execPath, checkArgs(project, m2), env, scratch);
    if (first.status !== 0) console.log(`  jarscope check exited ${first.status}: ${first.stderr.slice(0, 500)}`);
    findings = findingCount(first.stdout);
    cold.push(first.ms);
    cpu.cold.push(first.cpuMs);
    const second = timed(process.execPath, checkArgs(project, m2), env, scratch);
    warm.push(second.ms);
    cpu.warm.push(second.cpuMs);
    if (jdeps) {
      const result = timed('jdeps', ['--multi-release', '17', '-verbose:class', ...artifacts.map((artifact) => artifact.jar)], process.env, scratch);
      if (result.status !== 0) console.log(`  jdeps exited ${result.status}: ${result.stderr.slice(0, 300)}`);
      jdepsTimes.push(result.ms);
      cpu.jdeps.push(result.cpuMs);
    }
    const floor = timed(process.execPath, [inflateFloor, String(FLOOR_THREADS), ...jars], process.env, scratch);
    if (floor.status !== 0) console.log(`  inflate floor exited ${floor.status}: ${floor.stderr.slice(0, 300)}`);
    floorTimes.push(floor.ms);
    cpu.floor.push(floor.cpuMs);
  }
  const cpuMedian = (values) => (values.length === 0 || values.includes(undefined) ? undefined : median(values));
  const row = {
    jars: artifacts.length,
    classes,
    findings,
    coldMs: median(cold),
    warmMs: median(warm),
    jdepsMs: jdeps ? median(jdepsTimes) : undefined,
    coldCpuMs: cpuMedian(cpu.cold),
    warmCpuMs: cpuMedian(cpu.warm),
    jdepsCpuMs: cpuMedian(cpu.jdeps),
    floorMs: median(floorTimes),
    floorCpuMs: cpuMedian(cpu.floor),
  };
  const cpuText = (ms) => (ms === undefined ? '' : `   cpu ${seconds(ms).padStart(9)}`);
  console.log(`  median of ${runs} run(s), whole process:      wall${' '.repeat(9)}cpu (user + system)`);
  console.log(`  jarscope check, cold cache   ${seconds(row.coldMs).padStart(9)}${cpuText(row.coldCpuMs)}   (${findings} findings)`);
  console.log(`  jarscope check, warm cache   ${seconds(row.warmMs).padStart(9)}${cpuText(row.warmCpuMs)}`);
  console.log(`  jdeps -verbose:class         ${row.jdepsMs === undefined ? 'n/a (no jdeps on PATH)' : `${seconds(row.jdepsMs).padStart(9)}${cpuText(row.jdepsCpuMs)}`}`);
  console.log(`  floor: read + inflate only   ${seconds(row.floorMs).padStart(9)}${cpuText(row.floorCpuMs)}   (node bench/inflateFloor.mjs ${FLOOR_THREADS} JAR..., ${FLOOR_THREADS} threads)`);
  return row;
}

function benchLargest(scratch, m2) {
  const artifacts = allArtifacts(m2);
  const project = join(scratch, 'largest');
  writeProject(project, 'largest', artifacts);
  const classes = artifacts.reduce((sum, artifact) => sum + classCount(artifact.jar), 0);
  console.log(`\nLargest classpath: ${artifacts.length} jars (every artifact of ${debianRepo} with a jar, one version each, aliases once), ${classes} classes`);
  const env = { ...process.env, XDG_CACHE_HOME: join(scratch, 'cache-largest') };
  const cold = timed(process.execPath, checkArgs(project, m2), env, scratch);
  if (cold.status !== 0) console.log(`  jarscope check exited ${cold.status}: ${cold.stderr.slice(0, 500)}`);
  const warm = timed(process.execPath, checkArgs(project, m2), env, scratch);
  const memory = (kb) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
  console.log(`  cold cache: ${seconds(cold.ms)} wall, ${cold.cpuMs === undefined ? '' : `${seconds(cold.cpuMs)} cpu, `}peak memory ${memory(cold.peakKb)}, ${findingCount(cold.stdout)} findings`);
  console.log(`  warm cache: ${seconds(warm.ms)} wall, ${warm.cpuMs === undefined ? '' : `${seconds(warm.cpuMs)} cpu, `}peak memory ${memory(warm.peakKb)}`);
  return { jars: artifacts.length, classes, coldMs: cold.ms, warmMs: warm.ms, coldPeakKb: cold.peakKb, warmPeakKb: warm.peakKb };
}

/** Runs the check benchmark and prints its figures; returns them for a caller's summary. */
export function runCheckBench({ runs = 3, largest = true } = {}) {
  if (!existsSync(debianRepo)) {
    console.log(`${debianRepo} not found: no real jars to check (apt-get install maven-repo-helper and lib*-java packages).`);
    return undefined;
  }
  if (!existsSync(join(repoRoot, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run node scripts/build.mjs first');
  const jdeps = !spawnSync('jdeps', ['--version'], { encoding: 'utf8' }).error;
  const scratch = mkdtempSync(join(tmpdir(), 'jarscope-check-bench-'));
  try {
    const m2 = join(scratch, 'm2');
    const copy = spawnSync('cp', ['-rs', debianRepo, m2], { encoding: 'utf8' });
    if (copy.status !== 0) throw new Error(`cp -rs ${debianRepo} failed: ${copy.stderr}`);
    console.log('jarscope check vs jdeps --multi-release 17 -verbose:class, same jars, same run\n');
    const medium = benchMedium(scratch, m2, runs, jdeps);
    const big = largest ? benchLargest(scratch, m2) : undefined;
    console.log('\nSummary (check)');
    if (medium.jdepsMs !== undefined) {
      const ratio = medium.jdepsMs / medium.coldMs;
      console.log(`  ${medium.jars} jars / ${medium.classes} classes: jarscope ${seconds(medium.coldMs)} cold vs jdeps ${seconds(medium.jdepsMs)}: ${ratio.toFixed(1)}x (target at least 10x: ${ratio >= 10 ? 'met' : 'NOT met'})`);
      if (medium.coldCpuMs !== undefined && medium.jdepsCpuMs !== undefined) {
        console.log(`    by CPU time: jarscope ${seconds(medium.coldCpuMs)} vs jdeps ${seconds(medium.jdepsCpuMs)}: ${(medium.jdepsCpuMs / medium.coldCpuMs).toFixed(1)}x`);
      }
      const floorRatio = medium.jdepsMs / medium.floorMs;
      console.log(`    floor (a Node process that only reads and inflates the classes): ${seconds(medium.floorMs)}, jdeps/floor ${floorRatio.toFixed(1)}x: the most any check in Node could reach here`);
    }
    const warmRatio = medium.coldMs / medium.warmMs;
    if (medium.coldCpuMs !== undefined) console.log(`  cpu: warm ${seconds(medium.warmCpuMs)} vs cold ${seconds(medium.coldCpuMs)}: ${(medium.coldCpuMs / medium.warmCpuMs).toFixed(1)}x`);
    console.log(`  warm cache ${seconds(medium.warmMs)} vs cold ${seconds(medium.coldMs)}: ${warmRatio.toFixed(1)}x faster (target at least 5x: ${warmRatio >= 5 ? 'met' : 'NOT met'})`);
    if (big) console.log(`  largest: ${big.jars} jars / ${big.classes} classes: ${seconds(big.coldMs)} cold, ${seconds(big.warmMs)} warm, peak ${big.coldPeakKb === undefined ? 'n/a' : `${(big.coldPeakKb / 1024).toFixed(0)} MB`}`);
    return { medium, largest: big };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCheckBench({ runs: Math.max(1, Number(option('--runs', '3'))), largest: !process.argv.includes('--no-largest') });
}
