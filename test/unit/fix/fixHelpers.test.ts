import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { exclusionFix } from '../../../src/core/fix/exclusionFix';
import { ignoreFix, matchesIgnorePattern, readIgnoreMarkers } from '../../../src/core/fix/ignoreMarkers';
import { managedVersionFix } from '../../../src/core/fix/managedVersionFix';
import { detectLayout } from '../../../src/core/fix/pomDocument';
import { scopeFix } from '../../../src/core/fix/scopeFix';
import { parsePom } from '../../../src/core/pom/parsePom';
import { fixturePath } from '../helpers/paths';

function fixture(name: string): { path: string; text: string } {
  const path = fixturePath('fix', name, 'before.xml');
  return { path, text: readFileSync(path, 'utf8') };
}

describe('detectLayout', () => {
  it('finds 2 spaces, 4 spaces, tabs and CRLF in the fixtures', () => {
    assert.deepEqual(detectLayout(fixture('exclusion-2space-creates-exclusions').text), { indentUnit: '  ', newline: '\n' });
    assert.deepEqual(detectLayout(fixture('exclusion-4space-existing-exclusions').text), { indentUnit: '    ', newline: '\n' });
    assert.deepEqual(detectLayout(fixture('exclusion-tab-self-closing-exclusions').text), { indentUnit: '\t', newline: '\n' });
    assert.deepEqual(detectLayout(fixture('managed-version-crlf-before-build').text), { indentUnit: '    ', newline: '\r\n' });
  });

  it('falls back to 2 spaces for a pom written on one line', () => {
    assert.deepEqual(detectLayout('<project><modelVersion>4.0.0</modelVersion></project>'), { indentUnit: '  ', newline: '\n' });
  });
});

describe('applyTextEdits', () => {
  it('applies edits given in any order against the original offsets', () => {
    const edits = [
      { file: 'f', range: { start: 4, end: 5 }, newText: 'E' },
      { file: 'f', range: { start: 0, end: 1 }, newText: 'AA' },
    ];
    assert.equal(applyTextEdits('abcdef', edits), 'AAbcdEf');
  });

  it('refuses overlapping edits', () => {
    const edits = [
      { file: 'f', range: { start: 0, end: 3 }, newText: '' },
      { file: 'f', range: { start: 2, end: 4 }, newText: '' },
    ];
    assert.throws(() => applyTextEdits('abcdef', edits), RangeError);
  });
});

describe('fixes on text that no longer matches', () => {
  it('gives no edits when the range does not start a <dependency>', () => {
    const pom = fixture('exclusion-2space-creates-exclusions');
    const fix = exclusionFix(pom, { start: 3, end: 10 }, { groupId: 'a', artifactId: 'b' });
    assert.equal(fix.kind, 'exclude');
    assert.deepEqual(fix.edits, []);
  });

  it('gives no edits on a pom that is not well-formed', () => {
    const fix = managedVersionFix({ path: 'p', text: '<project><dependencies></project>' }, { groupId: 'a', artifactId: 'b', version: '1' });
    assert.deepEqual(fix.edits, []);
  });

  it('edits a dependency inside a profile', () => {
    const pom = fixture('add-dependency-4space-creates-dependencies');
    const parsed = parsePom(pom.text);
    assert.ok(parsed.ok);
    const inProfile = parsed.pom.profiles[0]?.dependencies[0];
    assert.ok(inProfile);
    const after = applyTextEdits(pom.text, scopeFix(pom, inProfile.range, 'test').edits);
    assert.match(after, /<version>4\.13\.2<\/version>\n {20}<scope>test<\/scope>\n {16}<\/dependency>/);
  });

  it('titles say what the fix does, and no fix is preferred until the analysis says so', () => {
    const fix = managedVersionFix(fixture('managed-version-empty-project-body'), { groupId: 'org.x', artifactId: 'y', version: '2' });
    assert.equal(fix.title, 'Pin org.x:y to 2 in dependencyManagement');
    assert.equal(fix.preferred, false);
  });

  it('escapes characters XML text cannot hold', () => {
    const pom = fixture('scope-replaces-existing');
    const parsed = parsePom(pom.text);
    assert.ok(parsed.ok);
    const dependency = parsed.pom.dependencies[0];
    assert.ok(dependency);
    const after = applyTextEdits(pom.text, scopeFix(pom, dependency.range, 'a<b&c').edits);
    assert.match(after, /<scope>a&lt;b&amp;c<\/scope>/);
    assert.ok(parsePom(after).ok);
  });
});

describe('ignore markers', () => {
  it('reads each marker with the element it sits in', () => {
    const { text } = fixture('ignore-existing-marker-kept');
    const parsed = parsePom(text);
    assert.ok(parsed.ok);
    const markers = readIgnoreMarkers(text);
    assert.equal(markers.length, 1);
    const [marker] = markers;
    assert.equal(marker?.code, 'duplicate-class');
    assert.equal(marker?.subject, 'org.apache.commons.logging.*');
    assert.deepEqual(marker?.range, parsed.pom.dependencies[0]?.range);
    assert.equal(text.slice(marker?.markerRange.start, marker?.markerRange.end), '<!-- jarscope:ignore duplicate-class org.apache.commons.logging.* -->');
  });

  it('places a project-level marker on the <project> and reads it back there', () => {
    const pom = fixture('ignore-crlf-project');
    const parsed = parsePom(pom.text);
    assert.ok(parsed.ok);
    const after = applyTextEdits(pom.text, ignoreFix(pom, parsed.pom.projectRange, 'version-conflict', 'org.slf4j:*').edits);
    const [marker] = readIgnoreMarkers(after);
    assert.equal(marker?.code, 'version-conflict');
    assert.equal(marker?.range.start, parsed.pom.projectRange.start);
  });

  it('never writes "--" inside the comment', () => {
    const pom = fixture('ignore-crlf-project');
    const parsed = parsePom(pom.text);
    assert.ok(parsed.ok);
    const after = applyTextEdits(pom.text, ignoreFix(pom, parsed.pom.projectRange, 'missing-class', 'a--b c').edits);
    assert.ok(parsePom(after).ok);
    assert.equal(readIgnoreMarkers(after)[0]?.subject, 'a-bc');
  });

  it('matches * patterns against classes, packages and artifacts', () => {
    assert.ok(matchesIgnorePattern('org.apache.commons.logging.*', 'org.apache.commons.logging.Log'));
    assert.ok(matchesIgnorePattern('org.slf4j:*', 'org.slf4j:jcl-over-slf4j'));
    assert.ok(matchesIgnorePattern('*$Inner', 'org.a.Outer$Inner'));
    assert.ok(!matchesIgnorePattern('org.apache.*', 'org.apachex'));
    assert.ok(!matchesIgnorePattern('org.a.B', 'org.a.Bc'));
    assert.ok(!matchesIgnorePattern('org.a.B', 'orgxa.B'));
  });
});
