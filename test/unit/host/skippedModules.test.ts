import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeModules } from '../../../src/core/analysis/analyzeModules';
import { ReactorFailures } from '../../../src/core/workspace/skippedModules';
import { workspaceReactorOf } from '../../../src/host/resolution/workspaceReactor';
import { fixtureSession } from '../analysis/analysisTestKit';
import { tempDir } from '../helpers/tempDir';

// Maven with --fail-at-end skips every module built after a failed one that depends on it, directly or not
// (or has it as parent); the Dependencies view still shows their graphs, marked as skipped.

const pom = (artifactId: string, body: string): string =>
  `<project><modelVersion>4.0.0</modelVersion><groupId>org.up</groupId><artifactId>${artifactId}</artifactId><version>1</version>${body}</project>\n`;
const dependencyOn = (artifactId: string, version = '1', groupId = 'org.up'): string =>
  `<dependencies><dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency></dependencies>`;

/** broken needs a range no version meets; needs-broken depends on it, after-needs on needs-broken; child has broken-pom as parent. */
function writeReactor(): string {
  const project = tempDir('skipped-modules');
  const modules: Record<string, string> = {
    fine: '',
    'after-needs': dependencyOn('needs-broken'),
    'needs-broken': dependencyOn('broken'),
    broken: dependencyOn('gone', '[1.0,)', 'org.gone'),
    'broken-pom': '<packaging>pom</packaging><dependencies><dependency><groupId>org.x</groupId></dependency></dependencies>',
    child: '<parent><groupId>org.up</groupId><artifactId>broken-pom</artifactId><version>1</version><relativePath>../broken-pom</relativePath></parent>',
  };
  const moduleList = Object.keys(modules).map((name) => `<module>${name}</module>`).join('');
  writeFileSync(join(project, 'pom.xml'), pom('root', `<packaging>pom</packaging><modules>${moduleList}</modules>`));
  for (const [name, body] of Object.entries(modules)) {
    mkdirSync(join(project, name));
    writeFileSync(join(project, name, 'pom.xml'), pom(name, body));
  }
  return project;
}

describe('modules Maven skips after a failure', () => {
  const project = writeReactor();

  it('marks each module that depends on a failed or skipped one, with that module, and no other', async () => {
    const session = fixtureSession(project, tempDir('skipped-modules-repo'));
    const analysis = await analyzeModules(session, session.reactor.modules, { cacheDir: null, env: process.env });
    const marked = workspaceReactorOf(session, analysis.modules).modules;
    const skipped = Object.fromEntries(marked.filter((module) => module.skippedAfter !== undefined).map((module) => [module.module.dir, module.skippedAfter]));
    assert.deepEqual(skipped, {
      'needs-broken': 'org.up:broken:1 (broken)',
      'after-needs': 'org.up:needs-broken:1 (needs-broken)',
      child: 'org.up:broken-pom:1 (broken-pom)',
    });
    // Still resolved: the view shows their graphs.
    assert.ok(marked.find((module) => module.module.dir === 'after-needs')?.resolution);
  });

  it('skips nothing when nothing failed', () => {
    const { reactor } = fixtureSession(project, tempDir('skipped-modules-repo'));
    const failures = new ReactorFailures(reactor.upstream);
    assert.deepEqual(reactor.modules.filter((module) => failures.failedUpstream(module) !== undefined), []);
  });
});
