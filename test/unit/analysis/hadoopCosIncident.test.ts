import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { parsePom } from '../../../src/core/pom/parsePom';
import { fixturePath } from '../helpers/paths';
import { analyzeFixture, findingsOf, locatedText } from './analysisTestKit';
import { tempDir } from '../helpers/tempDir';

const repository = fixturePath('incidents', 'hadoop-cos', 'repo');
const projectPom = fixturePath('incidents', 'hadoop-cos', 'project', 'pom.xml');

describe('the hadoop-cos incident: CleanerUtil missing from the selected hadoop-common 3.1.4', () => {
  it('reports a missing-class error on the hadoop-cos dependency, explained and with a pin to 3.4.1', async () => {
    const result = await analyzeFixture(fixturePath('incidents', 'hadoop-cos', 'project'), repository);
    const missing = findingsOf(result, 'missing-class').filter((finding) => finding.classes.includes('org.apache.hadoop.util.CleanerUtil'));
    assert.equal(missing.length, 1, JSON.stringify(findingsOf(result, 'missing-class').map((f) => f.message)));
    const finding = missing[0]!;
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.scopes, ['compile', 'runtime', 'test']);
    const text = readFileSync(projectPom, 'utf8');
    assert.equal(finding.location.file, projectPom);
    const element = locatedText(text, finding);
    assert.match(element, /^<dependency>[\s\S]*<artifactId>hadoop-cos<\/artifactId>[\s\S]*<\/dependency>$/);
    assert.equal(finding.location.line, text.slice(0, finding.location.range.start).split('\n').length);
    assert.match(finding.message, /org\.apache\.hadoop\.util\.CleanerUtil/);
    assert.match(finding.message, /hadoop-cos:3\.3\.0/);
    assert.match(finding.message, /BufferPool/);
    assert.match(finding.message, /hadoop-common 3\.1\.4 was selected \(first declaration wins at depth 2/);
    assert.match(finding.message, /stream-runtime/, 'names the path that selected 3.1.4');
    assert.match(finding.message, /hadoop-common 3\.4\.1 in the local repository provides it/);
    assert.ok(finding.classes.includes('org.apache.hadoop.fs.cosn.ByteBufferWrapper'));
    assert.ok(finding.jars.some((jar) => jar.endsWith('hadoop-cos-3.3.0.jar')));
    const selectedPath = finding.paths.map((path) => path.map((step) => `${step.artifactId}:${step.version}`).join(' > '));
    assert.ok(selectedPath.includes('checkpoint-job:1.0 > stream-runtime:1.0 > hadoop-common:3.1.4'), selectedPath.join('\n'));
    assert.ok(selectedPath.includes('checkpoint-job:1.0 > hadoop-cos:3.3.0 > hadoop-common:3.4.1'), selectedPath.join('\n'));

    const preferred = finding.fixes.filter((fix) => fix.preferred);
    assert.equal(preferred.length, 1);
    assert.equal(preferred[0]!.kind, 'pin-version');
    const fixed = applyTextEdits(text, preferred[0]!.edits);
    const parsed = parsePom(fixed);
    assert.ok(parsed.ok);
    const pinned = parsed.pom.dependencyManagement.find((dependency) => dependency.artifactId === 'hadoop-common');
    assert.equal(pinned?.groupId, 'org.apache.hadoop');
    assert.equal(pinned?.version, '3.4.1');
  });

  it('finds no missing class once the preferred fix is applied to the pom', async () => {
    const first = await analyzeFixture(fixturePath('incidents', 'hadoop-cos', 'project'), repository);
    const finding = findingsOf(first, 'missing-class').find((candidate) => candidate.classes.includes('org.apache.hadoop.util.CleanerUtil'))!;
    const fix = finding.fixes.find((candidate) => candidate.preferred)!;
    const project = tempDir('pinned');
    writeFileSync(join(project, 'pom.xml'), applyTextEdits(readFileSync(projectPom, 'utf8'), fix.edits));
    const fixed = await analyzeFixture(project, repository);
    assert.deepEqual(findingsOf(fixed, 'missing-class'), []);
    const classpath = fixed.modules[0]!.classpaths.runtime!.map((element) => element.artifact);
    assert.ok(classpath.includes('org.apache.hadoop:hadoop-common:jar:3.4.1'), classpath.join('\n'));
  });

  it('reports the version conflict itself as a warning, with the same pin', async () => {
    const result = await analyzeFixture(fixturePath('incidents', 'hadoop-cos', 'project'), repository);
    const conflicts = findingsOf(result, 'version-conflict');
    assert.equal(conflicts.length, 1);
    assert.match(conflicts[0]!.message, /hadoop-common 3\.1\.4 was selected/);
    assert.match(conflicts[0]!.message, /3\.4\.1 via com\.example:checkpoint-job:1\.0 -> org\.apache\.hadoop:hadoop-cos:3\.3\.0/);
    assert.equal(conflicts[0]!.severity, 'warning');
    assert.match(locatedText(readFileSync(projectPom, 'utf8'), conflicts[0]!), /hadoop-cos/);
    assert.equal(conflicts[0]!.fixes[0]?.title, 'Pin org.apache.hadoop:hadoop-common to 3.4.1 in dependencyManagement');
  });
});
