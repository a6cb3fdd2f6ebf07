import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { AnalysisOptions } from '../../../src/core/analysis/analyzeModules';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { parsePom } from '../../../src/core/pom/parsePom';
import type { RuntimeOptions } from '../../../src/core/runtime/runtimeSelection';
import { readWorkspaceRuntimeSettings } from '../../../src/core/runtime/workspaceRuntimeSettings';
import { analyzeFixture, findingsOf, locatedText } from '../analysis/analysisTestKit';
import { fixturePath } from '../helpers/paths';

// test/fixtures/runtime/flink-job: WordJob (own classes) calls TextUtils.slugify of text-utils 2.0, which the
// pom brings; the runtime's flink/lib has text-utils 1.0 without slugify and the Flink API the job uses (provided).
const job = fixturePath('runtime', 'flink-job');
const repository = join(job, 'repo');
const pomPath = join(job, 'pom.xml');
const settings = readWorkspaceRuntimeSettings(job);

function analyse(runtimes: RuntimeOptions, options: AnalysisOptions = {}) {
  return analyzeFixture(job, repository, { runtimes: { definitions: settings.runtimes, baseDir: job, ...runtimes }, ...options });
}

describe('a Flink-style job against its runtime lib folder', () => {
  it('reads the runtimes of the fixture .vscode/settings.json (comments and trailing commas)', () => {
    assert.deepEqual(settings.warnings, []);
    assert.ok(typeof settings.runtimes === 'object' && settings.runtimes !== null && 'flink-local' in settings.runtimes);
  });

  it('under a parent-first pattern covering text-utils: runtime-missing-member naming slugify on the text-utils dependency', async () => {
    // flink-local comes from the pom property jarscope.runtime.
    const result = await analyse({});
    const [missing, ...others] = findingsOf(result, 'runtime-missing-member');
    assert.equal(others.length, 0);
    assert.ok(missing);
    assert.equal(missing.severity, 'error');
    assert.equal(missing.runtime, 'flink-local');
    assert.deepEqual(missing.scopes, ['runtime']);
    assert.match(missing.message, /TextUtils\.slugify/);
    assert.match(missing.message, /flink-local's lib\/text-utils-1\.0\.jar loads first \(parent-first pattern com\.example\.text\.\)/);
    assert.match(missing.message, /com\.example\.job\.WordJob/);
    assert.match(locatedText(readFileSync(pomPath, 'utf8'), missing), /<artifactId>text-utils<\/artifactId>/);
    assert.ok(missing.jars.some((jar) => jar.endsWith(join('flink', 'lib', 'text-utils-1.0.jar'))));
    assert.ok(missing.jars.some((jar) => jar.endsWith('text-utils-2.0.jar')));
    const [overlap] = findingsOf(result, 'runtime-overlap');
    assert.equal(overlap?.severity, 'warning');
    assert.deepEqual(overlap?.classes, ['com.example.text.TextUtils']);
    assert.match(overlap?.message ?? '', /flink-local's lib\/text-utils-1\.0\.jar loads first \(parent-first pattern com\.example\.text\.\)/);
  });

  it('under child-first loading without a pattern: a runtime-overlap warning of different classes across the boundary, no missing member', async () => {
    const result = await analyse({ name: 'flink-child-first' });
    assert.deepEqual(findingsOf(result, 'runtime-missing-member'), []);
    const overlaps = findingsOf(result, 'runtime-overlap');
    assert.equal(overlaps.length, 1);
    const overlap = overlaps[0]!;
    assert.equal(overlap.severity, 'warning');
    assert.equal(overlap.runtime, 'flink-child-first');
    assert.deepEqual(overlap.classes, ['com.example.text.TextUtils']);
    assert.match(overlap.message, /1 different/);
    assert.match(overlap.message, /the job's copy loads first \(child-first loading\)/);
    assert.match(overlap.message, /cannot be cast to X/);
    assert.deepEqual(overlap.jars.map((jar) => jar.slice(job.length + 1)), [join('repo', 'com', 'example', 'text', 'text-utils', '2.0', 'text-utils-2.0.jar'), join('flink', 'lib', 'text-utils-1.0.jar')]);
  });

  it('offers scope provided on the direct dependency; applied, the overlap is gone and the missing member shows', async () => {
    const result = await analyse({ name: 'flink-child-first' });
    const overlap = findingsOf(result, 'runtime-overlap')[0]!;
    assert.deepEqual(overlap.fixes.map((fix) => [fix.kind, fix.preferred]), [['set-scope', true]]);
    const text = readFileSync(pomPath, 'utf8');
    const fixed = applyTextEdits(text, overlap.fixes[0]!.edits);
    const parsed = parsePom(fixed);
    assert.ok(parsed.ok);
    assert.equal(parsed.pom.dependencies.find((dependency) => dependency.artifactId === 'text-utils')?.scope, 'provided');
    const copy = mkdtempSync(join(tmpdir(), 'jarscope-flink-job-'));
    cpSync(job, copy, { recursive: true });
    writeFileSync(join(copy, 'pom.xml'), fixed);
    const after = await analyzeFixture(copy, join(copy, 'repo'), { runtimes: { definitions: settings.runtimes, baseDir: copy, name: 'flink-child-first' } });
    rmSync(copy, { recursive: true, force: true });
    assert.deepEqual(findingsOf(after, 'runtime-overlap'), []);
    // The runtime's 1.0 now loads for the job too: slugify is still missing, now said on the project.
    const [missing] = findingsOf(after, 'runtime-missing-member');
    assert.match(missing?.message ?? '', /the job does not carry com\.example\.text\.TextUtils/);
  });

  it('counts classes the runtime provides as present: the provided Flink API is missing without a runtime only', async () => {
    const without = await analyzeFixture(job, repository, {});
    assert.ok(findingsOf(without, 'missing-class').some((finding) => finding.classes.includes('org.apache.flink.api.common.functions.MapFunction')));
    const withRuntime = await analyse({});
    assert.deepEqual(findingsOf(withRuntime, 'missing-class'), []);
  });

  it('parent-first (spark) loads the runtime copy of every overlapping class', async () => {
    const result = await analyse({ name: 'spark', extraLibs: [join(job, 'flink', 'lib')] });
    assert.match(findingsOf(result, 'runtime-missing-member')[0]?.message ?? '', /spark's lib\/text-utils-1\.0\.jar loads first \(parent-first loading\)/);
  });

  it('--runtime-lib alone is a parent-first runtime of those jars', async () => {
    const session = await analyzeFixture(job, repository, { runtimes: { extraLibs: [join(job, 'flink', 'lib')], baseDir: job } });
    // The pom names flink-local, which this run does not define: an unknown runtime, said once.
    assert.match(findingsOf(session, 'runtime-problem')[0]?.message ?? '', /Unknown runtime "flink-local" \(named by the jarscope\.runtime property\)/);
  });

  it('bad runtime input: one runtime-problem per path, naming the runtime; the rest is still analysed', async () => {
    const bad = fixturePath('runtime', 'bad-libs');
    const result = await analyse({ extraLibs: [join(bad, 'missing'), join(bad, 'empty'), join(bad, '**', '*-none.jar'), join(bad, 'corrupt')] });
    const problems = findingsOf(result, 'runtime-problem').map((finding) => finding.message);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.ok(problems.every((message) => message.startsWith('runtime "flink-local": ')));
    assert.ok(problems.some((message) => /bad-libs\/missing does not exist/.test(message)));
    assert.ok(problems.some((message) => /bad-libs\/empty has no \.jar files/.test(message)));
    assert.ok(problems.some((message) => /matches no \.jar file/.test(message)));
    assert.ok(problems.some((message) => /truncated-connector\.jar cannot be read as a jar/.test(message)));
    assert.equal(findingsOf(result, 'runtime-missing-member').length, 1, 'the readable jars are still analysed');
  });

  it('an unknown --runtime is a runtime-problem, and malformed definitions are run warnings', async () => {
    const result = await analyzeFixture(job, repository, { runtimes: { name: 'nope', definitions: { broken: { preset: 'jboss' } }, source: 'S', baseDir: job } });
    assert.match(findingsOf(result, 'runtime-problem')[0]?.message ?? '', /Unknown runtime "nope" \(named by --runtime\); known runtimes: flink, spark, spark-user-first/);
    assert.ok(result.warnings.some((warning) => warning.startsWith('S: runtime "broken": unknown preset')));
  });
});

describe('a fat jar of the job overlapping a runtime jar', () => {
  it('names the fat jar and the artifact it embeds unrelocated', async () => {
    const project = fixturePath('folders', 'fat-project');
    const runtimeLib = join(fixturePath('folders', 'workspace', 'lib'), 'textutil-*.jar');
    const result = await analyzeFixture(project, fixturePath('folders', 'repo'), { runtimes: { extraLibs: [runtimeLib], baseDir: project } });
    const overlaps = findingsOf(result, 'runtime-overlap');
    const fromFatJar = overlaps.find((overlap) => overlap.jars[0]!.endsWith('fat-all-1.0.jar'));
    assert.ok(fromFatJar, overlaps.map((overlap) => overlap.message).join('\n'));
    assert.deepEqual(fromFatJar.classes, ['org.textutil.Strings']);
    assert.match(fromFatJar.message, /fat-all-1\.0\.jar embeds org\.textutil:textutil:1\.0 unrelocated\./);
    const fromPlainJar = overlaps.find((overlap) => overlap.jars[0]!.endsWith(join('textutil', '1.0', 'textutil-1.0.jar')));
    assert.ok(fromPlainJar);
    assert.doesNotMatch(fromPlainJar.message, /embeds/);
  });
});
