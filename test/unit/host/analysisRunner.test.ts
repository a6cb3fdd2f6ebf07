import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { AnalysisRequest } from '../../../src/host/findings/analyseReactors';
import { parseThrowable } from '../../../src/core/explain/parseThrowable';
import { ANALYSIS_WORKER_FILE, AnalysisRunner } from '../../../src/host/findings/analysisRunner';
import { repoRoot } from '../helpers/paths';
import { reactorRequest } from './analysisRequestKit';
import { tempDir } from '../helpers/tempDir';

const example = join(repoRoot, 'examples', 'hadoop-cos-incident');
const pomPath = join(example, 'pom.xml');

function request(pomTexts: AnalysisRequest['pomTexts'] = []): AnalysisRequest {
  // A relative setting is made absolute by the host; the example's is .m2/repository.
  return reactorRequest(pomPath, join(example, '.m2', 'repository'), pomTexts);
}

function codes(findings: readonly { code: string }[]): string[] {
  return findings.map((finding) => finding.code).sort();
}

describe('the analysis runner of the editor', () => {
  it('analyses the example workspace in-process when there is no worker bundle', async () => {
    const runner = new AnalysisRunner(tempDir('noworker'));
    assert.equal(runner.usesWorker, false);
    const reply = await runner.run(request(), new AbortController().signal);
    assert.deepEqual(codes(reply.findings), ['missing-class', 'version-conflict']);
    assert.deepEqual(reply.repositories, [join(example, '.m2', 'repository')]);
    // The same run's resolution, for the views and hovers: the graph with hadoop-cos under the root.
    const [reactor] = reply.reactors;
    assert.equal(reactor?.rootPom, pomPath);
    assert.equal(reactor.repositoryRoot, join(example, '.m2', 'repository'));
    const direct = reactor.modules[0]?.resolution?.root.children.nodes.map((child) => child.artifact.artifactId);
    assert.ok(direct?.includes('hadoop-cos'), JSON.stringify(direct));
  });

  it('uses the unsaved text of a pom: a pin of hadoop-common 3.4.1 leaves no missing class', async () => {
    const runner = new AnalysisRunner(tempDir('noworker'));
    const pinned = `<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>checkpoint-job</artifactId><version>1.0</version>
<dependencyManagement><dependencies><dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-common</artifactId><version>3.4.1</version></dependency></dependencies></dependencyManagement>
<dependencies><dependency><groupId>com.example.stream</groupId><artifactId>stream-runtime</artifactId><version>1.0</version></dependency>
<dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-cos</artifactId><version>3.3.0</version></dependency></dependencies></project>`;
    const reply = await runner.run(request([[pomPath, pinned]]), new AbortController().signal);
    assert.equal(
      reply.findings.some((finding) => finding.code === 'missing-class'),
      false,
      JSON.stringify(reply.findings.map((finding) => finding.message)),
    );
  });

  it('rejects a run whose signal is already aborted', async () => {
    const runner = new AnalysisRunner(tempDir('noworker'));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(runner.run(request(), controller.signal), { name: 'AbortError' });
  });

  it('gives the same findings from the worker thread, and cancels a run there', { skip: !existsSync(join(repoRoot, 'dist', ANALYSIS_WORKER_FILE)) && 'dist/analysisWorker.js is not built' }, async () => {
    const runner = new AnalysisRunner(join(repoRoot, 'dist'));
    try {
      assert.equal(runner.usesWorker, true);
      const reply = await runner.run(request(), new AbortController().signal);
      assert.deepEqual(codes(reply.findings), ['missing-class', 'version-conflict']);
      const controller = new AbortController();
      const cancelled = runner.run(request(), controller.signal);
      controller.abort();
      await assert.rejects(cancelled, { name: 'AbortError' });
    } finally {
      runner.dispose();
    }
  });

  it('closing the worker writes the jar cache of the latest run first', { skip: !existsSync(join(repoRoot, 'dist', ANALYSIS_WORKER_FILE)) && 'dist/analysisWorker.js is not built' }, async () => {
    const cacheHome = tempDir('closing');
    const saved = process.env.XDG_CACHE_HOME;
    // The worker reads its cache folder from the environment it starts with.
    process.env.XDG_CACHE_HOME = cacheHome;
    const runner = new AnalysisRunner(join(repoRoot, 'dist'));
    try {
      await runner.run(request(), new AbortController().signal);
    } finally {
      process.env.XDG_CACHE_HOME = saved ?? '';
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    }
    // The editor writes only when no run has started for a while (3 s): closing must not wait for that.
    await runner.close();
    const written = readdirSync(join(cacheHome, 'jarscope', 'jars'));
    assert.ok(written.some((name) => name.endsWith('.classes.bin')), `parsed classes written: ${written.join(', ')}`);
  });

  it('explains a failure from its latest run, and refuses before the first', async () => {
    for (const dir of [tempDir('noworker'), ...(existsSync(join(repoRoot, 'dist', ANALYSIS_WORKER_FILE)) ? [join(repoRoot, 'dist')] : [])]) {
      const runner = new AnalysisRunner(dir);
      try {
        const failures = parseThrowable('java.lang.NoClassDefFoundError: org/apache/hadoop/util/CleanerUtil');
        await assert.rejects(runner.explain(failures, new AbortController().signal), { name: 'NotAnalysedError' });
        await runner.run(request(), new AbortController().signal);
        const [explanation] = await runner.explain(failures, new AbortController().signal);
        const [explained] = explanation!.classes;
        assert.equal(explained?.className, 'org.apache.hadoop.util.CleanerUtil');
        assert.equal(explained.repository.find((versions) => versions.artifactId === 'hadoop-common')?.first, '3.4.1');
        assert.match(explained.modules[0]!.story, /hadoop-common 3\.1\.4 was selected/);
      } finally {
        runner.dispose();
      }
    }
  });
});
