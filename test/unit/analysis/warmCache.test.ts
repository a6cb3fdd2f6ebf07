import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { AnalysisOptions } from '../../../src/core/analysis/analyzeModules';
import type { Finding } from '../../../src/core/analysis/finding';
import { parseEntries } from '../../../src/core/analysis/workers/parseEntries';
import { indexJar } from '../../../src/core/archive/openJar';
import { fixturePath } from '../helpers/paths';
import { analyzeFixture, findingsOf } from './analysisTestKit';
import { tempDir } from '../helpers/tempDir';

const analysisRepo = fixturePath('analysis', 'repo');
const incidentRepo = fixturePath('incidents', 'hadoop-cos', 'repo');
const incidentProject = fixturePath('incidents', 'hadoop-cos', 'project');

async function findings(project: string, repo: string, options: AnalysisOptions): Promise<Finding[]> {
  return (await analyzeFixture(project, repo, options)).modules.flatMap((module) => module.findings);
}

const projects: [string, string][] = [
  ...['duplicates', 'exclusion', 'member', 'optional'].map((name): [string, string] => [fixturePath('analysis', name), analysisRepo]),
  [incidentProject, incidentRepo],
];

describe('a run with a warm cache', () => {
  for (const [project, repo] of projects) {
    it(`gives exactly the findings of a run without cache: ${project.split('/').slice(-2).join('/')}`, async () => {
      const cacheDir = tempDir('warm');
      const uncached = await findings(project, repo, { cacheDir: null });
      const cold = await findings(project, repo, { cacheDir });
      const warm = await findings(project, repo, { cacheDir });
      assert.deepEqual(cold, uncached);
      assert.deepEqual(warm, uncached);
    });
  }

  it('keeps the linkage facts, the parsed classes and the parsed poms in the cache folder', async () => {
    const cacheDir = tempDir('warm');
    await findings(fixturePath('analysis', 'member'), analysisRepo, { cacheDir });
    assert.ok(readdirSync(join(cacheDir, 'linkage')).length > 0);
    assert.ok(readdirSync(join(cacheDir, 'jars')).some((name) => name.endsWith('.classes.bin')));
    assert.ok(existsSync(join(cacheDir, 'poms.json')));
  });

  it('applies ignore patterns to cached facts as to fresh ones', async () => {
    const cacheDir = tempDir('warm');
    const ignore = { classes: ['org.apache.hadoop.util.*'], artifacts: [] };
    await findings(incidentProject, incidentRepo, { cacheDir });
    const warm = await findings(incidentProject, incidentRepo, { cacheDir, ignore });
    assert.deepEqual(warm, await findings(incidentProject, incidentRepo, { cacheDir: null, ignore }));
    assert.deepEqual(findingsOf({ modules: [{ findings: warm }] } as never, 'missing-class'), []);
  });

  it('ignores damaged cache files', async () => {
    const cacheDir = tempDir('warm');
    const cold = await findings(incidentProject, incidentRepo, { cacheDir });
    for (const folder of ['linkage', 'jars']) {
      for (const name of readdirSync(join(cacheDir, folder))) writeFileSync(join(cacheDir, folder, name), '{"format":');
    }
    writeFileSync(join(cacheDir, 'poms.json'), '{"format":1,"poms":[["x",1,2,{}]]');
    assert.deepEqual(await findings(incidentProject, incidentRepo, { cacheDir }), cold);
  });

  it('derives the facts again when a jar on the classpath changes', async () => {
    const cacheDir = tempDir('warm');
    const repo = tempDir('repo');
    cpSync(incidentRepo, repo, { recursive: true });
    const missingNames = async () => findingsOf(await analyzeFixture(incidentProject, repo, { cacheDir }), 'missing-class').map((finding) => finding.classes[0]);
    assert.deepEqual(await missingNames(), ['org.apache.hadoop.util.CleanerUtil']);
    // The selected hadoop-common 3.1.4 jar now holds 3.4.1's classes, CleanerUtil among them.
    const common = (version: string) => join(repo, 'org', 'apache', 'hadoop', 'hadoop-common', version, `hadoop-common-${version}.jar`);
    const before = statSync(common('3.1.4'));
    copyFileSync(common('3.4.1'), common('3.1.4'));
    utimesSync(common('3.1.4'), before.atime, new Date(before.mtimeMs + 5000));
    assert.deepEqual(await missingNames(), []);
  });
});

describe('parsing class entries from a given jar index', () => {
  const cosJar = join(incidentRepo, 'org', 'apache', 'hadoop', 'hadoop-cos', '3.3.0', 'hadoop-cos-3.3.0.jar');

  it('gives what listing the central directory again gives, and lists it again when the jar changed', async () => {
    const index = await indexJar(cosJar);
    const classes = index.entries.filter((entry) => entry.className !== undefined);
    const entryNames = classes.map((entry) => entry.name);
    assert.ok(entryNames.length >= 2);
    const listed = await parseEntries({ kind: 'jar', path: cosJar, entryNames });
    const given = await parseEntries({ kind: 'jar', path: cosJar, entryNames, index: { ...index, entries: classes } });
    assert.deepEqual(given, listed);
    // An index of another file version is not trusted: its (wrong) offsets are never read.
    const stale = { ...index, size: index.size + 1, entries: classes.map((entry) => ({ ...entry, localHeaderOffset: 3 })) };
    assert.deepEqual(await parseEntries({ kind: 'jar', path: cosJar, entryNames, index: stale }), listed);
  });
});
