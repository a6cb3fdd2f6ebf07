import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readWorkspaceRuntimeSettings } from '../../../src/core/runtime/workspaceRuntimeSettings';
import { analyzeFixture } from '../analysis/analysisTestKit';
import { fixturePath } from '../helpers/paths';

// A reactor made from the Flink-style job: the parent pom names the runtime, the job module inherits it.
const job = fixturePath('runtime', 'flink-job');
const root = mkdtempSync(join(tmpdir(), 'jarscope-runtime-reactor-'));
after(() => rmSync(root, { recursive: true, force: true }));

function reactor(): string {
  cpSync(job, join(root, 'job'), { recursive: true });
  const child = readFileSync(join(job, 'pom.xml'), 'utf8')
    .replace(/\s*<properties>[\s\S]*<\/properties>/, '')
    .replace('<groupId>com.example</groupId>', '<parent><groupId>com.example</groupId><artifactId>jobs</artifactId><version>1.0</version></parent>');
  writeFileSync(join(root, 'job', 'pom.xml'), child);
  writeFileSync(
    join(root, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>jobs</artifactId>` +
      `<version>1.0</version><packaging>pom</packaging><properties><jarscope.runtime>flink-local</jarscope.runtime></properties><modules><module>job</module></modules></project>`,
  );
  return root;
}

describe('the jarscope.runtime property through Maven inheritance', () => {
  it('a module inherits its parent pom runtime; the pom-packaged parent is not deployed', async () => {
    const dir = reactor();
    const definitions = readWorkspaceRuntimeSettings(job).runtimes;
    const result = await analyzeFixture(dir, join(dir, 'job', 'repo'), { runtimes: { definitions, baseDir: join(dir, 'job') } });
    const byModule = new Map(result.modules.map((module) => [module.moduleId, module.findings.filter((finding) => finding.code.startsWith('runtime-'))]));
    assert.deepEqual(byModule.get('com.example:jobs:1.0'), []);
    assert.deepEqual(byModule.get('com.example:word-job:1.0')?.map((finding) => [finding.code, finding.runtime]).sort(), [
      ['runtime-missing-member', 'flink-local'],
      ['runtime-overlap', 'flink-local'],
    ]);
  });

  it('the default runtime applies to modules without the property, and --runtime overrides the property', async () => {
    const dir = reactor();
    const definitions = readWorkspaceRuntimeSettings(job).runtimes;
    const overridden = await analyzeFixture(dir, join(dir, 'job', 'repo'), { runtimes: { definitions, baseDir: join(dir, 'job'), name: 'flink-child-first' } });
    assert.deepEqual([...new Set(overridden.modules.flatMap((module) => module.findings).filter((f) => f.runtime !== undefined).map((f) => f.runtime))], ['flink-child-first']);
    writeFileSync(join(dir, 'pom.xml'), readFileSync(join(dir, 'pom.xml'), 'utf8').replace(/<properties>.*<\/properties>/, ''));
    const byDefault = await analyzeFixture(dir, join(dir, 'job', 'repo'), { runtimes: { definitions, baseDir: join(dir, 'job'), defaultName: 'flink-child-first' } });
    assert.deepEqual(byDefault.modules.flatMap((module) => module.findings).filter((f) => f.runtime !== undefined).map((f) => [f.code, f.runtime]), [['runtime-overlap', 'flink-child-first']]);
    const none = await analyzeFixture(dir, join(dir, 'job', 'repo'), { runtimes: { definitions, baseDir: join(dir, 'job') } });
    assert.deepEqual(none.modules.flatMap((module) => module.findings).filter((f) => f.runtime !== undefined), []);
  });
});
