import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { parsePom } from '../../../src/core/pom/parsePom';
import { fixturePath } from '../helpers/paths';
import { analyzeFixture, findingsOf, locatedText } from './analysisTestKit';
import { tempDir } from '../helpers/tempDir';

const repository = fixturePath('analysis', 'repo');
const analyze = (name: string, options = {}) => analyzeFixture(fixturePath('analysis', name), repository, options);
const pomText = (name: string) => readFileSync(fixturePath('analysis', name, 'pom.xml'), 'utf8');

describe('duplicate classes', () => {
  it('reports each set of jars once, marks identical and different copies, and ignores module-info and package-info', async () => {
    const duplicates = findingsOf(await analyze('duplicates'), 'duplicate-class');
    assert.equal(duplicates.length, 2, duplicates.map((finding) => finding.message).join('\n'));
    const shared = duplicates.find((finding) => finding.classes.includes('shared.Same'))!;
    assert.deepEqual(shared.classes, ['shared.Differs', 'shared.Same']);
    assert.equal(shared.severity, 'warning', 'a different copy makes it a warning');
    assert.match(shared.message, /in both dup:left:1\.0 and dup:right:1\.0 \(1 different, 1 identical\)/);
    assert.match(shared.message, /The copy in dup:left:1\.0 wins by classpath order/);
    assert.deepEqual(shared.scopes, ['compile', 'runtime', 'test']);
    assert.equal(shared.jars.length, 2);
    assert.ok(shared.jars[0]!.endsWith('left-1.0.jar') && shared.jars[1]!.endsWith('right-1.0.jar'));
  });

  it('is shown on the dependency that brings the shadowed copy, with an exclusion from it as the fix', async () => {
    const shared = findingsOf(await analyze('duplicates'), 'duplicate-class').find((finding) => finding.classes.includes('shared.Same'))!;
    const text = pomText('duplicates');
    assert.match(locatedText(text, shared), /<artifactId>wrapper<\/artifactId>/);
    assert.deepEqual(shared.paths.map((path) => path.map((step) => step.artifactId).join('>')), ['duplicates>left', 'duplicates>wrapper>right']);
    const fix = shared.fixes[0]!;
    assert.equal(fix.title, 'Exclude dup:right from dup:wrapper');
    assert.equal(fix.preferred, true);
    const parsed = parsePom(applyTextEdits(text, fix.edits));
    assert.ok(parsed.ok);
    const wrapper = parsed.pom.dependencies.find((dependency) => dependency.artifactId === 'wrapper')!;
    assert.deepEqual(wrapper.exclusions.map((exclusion) => `${exclusion.groupId}:${exclusion.artifactId}`), ['dup:right']);
  });

  it('treats META-INF/versions/N copies as versions of the base class: one class, identical copies at info', async () => {
    const thing = findingsOf(await analyze('duplicates'), 'duplicate-class').find((finding) => finding.classes.includes('mr.Thing'))!;
    assert.deepEqual(thing.classes, ['mr.Thing']);
    assert.equal(thing.severity, 'info');
    assert.match(thing.message, /1 class is in both mr:multi:1\.0 and mr:other:1\.0 \(1 identical\)/);
    assert.deepEqual(thing.fixes, [], 'a direct dependency cannot be excluded');
  });

  it('honours ignore patterns by class, package and artifact', async () => {
    const byClass = findingsOf(await analyze('duplicates', { ignore: { classes: ['shared.*'] } }), 'duplicate-class');
    assert.deepEqual(byClass.map((finding) => finding.classes), [['mr.Thing']]);
    const byPackage = findingsOf(await analyze('duplicates', { ignore: { packages: ['mr'] } }), 'duplicate-class');
    assert.deepEqual(byPackage.map((finding) => finding.classes[0]), ['shared.Differs']);
    const byArtifact = findingsOf(await analyze('duplicates', { ignore: { artifacts: ['dup:*'] } }), 'duplicate-class');
    assert.deepEqual(byArtifact.map((finding) => finding.classes), [['mr.Thing']]);
  });
});

describe('missing classes', () => {
  it('names the exclusion that removed the providing artifact, with its file and offset', async () => {
    const [finding, ...rest] = findingsOf(await analyze('exclusion'), 'missing-class');
    assert.equal(rest.length, 0);
    assert.equal(finding!.severity, 'warning');
    assert.deepEqual(finding!.classes, ['ex.lib.Helper', 'ex.user.User']);
    const text = pomText('exclusion');
    assert.match(locatedText(text, finding!), /^<dependency>[\s\S]*<artifactId>user<\/artifactId>/);
    const exclusion = finding!.related[0]!.location;
    assert.match(text.slice(exclusion.range.start, exclusion.range.end), /^<exclusion>\s*<groupId>ex<\/groupId>\s*<artifactId>lib<\/artifactId>\s*<\/exclusion>$/);
    assert.match(finding!.message, new RegExp(`excluded from ex:user at .*pom\\.xml:${exclusion.line}:${exclusion.column} \\(offset ${exclusion.range.start}\\)`));
    assert.match(finding!.message, /ex:lib \(1\.0 in the local repository\) provides it/);
  });

  it('reports an optional dependency of a library as information, but as an error when the module itself uses it', async () => {
    const findings = findingsOf(await analyze('optional'), 'missing-class');
    assert.equal(findings.length, 2);
    const library = findings.find((finding) => finding.classes.includes('opt.core.Core'))!;
    assert.equal(library.severity, 'info');
    assert.match(library.message, /core 1\.0 declares it optional, so it is not passed on: an optional feature/);
    const own = findings.find((finding) => finding.classes.includes('app.App'))!;
    assert.equal(own.severity, 'error');
    assert.match(locatedText(pomText('optional'), own), /^<project/);
    assert.equal(own.fixes[0]?.title, 'Add dependency opt:extra:1.0');
    const parsed = parsePom(applyTextEdits(pomText('optional'), own.fixes[0].edits));
    assert.ok(parsed.ok);
    assert.ok(parsed.pom.dependencies.some((dependency) => dependency.artifactId === 'extra' && dependency.version === '1.0'));
  });

  it('keeps quiet about the missing classes of an ignored artifact', async () => {
    const findings = findingsOf(await analyze('optional', { ignore: { artifacts: ['opt:core'] } }), 'missing-class');
    assert.deepEqual(findings.map((finding) => finding.classes), [['opt.extra.Feature', 'app.App']]);
  });

  it('without a jar to look in, says nothing provides it, or names an optional dependency whose groupId matches the package', async () => {
    const copy = tempDir('repo');
    cpSync(repository, copy, { recursive: true });
    rmSync(join(copy, 'opt', 'extra'), { recursive: true });
    const findings = findingsOf(await analyzeFixture(fixturePath('analysis', 'optional'), copy), 'missing-class');
    assert.equal(findings.length, 2);
    const own = findings.find((finding) => finding.classes.includes('app.App'))!;
    assert.equal(own.severity, 'error');
    assert.match(own.message, /reference opt\.extra\.Feature, which no jar on the classpath provides; no artifact in the local repository provides it\./);
    assert.deepEqual(own.fixes, []);
    const library = findings.find((finding) => finding.classes.includes('opt.core.Core'))!;
    assert.equal(library.severity, 'info');
    assert.match(library.message, /opt:extra \(not in the local repository\) would provide it, but core 1\.0 declares it optional/);
    assert.deepEqual(library.fixes, []);
  });
});

describe('missing members', () => {
  it('finds fields and methods the selected version lacks, resolving inherited ones through superclasses and the JDK', async () => {
    const result = await analyze('member');
    const [finding, ...rest] = findingsOf(result, 'missing-member');
    assert.equal(rest.length, 0);
    assert.equal(finding!.severity, 'error');
    assert.match(finding!.message, /mm\.api\.Service\.stop\(\)V/);
    assert.match(finding!.message, /mm\.api\.Service\.limit:I/);
    assert.doesNotMatch(finding!.message, /describe|hashCode|run\(\)/, 'inherited and present members resolve');
    assert.match(finding!.message, /mm:api 1\.0 was selected \(declared directly/);
    assert.match(finding!.message, /api 2\.0 in the local repository declares them/);
    assert.match(locatedText(pomText('member'), finding!), /<artifactId>client<\/artifactId>/);
  });

  it('fixes a directly declared version by changing its <version>, since dependencyManagement would not override it', async () => {
    const [finding] = findingsOf(await analyze('member'), 'missing-member');
    const fix = finding!.fixes.find((candidate) => candidate.preferred)!;
    assert.equal(fix.title, 'Change mm:api to 2.0 in pom.xml');
    const parsed = parsePom(applyTextEdits(pomText('member'), fix.edits));
    assert.ok(parsed.ok);
    assert.equal(parsed.pom.dependencies.find((dependency) => dependency.artifactId === 'api')?.version, '2.0');
  });
});
