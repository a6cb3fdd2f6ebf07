// Benchmarks that print figures (never timed tests):
//  1. For every project of test/fixtures/maven-corpus: the wall time of `jarscope tree` and of
//     `mvn -o dependency:tree`, measured side by side in the same run (alternating, several runs each,
//     median), and their ratio. Maven runs against a throw-away local repository outside the working
//     tree (a symlink copy of Debian's /usr/share/maven-repo for Maven's own plugins, plus a copy of
//     test/fixtures/maven-repo), on a temporary copy of each case, as scripts/maven/regenerateGoldens.mjs does.
//     Beside them, a bare `node -e ''` (Node's own start-up, which no CLI written for Node can go below)
//     gives the highest ratio any Node CLI could reach against the same Maven times.
//     Both are measured twice, alternating: once in this machine's environment as it is, and once with
//     NODE_EXTRA_CA_CERTS removed from the child's environment. When that variable is set, Node 20 loads
//     the whole certificate bundle it names at start-up, before any script runs; jarscope never uses the
//     network, so that is start-up cost of the environment, not of jarscope. The two are printed as
//     separate, labelled columns and ratios; the target is judged on each, named as such.
//  2. A synthetic 1,000-artifact graph, generated as a local repository in a temp folder and resolved
//     in-process: the first resolution (reading and building every pom) and warm re-resolutions; then the
//     first resolution again several times with new caches, which shows how much of the first one is the
//     work itself and how much is V8 running its code for the first time (as every CLI run does). The first
//     resolution is also timed in fresh processes that do nothing before it (the bench process has spawned
//     every corpus run by then), median of 7.
//     Beside those in-process figures, and never in their place: `jarscope tree --verbose` run as a whole
//     process on the same graph, after one run that leaves the CLI's V8 code cache in place (as every real
//     run after the first has it), Node start-up included, with `node -e ''` alongside, in both environments.
//
// Usage: npm run bench [-- --runs N] [--cases SUBSTRING] [--no-maven] [--synthetic-runs N] [--only resolver|check|editor]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runCheckBench } from './checkBench.mjs';
import { runEditorBench } from './editorBench.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = join(repoRoot, 'test', 'fixtures', 'maven-corpus');
const fixtureRepo = join(repoRoot, 'test', 'fixtures', 'maven-repo');
const cli = join(repoRoot, 'bin', 'jarscope.js');
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.5.0';
const caCerts = process.env.NODE_EXTRA_CA_CERTS;
/** The child environment without the certificate bundle Node would load at start-up. */
const envWithoutCaCerts = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));
const machineLabel = caCerts ? 'as this machine\'s environment starts Node (NODE_EXTRA_CA_CERTS set)' : 'as this machine\'s environment starts Node';
const bareLabel = 'Node without NODE_EXTRA_CA_CERTS';

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

const runs = Math.max(1, Number(option('--runs', '3')));
const syntheticRuns = Math.max(1, Number(option('--synthetic-runs', '20')));
const caseFilter = option('--cases', '');
const withMaven = !process.argv.includes('--no-maven');
const only = option('--only', undefined);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Wall time of one process, in milliseconds, with its exit status. */
function timed(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  return { ms, status: result.status };
}

function mavenAvailable() {
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  return !probe.error && probe.status === 0 && existsSync('/usr/share/maven-repo');
}

function makeMavenRepository(scratch) {
  const m2 = join(scratch, 'm2');
  const copy = spawnSync('cp', ['-rs', '/usr/share/maven-repo', m2], { encoding: 'utf8' });
  if (copy.status !== 0) throw new Error(`cp -rs /usr/share/maven-repo failed: ${copy.stderr}`);
  cpSync(fixtureRepo, m2, { recursive: true });
  return m2;
}

function corpusCases() {
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(corpusDir, entry.name, 'case.json')))
    .map((entry) => entry.name)
    .filter((name) => name.includes(caseFilter))
    .sort();
}

function pad(text, width, right = false) {
  const value = String(text);
  return right ? value.padStart(width) : value.padEnd(width);
}

function benchCorpus(scratch, maven) {
  const m2 = maven ? makeMavenRepository(scratch) : undefined;
  const rows = [];
  for (const name of corpusCases()) {
    const corpusCase = JSON.parse(readFileSync(join(corpusDir, name, 'case.json'), 'utf8'));
    const work = join(scratch, 'cases', name);
    cpSync(join(corpusDir, name), work, { recursive: true, filter: (source) => !source.includes(`${name}/expected`) });
    const jarscopeTimes = [];
    const mavenTimes = [];
    const nodeTimes = [];
    const bareJarscopeTimes = [];
    const bareNodeTimes = [];
    let mavenStatus = 0;
    let jarscopeStatus = 0;
    const treeArgs = [cli, 'tree', work, ...corpusCase.args, '--local-repo', fixtureRepo];
    for (let run = 0; run < runs; run++) {
      const jarscope = timed(process.execPath, treeArgs);
      jarscopeTimes.push(jarscope.ms);
      jarscopeStatus = jarscope.status;
      nodeTimes.push(timed(process.execPath, ['-e', '']).ms);
      bareJarscopeTimes.push(timed(process.execPath, treeArgs, { env: envWithoutCaCerts }).ms);
      bareNodeTimes.push(timed(process.execPath, ['-e', ''], { env: envWithoutCaCerts }).ms);
      if (m2) {
        const mvnArgs = ['-o', '-B', '-q', '-ntp', '-Dstyle.color=never', `-Dmaven.repo.local=${m2}`, ...corpusCase.args];
        const mvn = timed('mvn', [...mvnArgs, `${DEPENDENCY_PLUGIN}:tree`, '-DoutputFile=target/bench-tree.txt'], { cwd: work });
        mavenTimes.push(mvn.ms);
        mavenStatus = mvn.status;
      }
    }
    const jarscopeMs = median(jarscopeTimes);
    const mavenMs = m2 ? median(mavenTimes) : undefined;
    const nodeMs = median(nodeTimes);
    const bareJarscopeMs = median(bareJarscopeTimes);
    const bareNodeMs = median(bareNodeTimes);
    const ratioTo = (ms) => (mavenMs === undefined ? undefined : mavenMs / ms);
    const row = {
      name, jarscopeMs, mavenMs, nodeMs, bareJarscopeMs, bareNodeMs,
      ratio: ratioTo(jarscopeMs), bareRatio: ratioTo(bareJarscopeMs), jarscopeStatus, mavenStatus,
    };
    rows.push(row);
    const maven = mavenMs === undefined ? 'n/a' : `${mavenMs.toFixed(0)} ms${mavenStatus === 0 ? '' : ` (exit ${mavenStatus})`}`;
    const ratio = (value) => (value === undefined ? '' : ` ${value.toFixed(1)}x`);
    console.log(
      `${pad(name, 44)} jarscope ${pad(jarscopeMs.toFixed(0), 5, true)} ms${ratio(row.ratio)}   ` +
        `without CA bundle ${pad(bareJarscopeMs.toFixed(0), 5, true)} ms${ratio(row.bareRatio)}   mvn ${maven}`,
    );
  }
  return rows;
}

const syntheticArtifacts = 1000;

let syntheticModules;

/** The synthetic graph's bench code, bundled once per run. */
async function syntheticBundles(scratch) {
  if (syntheticModules) return syntheticModules;
  const outdir = join(scratch, 'synthetic-bundles');
  await build({
    entryPoints: [join(repoRoot, 'bench', 'syntheticResolve.ts'), join(repoRoot, 'bench', 'syntheticRepository.ts')],
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  const load = createRequire(import.meta.url);
  syntheticModules = { ...load(join(outdir, 'syntheticResolve.cjs')), ...load(join(outdir, 'syntheticRepository.cjs')) };
  return syntheticModules;
}

async function benchSynthetic(scratch) {
  const { timeSyntheticResolution } = await syntheticBundles(scratch);
  return timeSyntheticResolution(syntheticArtifacts, syntheticRuns);
}

/**
 * `jarscope tree --verbose` on the synthetic graph as a whole process: one untimed run first, which leaves
 * the CLI's V8 code cache in place as any earlier run does, then timed runs alternating with `node -e ''`,
 * in this machine's environment and without NODE_EXTRA_CA_CERTS.
 */
async function benchSyntheticCli(scratch) {
  const { writeSyntheticRepository } = await syntheticBundles(scratch);
  const { projectDir, repository } = writeSyntheticRepository(join(scratch, 'synthetic-cli'), syntheticArtifacts);
  const args = [cli, 'tree', projectDir, '--verbose', '--local-repo', repository];
  const warmUp = timed(process.execPath, args);
  // The first resolution alone, in processes that do nothing else first (this one has spawned every run above).
  const bundle = join(scratch, 'synthetic-bundles', 'syntheticResolve.cjs');
  const firstResolution = [];
  for (let run = 0; run < 7; run++) {
    const script = `process.stdout.write(String(require(${JSON.stringify(bundle)}).timeFirstResolution(${JSON.stringify(projectDir)}, ${JSON.stringify(repository)})))`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`first resolution in a fresh process failed: ${child.stderr}`);
    firstResolution.push(Number(child.stdout));
  }
  const times = { jarscope: [], node: [], bareJarscope: [], bareNode: [] };
  for (let run = 0; run < Math.max(runs, 5); run++) {
    times.jarscope.push(timed(process.execPath, args).ms);
    times.node.push(timed(process.execPath, ['-e', '']).ms);
    times.bareJarscope.push(timed(process.execPath, args, { env: envWithoutCaCerts }).ms);
    times.bareNode.push(timed(process.execPath, ['-e', ''], { env: envWithoutCaCerts }).ms);
  }
  return { status: warmUp.status, runs: times.jarscope.length, firstResolution, ...Object.fromEntries(Object.entries(times).map(([key, values]) => [key, median(values)])) };
}

async function runResolverBench() {
  const scratch = mkdtempSync(join(tmpdir(), 'jarscope-bench-'));
  try {
    const maven = withMaven && mavenAvailable();
    if (withMaven && !maven) console.log('mvn or /usr/share/maven-repo not found: timing jarscope only.\n');
    console.log(`Corpus: jarscope tree vs mvn -o dependency:tree, median of ${runs} run(s) each, wall time\n`);
    if (process.env.NODE_EXTRA_CA_CERTS) {
      // Node 20 reads the whole certificate store at start-up when this is set, before any script runs.
      console.log(`NODE_EXTRA_CA_CERTS is set: every Node process here, jarscope's included, loads ${process.env.NODE_EXTRA_CA_CERTS} at start-up.\n`);
    }
    const rows = benchCorpus(scratch, maven);
    console.log(`\nSynthetic graph: 1,000 artifacts (2 versions each, 5 layers), resolved in-process`);
    const synthetic = await benchSynthetic(scratch);
    const warm = median(synthetic.warmMs);
    console.log(`  resolved artifacts: ${synthetic.resolvedArtifacts}`);
    console.log(`  first resolution (reads and builds every pom): ${synthetic.coldMs.toFixed(1)} ms`);
    console.log(`  re-resolution, models cached (median of ${synthetic.warmMs.length}): ${warm.toFixed(1)} ms`);
    const fresh = synthetic.freshCachesMs;
    console.log(`  first resolution repeated with new caches, as V8 optimises the pom reading: ${fresh.map((ms) => ms.toFixed(0)).join(', ')} ms (last 3 median ${median(fresh.slice(-3)).toFixed(1)} ms)`);
    const wholeCli = await benchSyntheticCli(scratch);
    const firstInFresh = median(wholeCli.firstResolution);
    console.log(`  first resolution, each in a fresh process that does nothing before it: median ${firstInFresh.toFixed(1)} ms (${wholeCli.firstResolution.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
    const cliStatus = wholeCli.status === 0 ? '' : ` (exit ${wholeCli.status})`;
    console.log(`  not in-process: \`jarscope tree --verbose\` on this graph as a whole process, V8 code cache from an earlier run, Node start-up included (median of ${wholeCli.runs})${cliStatus}:`);
    console.log(`    ${machineLabel}: ${wholeCli.jarscope.toFixed(0)} ms (node -e '' ${wholeCli.node.toFixed(0)} ms)`);
    console.log(`    ${bareLabel}: ${wholeCli.bareJarscope.toFixed(0)} ms (node -e '' ${wholeCli.bareNode.toFixed(0)} ms)`);

    console.log('\nSummary');
    const ms = (value) => (value === undefined ? 'n/a' : `${value.toFixed(0)} ms`);
    const times = (value) => (value === undefined ? 'n/a' : `${value.toFixed(1)}x`);
    const ceilingOf = (row, nodeMs) => (row.mavenMs === undefined ? undefined : row.mavenMs / nodeMs);
    console.log(`  [A] ${machineLabel}`);
    console.log(`  [B] ${bareLabel}: the same command, NODE_EXTRA_CA_CERTS removed from the child's environment`);
    console.log(
      `${pad('project', 44)} ${pad('mvn', 8, true)} | ${pad('[A] tree', 9, true)} ${pad('ratio', 7, true)} ${pad('node -e', 8, true)} ${pad('mvn/node', 8, true)}` +
        ` | ${pad('[B] tree', 9, true)} ${pad('ratio', 7, true)} ${pad('node -e', 8, true)} ${pad('mvn/node', 8, true)}`,
    );
    for (const row of rows) {
      console.log(
        `${pad(row.name, 44)} ${pad(ms(row.mavenMs), 8, true)} | ${pad(ms(row.jarscopeMs), 9, true)} ${pad(times(row.ratio), 7, true)} ${pad(ms(row.nodeMs), 8, true)} ${pad(times(ceilingOf(row, row.nodeMs)), 8, true)}` +
          ` | ${pad(ms(row.bareJarscopeMs), 9, true)} ${pad(times(row.bareRatio), 7, true)} ${pad(ms(row.bareNodeMs), 8, true)} ${pad(times(ceilingOf(row, row.bareNodeMs)), 8, true)}`,
      );
    }
    const environments = [
      { label: machineLabel, jarscope: 'jarscopeMs', node: 'nodeMs', ratio: 'ratio' },
      { label: bareLabel, jarscope: 'bareJarscopeMs', node: 'bareNodeMs', ratio: 'bareRatio' },
    ];
    for (const environment of environments) {
      const nodeMedian = median(rows.map((row) => row[environment.node]));
      const jarscopeMedian = median(rows.map((row) => row[environment.jarscope]));
      console.log(`\n${environment.label}:`);
      console.log(`  Node start-up alone (node -e ''): median ${nodeMedian.toFixed(0)} ms; jarscope tree: median ${jarscopeMedian.toFixed(0)} ms (${(jarscopeMedian - nodeMedian).toFixed(0)} ms above bare Node)`);
      const ratios = rows.map((row) => row[environment.ratio]).filter((ratio) => ratio !== undefined);
      if (ratios.length > 0) {
        const slowest = Math.min(...ratios);
        const below = ratios.filter((ratio) => ratio < 20).length;
        console.log(`  Speed-up over mvn: median ${median(ratios).toFixed(1)}x, lowest ${slowest.toFixed(1)}x, ${below} of ${ratios.length} below 20x (target: at least 20x on every project: ${slowest >= 20 ? 'met' : 'NOT met'})`);
      }
    }
    console.log('');
    const firstMet = (ms) => (ms < 100 ? 'met' : 'not met');
    console.log(
      `1,000-artifact graph (target: under 100 ms): re-resolution ${warm.toFixed(1)} ms (${firstMet(warm)}); first resolution ${synthetic.coldMs.toFixed(1)} ms in this bench process (${firstMet(synthetic.coldMs)}),` +
        ` median ${firstInFresh.toFixed(1)} ms in fresh processes (${firstMet(firstInFresh)})`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (only === undefined || only === 'resolver') {
  console.log('== jarscope tree and the resolver ==');
  await runResolverBench();
}

// The class analysis (issue: jarscope check against jdeps, cold and warm cache) and the editor (findings in
// the real VS Code after opening and after an edit), each printing its own figures side by side.
if (only === undefined || only === 'check') {
  console.log('\n== jarscope check ==');
  runCheckBench({ runs });
}
if (only === undefined || only === 'editor') {
  console.log('\n== editor: findings in the real VS Code ==');
  runEditorBench({ deps: 100, edits: 5 });
}
