// Checks the CLI's trees and classpaths against goldens written by real Maven 3.8.7
// (scripts/maven/regenerateGoldens.mjs), byte for byte, for every case of test/fixtures/maven-corpus.
// Most runs call the CLI's command functions in this process (a spawn costs far more than the command);
// a few, one per command, run `node bin/jarscope.js` as a user does and must print what the in-process run
// prints, after all the in-process runs before them.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { runClasspath, runTree, type CommandOutput } from '../../src/cli/commands';
import { parseArguments } from '../../src/cli/parseArguments';
import { fixturePath, repoRoot } from './helpers/paths';

interface CorpusCase {
  description: string;
  args: string[];
  reactorOrder: string[];
  /** Goldens made with `--fail-at-end`: modules after a failed one still have their outputs. */
  failAtEnd?: boolean;
  /**
   * Per golden file, the modules Maven skipped (with --fail-at-end) because one they depend on failed: they wrote
   * nothing. The tree mojo only collects and build-classpath needs files, so a module can fail for one and not the other.
   */
  skipped?: Record<string, string[]>;
}

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const corpusDir = fixturePath('maven-corpus');
const localRepo = fixturePath('maven-repo');
const cliBundle = join(repoRoot, 'dist', 'cli.js');
const cliBin = join(repoRoot, 'bin', 'jarscope.js');

/** Golden file name per CLI invocation, in the order the goldens are written. */
const OUTPUTS: ReadonlyArray<{ file: string; command: string[] }> = [
  { file: 'tree.txt', command: ['tree'] },
  { file: 'tree-verbose.txt', command: ['tree', '--verbose'] },
  { file: 'classpath-test.txt', command: ['classpath', '--scope', 'test'] },
  { file: 'classpath-compile.txt', command: ['classpath', '--scope', 'compile'] },
  { file: 'classpath-runtime.txt', command: ['classpath', '--scope', 'runtime'] },
];

function corpusCases(): string[] {
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(corpusDir, entry.name, 'case.json')))
    .map((entry) => entry.name)
    .sort();
}

function readCase(caseDir: string): CorpusCase {
  return JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) as CorpusCase;
}

/** expected/ folder of a module: "." is ROOT, "a/b" is a__b (the corpus layout). */
function expectedDir(caseDir: string, moduleDir: string): string {
  return join(caseDir, 'expected', moduleDir === '.' ? 'ROOT' : moduleDir.split('/').join('__'));
}

/**
 * Runs (as a real process) the outputs named `case|module|golden file`, or `case|all` for the all-modules
 * tree: tree, tree --verbose and classpath, with -D properties and several modules, and a run Maven fails.
 */
const SPAWNED = new Set([
  '01-nearest-wins|.|tree.txt',
  '11-cli-property-overrides|core|tree-verbose.txt',
  '11-cli-property-overrides|app|classpath-runtime.txt',
  '11-cli-property-overrides|all',
  '30-missing-transitive-jar|.|classpath-compile.txt',
]);

const spawnedKeys = new Set<string>();

function spawnCli(args: string[]): Promise<CliRun> {
  assert.ok(existsSync(cliBundle), `${cliBundle} is missing: run \`node scripts/build.mjs\` first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
  });
}

/**
 * What main.ts runs for `tree` and `classpath`, in this process: the same argument parsing, the same
 * command functions with the same environment, and main's line for an error thrown. The working folder
 * and the environment must come out unchanged, or the cases after this one would see them.
 */
function runInProcess(args: string[]): CliRun {
  const parsed = parseArguments(args);
  assert.ok(parsed.ok, `jarscope ${args.join(' ')}: ${parsed.ok ? '' : parsed.message}`);
  const cwd = process.cwd();
  const env = JSON.stringify(process.env);
  let output: CommandOutput;
  try {
    output = parsed.options.command === 'tree' ? runTree(parsed.options, process.env) : runClasspath(parsed.options, process.env);
  } catch (error) {
    output = { exitCode: 1, stdout: '', stderr: `jarscope: error: ${error instanceof Error ? error.message : String(error)}\n` };
  }
  assert.equal(process.cwd(), cwd, 'the command changed the working folder');
  assert.equal(JSON.stringify(process.env), env, 'the command changed the environment');
  return { status: output.exitCode, stdout: output.stdout, stderr: output.stderr };
}

/** The CLI's run in this process; for a SPAWNED key also as a process, which must print the same. */
async function runCli(args: string[], key: string): Promise<CliRun> {
  const inProcess = runInProcess(args);
  if (!SPAWNED.has(key)) return inProcess;
  spawnedKeys.add(key);
  const spawned = await spawnCli(args);
  assert.deepEqual(spawned, inProcess, `jarscope ${args.join(' ')}: the process and the in-process run differ`);
  return spawned;
}

/** The CLI's output with the same placeholders the goldens use. */
function toGoldenForm(text: string, caseDir: string): string {
  return text.split(localRepo).join('@REPO@').split(caseDir).join('@PROJECT@');
}

/**
 * The artifacts Maven named as unresolvable in expected/mvn-error.txt, as g:a:type[:classifier]:v.
 * Maven 3.8 words it "the artifact X has not been downloaded" or "could not be resolved: X, Y: …".
 */
function missingArtifacts(mvnError: string): string[] {
  const found = new Set<string>();
  for (const match of mvnError.matchAll(/the artifact (\S+) has not been downloaded/g)) found.add(match[1] ?? '');
  for (const match of mvnError.matchAll(/could not be resolved: (.+?): (?:Cannot access|Could not find|Failure)/g)) {
    for (const coordinates of (match[1] ?? '').split(', ')) found.add(coordinates);
  }
  for (const match of mvnError.matchAll(/Could not find artifact (\S+)/g)) found.add(match[1] ?? '');
  for (const match of mvnError.matchAll(/No versions available for (\S+) within specified range/g)) found.add(match[1] ?? '');
  found.delete('');
  return [...found];
}

/** The model problems Maven stopped on, as its "problems while processing the POMs" lines word them. */
function modelProblems(mvnError: string): string[] {
  return [...mvnError.matchAll(/^\[ERROR\] +('[^\n]+?) @ line \d+, column \d+/gm)].map((match) => match[1] ?? '');
}

/** What maven-resolver itself throws, naming neither an artifact nor a model problem (DefaultArtifactType). */
const resolverFailures = ['type id cannot be empty'];

/**
 * The CLI failed where Maven did, naming the artifact Maven could not find, the model problem it stopped on, or
 * the resolver's own failure.
 */
function assertReportsMavenFailure(run: CliRun, mvnError: string, what: string): void {
  const output = run.stdout + run.stderr;
  assert.equal(run.status, 1, `${what}: Maven failed, so the CLI must exit 1\n${output}`);
  // A project Maven cannot read stops the whole build: no module writes anything.
  if (mvnError.includes('[ERROR] The build could not read')) assert.equal(run.stdout, '', `${what}: Maven could not read the projects and built none`);
  const problems = modelProblems(mvnError);
  if (problems.length > 0) {
    assert.ok(problems.some((problem) => output.includes(problem)), `${what}: output should say ${problems.join(' / ')}:\n${output}`);
    return;
  }
  // ProjectSorter's failure names the edge and the cycle it closes: the CLI must say the same.
  const reactorCycle = /The projects in the reactor contain a cyclic reference: .*?(?= -> \[Help 1\])/.exec(mvnError)?.[0];
  if (reactorCycle !== undefined) {
    assert.ok(output.includes(reactorCycle), `${what}: output should say ${reactorCycle}:\n${output}`);
    assert.equal(run.stdout, '', `${what}: Maven builds nothing`);
    return;
  }
  // NearestVersionSelector's failure names every path to the conflict: the CLI must name the same ones.
  const unsolvable = /Could not resolve version conflict among \[.*\](?= -> \[Help 1\])/.exec(mvnError)?.[0];
  if (unsolvable !== undefined) {
    assert.ok(output.includes(unsolvable), `${what}: output should say ${unsolvable}:\n${output}`);
    return;
  }
  const resolverFailure = resolverFailures.find((message) => mvnError.includes(`[ERROR] ${message}\n`));
  if (resolverFailure !== undefined) {
    assert.ok(output.includes(resolverFailure), `${what}: output should say ${resolverFailure}:\n${output}`);
    return;
  }
  const missing = missingArtifacts(mvnError);
  assert.ok(missing.length > 0, `expected/mvn-error.txt names no artifact nor model problem:\n${mvnError}`);
  const named = missing.some((coordinates) => {
    const parts = coordinates.split(':');
    const groupAndArtifact = `${parts[0]}:${parts[1]}`;
    return output.includes(groupAndArtifact) && output.includes(parts[parts.length - 1] ?? '');
  });
  assert.ok(named, `${what}: output should name the missing artifact (${missing.join(', ')}):\n${output}`);
}

async function checkOutput(
  caseName: string,
  caseDir: string,
  corpusCase: CorpusCase,
  moduleDir: string,
  output: (typeof OUTPUTS)[number],
): Promise<void> {
  const [subcommand = '', ...options] = output.command;
  const args = [subcommand, caseDir, '--module', moduleDir, ...options, ...corpusCase.args, '--local-repo', localRepo];
  const run = await runCli(args, `${caseName}|${moduleDir}|${output.file}`);
  const what = `jarscope ${args.join(' ')}`;
  const goldenFile = join(expectedDir(caseDir, moduleDir), output.file);
  if (corpusCase.skipped?.[output.file]?.includes(moduleDir)) {
    assert.equal(run.status, 1, `${what}: Maven skipped this module, so the CLI must exit 1\n${run.stderr}`);
    assert.equal(run.stdout, '', `${what}: Maven wrote nothing for this module`);
    assert.match(run.stderr, /Skipped, as Maven skips it: it depends on \S+ \(\S+\), which failed/, what);
    return;
  }
  if (!existsSync(goldenFile)) {
    const mvnErrorFile = join(caseDir, 'expected', 'mvn-error.txt');
    assert.ok(existsSync(mvnErrorFile), `${goldenFile} is missing and Maven did not fail: regenerate the goldens`);
    assertReportsMavenFailure(run, readFileSync(mvnErrorFile, 'utf8'), what);
    return;
  }
  assert.equal(run.status, 0, `${what} exited ${run.status}\n${run.stderr}`);
  assert.equal(toGoldenForm(run.stdout, caseDir), readFileSync(goldenFile, 'utf8'), what);
}

/** `tree` without --module: every module's tree in reactor order, one blank line between them. */
async function checkAllModulesTree(caseName: string, caseDir: string, corpusCase: CorpusCase): Promise<void> {
  const args = ['tree', caseDir, ...corpusCase.args, '--local-repo', localRepo];
  const run = await runCli(args, `${caseName}|all`);
  const what = `jarscope ${args.join(' ')}`;
  const goldenFiles = corpusCase.reactorOrder.map((moduleDir) => join(expectedDir(caseDir, moduleDir), 'tree.txt'));
  if (corpusCase.failAtEnd) {
    // Maven went on after a failure: the trees of the modules it built, in order, and a failed run.
    const written = goldenFiles.filter((file) => existsSync(file));
    const mvnErrorFile = join(caseDir, 'expected', 'mvn-error.txt');
    // mvn-error.txt opens each failed run with its command line: did the plain tree's run fail?
    const failed = existsSync(mvnErrorFile) && /^\$ mvn .*:tree -DoutputFile=\S*\/tree\.txt$/m.test(readFileSync(mvnErrorFile, 'utf8'));
    assert.equal(run.status, failed ? 1 : 0, `${what} exited ${run.status}\n${run.stderr}`);
    assert.equal(toGoldenForm(run.stdout, caseDir), written.map((file) => readFileSync(file, 'utf8')).join('\n'), what);
    return;
  }
  // No reactor order: Maven could not even read the projects.
  if (goldenFiles.length === 0 || !goldenFiles.every((file) => existsSync(file))) {
    assertReportsMavenFailure(run, readFileSync(join(caseDir, 'expected', 'mvn-error.txt'), 'utf8'), what);
    return;
  }
  // Each tree.txt ends with a newline, so joining on "\n" leaves exactly one blank line between trees.
  const expected = goldenFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
  assert.equal(run.status, 0, `${what} exited ${run.status}\n${run.stderr}`);
  assert.equal(toGoldenForm(run.stdout, caseDir), expected, what);
}

describe('Maven oracle corpus (goldens from real Maven 3.8.7)', () => {
  for (const caseName of corpusCases()) {
    const caseDir = join(corpusDir, caseName);
    const corpusCase = readCase(caseDir);
    describe(`${caseName}: ${corpusCase.description}`, () => {
      for (const moduleDir of corpusCase.reactorOrder) {
        for (const output of OUTPUTS) {
          it(`${moduleDir} ${output.file}`, () => checkOutput(caseName, caseDir, corpusCase, moduleDir, output));
        }
      }
      it('all modules tree, in reactor order', () => checkAllModulesTree(caseName, caseDir, corpusCase));
    });
  }
  it('ran each of the real-process cases (a renamed case must not drop them)', () => {
    assert.deepEqual([...spawnedKeys].sort(), [...SPAWNED].sort());
  });
});

/** Files below dir, as paths relative to it, sorted. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('fixture repository', () => {
  it('is exactly what scripts/maven/buildFixtureRepo.mjs writes from its spec', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'jarscope-fixture-repo-'));
    try {
      const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'maven', 'buildFixtureRepo.mjs'), '--root', scratch], {
        encoding: 'utf8',
      });
      assert.equal(build.status, 0, build.stderr);
      const generatedRepo = join(scratch, 'test', 'fixtures', 'maven-repo');
      assert.deepEqual(filesBelow(localRepo), filesBelow(generatedRepo), 'committed vs generated repository files');
      // Every generated file (the repository and the jars cases point at) must match its committed bytes.
      const differing = filesBelow(scratch).filter(
        (file) => !readFileSync(join(scratch, file)).equals(readFileSync(join(repoRoot, file))),
      );
      assert.deepEqual(differing, [], 'run `node scripts/maven/buildFixtureRepo.mjs` and commit the result');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
