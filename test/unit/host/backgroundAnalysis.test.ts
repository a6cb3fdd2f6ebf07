import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { AnalysisRequest } from '../../../src/host/findings/analyseReactors';
import { ProjectResolver } from '../../../src/core/resolve/resolveProject';
import { BackgroundAnalysis } from '../../../src/host/findings/backgroundAnalysis';
import { repoRoot } from '../helpers/paths';
import { reactorRequest } from './analysisRequestKit';
import { tempDir } from '../helpers/tempDir';

const example = join(repoRoot, 'examples', 'hadoop-cos-incident');
const pomPath = join(example, 'pom.xml');
const shipped = readFileSync(pomPath, 'utf8');
const hadoopCos = shipped.slice(shipped.lastIndexOf('    <dependency>'), shipped.lastIndexOf('</dependency>') + '</dependency>\n'.length);

function request(text: string, repositoryGeneration = 0): AnalysisRequest {
  return reactorRequest(pomPath, join(example, '.m2', 'repository'), [[pomPath, text]], repositoryGeneration);
}

const codes = (findings: readonly { code: string }[]): string[] => findings.map((finding) => finding.code).sort();

describe('the background analysis of the editor', () => {
  const cacheDir = tempDir('background');
  const analysis = new BackgroundAnalysis(cacheDir);
  after(async () => {
    await analysis.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('answers a first analysis first with the checks that parse no class, then in full', async () => {
    const partials: string[][] = [];
    const reply = await analysis.run(request(shipped), new AbortController().signal, (partial) => partials.push(codes(partial.findings)));
    assert.deepEqual(partials, [['version-conflict']]);
    assert.deepEqual(codes(reply.findings), ['missing-class', 'version-conflict']);
    // A reactor analysed before gets no first answer: its full findings replace the last ones at once.
    const again = await analysis.run(request(shipped), new AbortController().signal, (partial) => partials.push(codes(partial.findings)));
    assert.equal(partials.length, 1);
    assert.deepEqual(codes(again.findings), codes(reply.findings));
  });

  it('resolves each module as often for a first answer and the full findings as for the full findings alone', async () => {
    // The editor resolves each module as Maven's verbose tree does.
    const original = Reflect.get<ProjectResolver, 'resolveVerboseTree'>(ProjectResolver.prototype, 'resolveVerboseTree');
    let resolutions = 0;
    ProjectResolver.prototype.resolveVerboseTree = function (this: ProjectResolver, ...args: Parameters<typeof original>) {
      resolutions++;
      return original.apply(this, args);
    };
    const coldRun = async (partial?: () => void): Promise<number> => {
      const dir = tempDir('background-cold');
      const cold = new BackgroundAnalysis(dir);
      resolutions = 0;
      try {
        await cold.run(request(shipped), new AbortController().signal, partial);
        return resolutions;
      } finally {
        await cold.close();
        rmSync(dir, { recursive: true, force: true });
      }
    };
    try {
      let answers = 0;
      const withFirstAnswer = await coldRun(() => answers++);
      const fullOnly = await coldRun();
      assert.equal(answers, 1);
      assert.ok(fullOnly > 0);
      assert.equal(withFirstAnswer, fullOnly, 'the first answer is part of the one pass, not a pass of its own');
    } finally {
      ProjectResolver.prototype.resolveVerboseTree = original;
    }
  });

  it('takes an edit that removes a dependency and its undo from memory where the classpath is unchanged', async () => {
    assert.ok(shipped.includes('<artifactId>hadoop-cos</artifactId>') && hadoopCos.includes('hadoop-cos'), hadoopCos);
    const removed = await analysis.run(request(shipped.replace(hadoopCos, '')), new AbortController().signal);
    assert.ok(!removed.findings.some((finding) => finding.code === 'missing-class'), 'without hadoop-cos nothing references CleanerUtil');
    assert.ok(removed.reuse !== undefined && removed.reuse.factsOther > 0, JSON.stringify(removed.reuse));
    const restored = await analysis.run(request(shipped), new AbortController().signal);
    assert.deepEqual(codes(restored.findings), ['missing-class', 'version-conflict']);
    assert.ok(restored.reuse !== undefined, 'the reply says what came from memory');
    assert.equal(restored.reuse.factsOther, 0, JSON.stringify(restored.reuse));
    assert.ok(restored.reuse.factsRemembered > 0, JSON.stringify(restored.reuse));
    assert.equal(restored.reuse.answersOther, 0, JSON.stringify(restored.reuse));
    assert.ok(restored.reuse.answersRemembered > 0, JSON.stringify(restored.reuse));
  });

  it('looks classes up in the repository again once the repository changed', async () => {
    const reply = await analysis.run(request(shipped, 1), new AbortController().signal);
    assert.ok(reply.reuse !== undefined && reply.reuse.answersOther > 0 && reply.reuse.answersRemembered === 0, JSON.stringify(reply.reuse));
  });
});
