import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeModules } from '../../../src/core/analysis/analyzeModules';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { explainFailures } from '../../../src/core/explain/explainFailure';
import { openExplainIndexer } from '../../../src/core/explain/explainIndexer';
import { explanationMarkdown } from '../../../src/core/explain/explanationMarkdown';
import { parseThrowable } from '../../../src/core/explain/parseThrowable';
import { runtimeClassLocations } from '../../../src/core/explain/runtimeClassLocations';
import { parsePom } from '../../../src/core/pom/parsePom';
import type { RuntimeOptions } from '../../../src/core/runtime/runtimeSelection';
import { readWorkspaceRuntimeSettings } from '../../../src/core/runtime/workspaceRuntimeSettings';
import { fixtureSession } from '../analysis/analysisTestKit';
import { fixturePath } from '../helpers/paths';

// test/fixtures/runtime/flink-job: the job's own WordJob calls TextUtils.slugify of text-utils 2.0 (a compile
// dependency); the runtime's flink/lib has text-utils 1.0 without slugify and the Flink API (provided in the pom).
const job = fixturePath('runtime', 'flink-job');
const settings = readWorkspaceRuntimeSettings(job);
const SLUGIFY = "java.lang.NoSuchMethodError: 'java.lang.String com.example.text.TextUtils.slugify(java.lang.String)'";
const opened = openExplainIndexer(undefined);

/** Explains `text` after analysing the job in `dir` (the fixture, or a copy of it with another pom). */
async function explain(text: string, runtimes: RuntimeOptions | undefined, dir = job) {
  const session = fixtureSession(dir, join(dir, 'repo'));
  const analysis = await analyzeModules(session, session.reactor.modules, { cacheDir: null, env: process.env, ...(runtimes === undefined ? {} : { runtimes }) });
  const [explanation] = await explainFailures({ session, modules: analysis.modules, indexer: opened.indexer, ...(runtimes === undefined ? {} : { runtimes }) }, parseThrowable(text));
  const explained = explanation!.classes[0]!;
  assert.equal(explained.modules.length, 1);
  return { explanation: explanation!, module: explained.modules[0]! };
}

const withSettings = (extra: RuntimeOptions = {}, baseDir = job): RuntimeOptions => ({ definitions: settings.runtimes, baseDir, ...extra });

describe('Explain against the runtime a module deploys to (flink-job fixture)', () => {
  after(() => opened.close());

  it('parent-first pattern: names the runtime jar that lacks slugify and loads first, and the shadowed text-utils 2.0', async () => {
    // flink-local comes from the pom's jarscope.runtime property; it adds com.example.text. to the parent-first patterns.
    const { explanation, module } = await explain(SLUGIFY, withSettings());
    const runtime = module.runtime;
    assert.ok(runtime);
    assert.equal(runtime.runtime, 'flink-local');
    assert.equal(runtime.order, 'child-first');
    assert.deepEqual(runtime.copies.map((copy) => [copy.name, copy.hasMember]), [["flink-local's lib/text-utils-1.0.jar", false]]);
    assert.ok(runtime.copies[0]!.file.endsWith(join('flink', 'lib', 'text-utils-1.0.jar')));
    assert.equal(runtime.loaded?.fromRuntime, true);
    assert.equal(runtime.rule, 'parent-first pattern com.example.text.');
    assert.equal(module.story, "flink-local's lib/text-utils-1.0.jar loads first (parent-first pattern com.example.text.); it lacks slugify; the job's text-utils 2.0 is shadowed");
    // The job's own copy on the classpaths declares slugify: the build is right, the runtime is not.
    assert.ok(module.copies.filter((copy) => copy.scope === 'runtime').every((copy) => copy.hasMember === true));
    assert.match(runtime.advice.join('\n'), /relocate \(shade\) com\.example\.text in the job jar/);
    assert.match(runtime.advice.join('\n'), /leave com\.example\.text\. out of flink-local's parent-first patterns/);
    assert.deepEqual(runtime.problems, []);

    const { markdown } = explanationMarkdown([explanation]);
    assert.match(markdown, /In the runtime `flink-local` \(child-first loading\):/);
    assert.match(markdown, /- `flink-local's lib\/text-utils-1\.0\.jar` \(`[^`]*text-utils-1\.0\.jar`\) — \*\*lacks the member\*\*/);
    assert.match(markdown, /loads when deployed: `flink-local's lib\/text-utils-1\.0\.jar` \(parent-first pattern com\.example\.text\.\)/);
    assert.match(markdown, /\*\*Most likely:\*\* flink-local's lib\/text-utils-1\.0\.jar loads first/);

    // Find Class lists the runtime's copy too, saying that it is the one that loads.
    const [location, ...more] = runtimeClassLocations(explanation.classes[0]!);
    assert.deepEqual(more, []);
    assert.equal(location?.label, "flink-local's lib/text-utils-1.0.jar");
    assert.equal(location.description, 'in the runtime flink-local of com.example:word-job:1.0; loads first (parent-first pattern com.example.text.)');
    assert.equal(location.file, runtime.copies[0]!.file);
  });

  it('child-first without a pattern: the job\'s copy loads and the classpath story stays', async () => {
    const { explanation, module } = await explain(SLUGIFY, withSettings({ name: 'flink-child-first' }));
    const runtime = module.runtime!;
    assert.equal(runtime.runtime, 'flink-child-first');
    assert.equal(runtime.copies.length, 1);
    assert.equal(runtime.loaded?.fromRuntime, false);
    assert.equal(runtime.loaded?.name, 'com.example.text:text-utils:2.0');
    assert.equal(runtime.rule, 'child-first loading');
    assert.equal(runtime.story, undefined);
    assert.doesNotMatch(module.story, /shadowed/);
    const { markdown } = explanationMarkdown([explanation]);
    assert.deepEqual(runtimeClassLocations(explanation.classes[0]!).map((location) => location.description), ['in the runtime flink-child-first of com.example:word-job:1.0']);
    assert.match(markdown, /loads when deployed: the job's `com\.example\.text:text-utils:2\.0` \(child-first loading\) — declares the member/);
  });

  it('text-utils made provided: the runtime copy loads because the job carries none, and it lacks slugify', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'jarscope-explain-flink-'));
    try {
      cpSync(job, copy, { recursive: true });
      const pom = readFileSync(join(job, 'pom.xml'), 'utf8').replace(/(<artifactId>text-utils<\/artifactId>\s*<version>2\.0<\/version>)/, '$1<scope>provided</scope>');
      writeFileSync(join(copy, 'pom.xml'), pom);
      const { module } = await explain(SLUGIFY, withSettings({}, copy), copy);
      const runtime = module.runtime!;
      assert.equal(runtime.rule, 'the job does not carry it');
      assert.equal(module.story, "flink-local's lib/text-utils-1.0.jar loads (the job does not carry it); it lacks slugify, and the job carries no copy that has it");
      // On the compile classpath the provided copy declares it: the build compiles, the runtime fails.
      assert.deepEqual(module.copies.map((found) => [found.scope, found.hasMember]), [['compile', true], ['test', true]]);
      assert.match(runtime.advice[0]!, /^Fix: bundle a version with slugify in the job jar \(not provided\) and relocate \(shade\) com\.example\.text/);
      assert.ok(!runtime.advice.some((line) => /parent-first patterns/.test(line)), runtime.advice.join('\n'));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('a lib path of the runtime that does not exist is a problem of the runtime part; its other jars still count', async () => {
    const definitions = { ...(settings.runtimes as Record<string, unknown>), broken: { preset: 'flink', libs: ['flink/lib', 'flink/nowhere'] } };
    const { module, explanation } = await explain(SLUGIFY, { definitions, baseDir: job, name: 'broken' });
    const runtime = module.runtime!;
    assert.equal(runtime.copies.length, 1);
    assert.equal(runtime.problems.length, 1);
    assert.match(runtime.problems[0]!, /runtime "broken": .*flink\/nowhere does not exist/);
    assert.match(explanationMarkdown([explanation]).markdown, /- problem: runtime "broken"/);
  });

  it('a ClassCastException across the two class loaders: both copies named, scope provided offered on text-utils', async () => {
    const { module } = await explain(
      'java.lang.ClassCastException: class com.example.text.TextUtils cannot be cast to class com.example.text.TextUtils',
      withSettings({ name: 'flink-child-first' }),
    );
    assert.match(module.story, /^two copies of com\.example\.text\.TextUtils across class loaders: flink-child-first's lib\/text-utils-1\.0\.jar and the job's text-utils 2\.0 \(child-first loading/);
    const provided = module.fixes.find((fix) => fix.kind === 'set-scope');
    assert.ok(provided, module.fixes.map((fix) => fix.title).join());
    assert.equal(provided.preferred, true);
    const pomPath = join(job, 'pom.xml');
    const parsed = parsePom(applyTextEdits(readFileSync(pomPath, 'utf8'), provided.edits));
    assert.ok(parsed.ok);
    assert.equal(parsed.pom.dependencies.find((dependency) => dependency.artifactId === 'text-utils')?.scope, 'provided');
  });

  it('a class only the runtime has (the provided Flink API): it loads from the runtime because the job does not carry it', async () => {
    const { module } = await explain('java.lang.NoClassDefFoundError: org/apache/flink/api/common/functions/MapFunction', withSettings());
    const runtime = module.runtime!;
    assert.deepEqual(runtime.copies.map((copy) => copy.name), ["flink-local's lib/flink-dist-1.17.0.jar"]);
    assert.equal(runtime.loaded?.fromRuntime, true);
    assert.equal(runtime.rule, 'the job does not carry it');
  });

  it('an unknown runtime name or no runtimes at all: no runtime part', async () => {
    const unknown = await explain(SLUGIFY, withSettings({ name: 'no-such-runtime' }));
    assert.equal(unknown.module.runtime, undefined);
    const none = await explain(SLUGIFY, undefined);
    assert.equal(none.module.runtime, undefined);
    assert.deepEqual(runtimeClassLocations(none.explanation.classes[0]!), []);
    assert.doesNotMatch(explanationMarkdown([none.explanation]).markdown, /In the runtime/);
  });
});
