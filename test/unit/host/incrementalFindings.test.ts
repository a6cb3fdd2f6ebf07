import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { AnalysisReply, AnalysisRequest } from '../../../src/host/findings/analyseReactors';
import { BackgroundAnalysis } from '../../../src/host/findings/backgroundAnalysis';
import { fixturePath, repoRoot } from '../helpers/paths';
import { reactorRequest } from './analysisRequestKit';
import { tempDir } from '../helpers/tempDir';

function request(pomPath: string, localRepository: string, text: string): AnalysisRequest {
  return reactorRequest(pomPath, localRepository, [[pomPath, text]], 0);
}

/** The findings of a run in a new worker with an empty cache: what an incremental run must equal. */
async function freshFindings(analysisRequest: AnalysisRequest): Promise<AnalysisReply['findings']> {
  const cacheDir = tempDir('fresh');
  const fresh = new BackgroundAnalysis(cacheDir);
  try {
    return (await fresh.run(analysisRequest, new AbortController().signal)).findings;
  } finally {
    await fresh.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** The text with the `<dependency>` that declares `artifactId` taken out. */
function without(text: string, artifactId: string): string {
  const at = text.indexOf(`<artifactId>${artifactId}</artifactId>`);
  const start = text.lastIndexOf('    <dependency>', at);
  const end = text.indexOf('</dependency>', at) + '</dependency>\n'.length;
  assert.ok(at >= 0 && start >= 0, `${artifactId} is declared`);
  return text.slice(0, start) + text.slice(end);
}

describe('an edit sequence in the kept analysis worker', () => {
  const cacheDir = tempDir('incremental');
  const kept = new BackgroundAnalysis(cacheDir);
  after(async () => {
    await kept.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('gives after every edit exactly the findings of a fresh run, taking member verdicts from earlier classpaths', async () => {
    const pomPath = fixturePath('analysis', 'member', 'pom.xml');
    const repository = fixturePath('analysis', 'repo');
    const original = readFileSync(pomPath, 'utf8');
    const edits = [
      original,
      without(original, 'api'),
      original.replace('<version>1.0</version>\n    </dependency>\n    <dependency>\n      <groupId>mm</groupId>\n      <artifactId>client', '<version>2.0</version>\n    </dependency>\n    <dependency>\n      <groupId>mm</groupId>\n      <artifactId>client'),
      without(original, 'client'),
      original,
    ];
    assert.notEqual(edits[2], original, 'the version edit applies');
    let remembered = 0;
    for (const text of edits) {
      const analysisRequest = request(pomPath, repository, text);
      // A first run answers first with the checks that parse no class, then goes on in the same session.
      const reply = await kept.run(analysisRequest, new AbortController().signal, () => undefined);
      assert.deepEqual(reply.findings, await freshFindings(analysisRequest));
      remembered += reply.reuse?.verdictsRemembered ?? 0;
    }
    assert.ok(edits.some((text) => text === original));
    assert.ok(remembered > 0, 'some member verdict held from an earlier classpath');
  });

  it('gives the findings of a fresh run on the incident example as dependencies are removed and put back', async () => {
    const example = join(repoRoot, 'examples', 'hadoop-cos-incident');
    const pomPath = join(example, 'pom.xml');
    const repository = join(example, '.m2', 'repository');
    const original = readFileSync(pomPath, 'utf8');
    for (const text of [original, without(original, 'hadoop-cos'), original, without(original, 'stream-runtime'), original]) {
      const analysisRequest = request(pomPath, repository, text);
      const reply = await kept.run(analysisRequest, new AbortController().signal);
      assert.deepEqual(reply.findings, await freshFindings(analysisRequest));
    }
  });
});
