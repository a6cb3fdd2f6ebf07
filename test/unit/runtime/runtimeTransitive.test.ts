import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { readWorkspaceRuntimeSettings } from '../../../src/core/runtime/workspaceRuntimeSettings';
import { analyzeFixture, findingsOf, locatedText } from '../analysis/analysisTestKit';
import { fixturePath } from '../helpers/paths';

// The Flink-style job with text-wrapper 1.0 in place of text-utils: text-utils 2.0 comes transitively.
const job = fixturePath('runtime', 'flink-job');
const copy = mkdtempSync(join(tmpdir(), 'jarscope-runtime-transitive-'));
after(() => rmSync(copy, { recursive: true, force: true }));
cpSync(job, copy, { recursive: true });
const pomPath = join(copy, 'pom.xml');
writeFileSync(pomPath, readFileSync(pomPath, 'utf8').replace('<artifactId>text-utils</artifactId>\n      <version>2.0</version>', '<artifactId>text-wrapper</artifactId>\n      <version>1.0</version>'));
const definitions = readWorkspaceRuntimeSettings(job).runtimes;

describe('a runtime copy the job brings transitively', () => {
  it('is shown on the direct dependency that brings it, with an exclusion as the fix', async () => {
    const result = await analyzeFixture(copy, join(copy, 'repo'), { runtimes: { definitions, baseDir: copy, name: 'flink-child-first' } });
    const [overlap, ...more] = findingsOf(result, 'runtime-overlap');
    assert.equal(more.length, 0);
    assert.ok(overlap);
    const text = readFileSync(pomPath, 'utf8');
    assert.match(locatedText(text, overlap), /<artifactId>text-wrapper<\/artifactId>/);
    assert.deepEqual(overlap.paths.map((path) => path.map((step) => step.artifactId)), [['word-job', 'text-wrapper', 'text-utils']]);
    assert.deepEqual(overlap.fixes.map((fix) => [fix.kind, fix.preferred]), [['exclude', true]]);
    assert.match(overlap.fixes[0]!.title, /Exclude com\.example\.text:text-utils from com\.example\.text:text-wrapper/);
    assert.match(applyTextEdits(text, overlap.fixes[0]!.edits), /<exclusion>\s*<groupId>com\.example\.text<\/groupId>\s*<artifactId>text-utils<\/artifactId>\s*<\/exclusion>/);
  });

  it('under the parent-first pattern, every element calling slugify gets a runtime-missing-member', async () => {
    const result = await analyzeFixture(copy, join(copy, 'repo'), { runtimes: { definitions, baseDir: copy } });
    const missing = findingsOf(result, 'runtime-missing-member');
    // One per referencing element: the job's own WordJob and the wrapper's Titles, both on the dependency bringing the copy.
    assert.deepEqual(missing.map((finding) => finding.classes).sort(), [
      ['com.example.text.TextUtils', 'com.example.job.WordJob'],
      ['com.example.text.TextUtils', 'com.example.wrap.Titles'],
    ]);
    for (const finding of missing) assert.match(locatedText(readFileSync(pomPath, 'utf8'), finding), /<artifactId>text-wrapper<\/artifactId>/);
  });
});
