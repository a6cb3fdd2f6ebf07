import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { Finding, FindingCode } from '../../../src/core/analysis/finding';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { readIgnoreMarkers } from '../../../src/core/fix/ignoreMarkers';
import { parsePom } from '../../../src/core/pom/parsePom';
import {
  countLevels,
  diagnosticData,
  distinctFindings,
  ignoreSubject,
  quickFixes,
  shortMessage,
  shownElsewhere,
  statusText,
  type SeverityLevel,
} from '../../../src/host/findings/findingPresentation';
import { analyzeFixture, findingsOf } from '../analysis/analysisTestKit';
import { fixturePath } from '../helpers/paths';

const projectPom = fixturePath('incidents', 'hadoop-cos', 'project', 'pom.xml');
const noOverrides = new Map<FindingCode, SeverityLevel>();

describe('findings as diagnostics and quick fixes (hadoop-cos incident)', () => {
  let missing: Finding;
  let conflict: Finding;
  let text: string;
  before(async () => {
    const result = await analyzeFixture(fixturePath('incidents', 'hadoop-cos', 'project'), fixturePath('incidents', 'hadoop-cos', 'repo'));
    missing = findingsOf(result, 'missing-class').find((finding) => finding.classes.includes('org.apache.hadoop.util.CleanerUtil'))!;
    conflict = findingsOf(result, 'version-conflict')[0]!;
    text = readFileSync(projectPom, 'utf8');
    assert.ok(missing && conflict);
  });

  it('shows the missing class as an error on the hadoop-cos <dependency>, with its first clause as the message', () => {
    const data = diagnosticData(missing, noOverrides);
    assert.ok(data);
    assert.equal(data.level, 'error');
    assert.equal(data.code, 'missing-class');
    assert.equal(data.file, projectPom);
    assert.match(text.slice(data.range.start, data.range.end), /^<dependency>\s*<groupId>org\.apache\.hadoop<\/groupId>\s*<artifactId>hadoop-cos<\/artifactId>[\s\S]*<\/dependency>$/);
    assert.equal(
      data.message,
      'Classes in org.apache.hadoop:hadoop-cos:3.3.0 (org.apache.hadoop.fs.cosn.BufferPool, org.apache.hadoop.fs.cosn.ByteBufferWrapper) reference org.apache.hadoop.util.CleanerUtil, which no jar on the classpath provides',
    );
    assert.equal(data.fullMessage, missing.message);
    assert.ok(data.message.length < missing.message.length);
  });

  it('relates the dependency paths and the jars', () => {
    const data = diagnosticData(missing, noOverrides)!;
    const messages = data.related.map((entry) => entry.message);
    assert.ok(messages.includes('path: com.example:checkpoint-job:1.0 -> org.apache.hadoop:hadoop-cos:3.3.0'), messages.join('\n'));
    assert.ok(messages.includes('path: com.example:checkpoint-job:1.0 -> com.example.stream:stream-runtime:1.0 -> org.apache.hadoop:hadoop-common:3.1.4'), messages.join('\n'));
    const jar = data.related.find((entry) => entry.message.startsWith('jar: '));
    assert.ok(jar?.file.endsWith('hadoop-cos-3.3.0.jar'));
    assert.equal(jar?.location, undefined);
  });

  it('applies the severity the settings give its code, and hides a code set to off', () => {
    assert.equal(diagnosticData(conflict, noOverrides)?.level, 'warning');
    assert.equal(diagnosticData(conflict, new Map([['version-conflict', 'hint']]))?.level, 'hint');
    assert.equal(diagnosticData(conflict, new Map([['version-conflict', 'off']])), undefined);
    assert.equal(diagnosticData(missing, new Map([['version-conflict', 'off']]))?.level, 'error');
  });

  it('offers the pin of hadoop-common 3.4.1 as the preferred fix, then adding it, then ignoring the finding', () => {
    const fixes = quickFixes(missing, text);
    assert.deepEqual(
      fixes.map((fix) => [fix.kind, fix.preferred]),
      [
        ['pin-version', true],
        ['add-dependency', false],
        ['ignore', false],
      ],
    );
    const pinned = parsePom(applyTextEdits(text, fixes[0]!.edits));
    assert.ok(pinned.ok);
    assert.deepEqual(
      pinned.pom.dependencyManagement.map((dependency) => [dependency.artifactId, dependency.version]),
      [['hadoop-common', '3.4.1']],
    );
  });

  it('writes an ignore marker for the missing class inside the hadoop-cos <dependency>', () => {
    assert.equal(ignoreSubject(missing), 'org.apache.hadoop.util.CleanerUtil');
    assert.equal(ignoreSubject(conflict), 'org.apache.hadoop:hadoop-common');
    const ignore = quickFixes(missing, text).find((fix) => fix.kind === 'ignore')!;
    assert.equal(ignore.title, 'Ignore this finding (missing-class org.apache.hadoop.util.CleanerUtil)');
    const after = applyTextEdits(text, ignore.edits);
    const [marker] = readIgnoreMarkers(after);
    assert.equal(marker?.code, 'missing-class');
    assert.equal(marker?.subject, 'org.apache.hadoop.util.CleanerUtil');
    assert.match(after.slice(marker.range.start, marker.range.end), /^<dependency>[\s\S]*hadoop-cos[\s\S]*<\/dependency>$/);
    // Already ignored: nothing more to write, so no ignore fix is offered.
    assert.equal(
      quickFixes(missing, after).some((fix) => fix.kind === 'ignore'),
      false,
    );
  });

  it('offers no ignore fix without the analysed text', () => {
    assert.deepEqual(
      quickFixes(missing, undefined).map((fix) => fix.kind),
      ['pin-version', 'add-dependency'],
    );
  });

  it('keeps a finding reported by several modules once', () => {
    assert.deepEqual(distinctFindings([missing, { ...missing, module: 'other:module:1' }, conflict]), [missing, conflict]);
  });
});

describe('what the findings diagnostics leave to other collections', () => {
  const base: Finding = {
    code: 'unresolved-artifact',
    severity: 'warning',
    module: 'g:a:1',
    scopes: ['compile'],
    message: 'The POM for g:b:jar:1 is missing, no dependency information available',
    location: { file: '/p/pom.xml', range: { start: 0, end: 1 }, line: 1, column: 1 },
    paths: [],
    jars: [],
    classes: [],
    related: [],
    fixes: [],
  };

  it('leaves pom problems and missing poms to the resolution diagnostics, and shows missing jars', () => {
    assert.equal(shownElsewhere(base), true);
    assert.equal(shownElsewhere({ ...base, code: 'pom-error' }), true);
    assert.equal(shownElsewhere({ ...base, message: 'Could not find artifact g:b:jar:1', jars: ['/r/g/b/1/b-1.jar'] }), false);
    assert.equal(shownElsewhere({ ...base, code: 'duplicate-class' }), false);
  });

  it('names the scopes in the message when the finding is not on every classpath', () => {
    assert.equal(diagnosticData({ ...base, jars: ['x'] }, noOverrides)?.message, 'The POM for g:b:jar:1 is missing, no dependency information available [compile]');
  });
});

describe('short messages and the status bar text', () => {
  it('cuts at the first sentence or clause outside parentheses', () => {
    assert.equal(shortMessage('a.b.C is missing (see x. y; z). More here.'), 'a.b.C is missing (see x. y; z).');
    assert.equal(shortMessage('first; second'), 'first');
    assert.equal(shortMessage('no end'), 'no end');
  });

  it('counts errors and warnings as shown', () => {
    const counts = countLevels(['error', 'warning', 'warning', 'information', 'hint']);
    assert.deepEqual(counts, { errors: 1, warnings: 2 });
    assert.equal(statusText(counts, false), '$(error) 1 $(warning) 2 Jarscope');
    assert.equal(statusText(counts, true), '$(sync~spin) $(error) 1 $(warning) 2 Jarscope');
  });
});
