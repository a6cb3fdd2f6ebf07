import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/core/analysis/finding';
import { findingsJson } from '../../../src/core/report/findingsJson';
import { sortFindings, summarizeFindings } from '../../../src/core/report/findingsSummary';
import { findingsText } from '../../../src/core/report/findingsText';
import { sampleDir, sampleFindings } from './sampleFindings';

describe('findingsText', () => {
  it('groups by module, then by the dependency a finding is shown on, most serious first', () => {
    const text = findingsText(sampleFindings(), { baseDir: sampleDir });
    const lines = text.split('\n');
    assert.equal(lines[0], 'com.example:stream-job:1.0.0');
    assert.equal(lines[1], '  before.xml:11:5: org.apache.hadoop:hadoop-cos:3.3.0');
    assert.match(lines[2] ?? '', /^ {4}error missing-class \[compile, runtime, test\]: classes in hadoop-cos reference org\.apache\.hadoop\.util\.CleanerUtil/);
    assert.equal(lines[3], '      path: com.example:stream-job:1.0.0 -> org.apache.hadoop:hadoop-cos:3.3.0 -> org.apache.hadoop:hadoop-common:3.1.4');
    assert.ok(lines.includes('      fix: Pin org.apache.hadoop:hadoop-common to 3.4.1 in dependencyManagement (preferred)'));
    assert.ok(lines.includes('      fix: Exclude org.apache.hadoop:hadoop-common'));
    assert.ok(lines.includes('  before.xml:16:5: junit:junit:4.13.2'));
    assert.ok(lines.indexOf('  before.xml:11:5: org.apache.hadoop:hadoop-cos:3.3.0') < lines.indexOf('  before.xml:16:5: junit:junit:4.13.2'));
    assert.equal(lines.at(-2), '2 findings: 1 error, 0 warnings, 1 info');
  });

  it('shortens long class lists and says when there is nothing', () => {
    const [first] = sampleFindings();
    assert.ok(first);
    const many: Finding = { ...first, classes: Array.from({ length: 9 }, (_, i) => `a.C${i}`) };
    assert.match(findingsText([many], { maxClasses: 2 }), /classes: a\.C0, a\.C1 \(\+7 more\)/);
    assert.equal(findingsText([]), 'No findings.\n');
  });
});

describe('findingsJson', () => {
  it('writes every field the README documents', () => {
    const document = JSON.parse(findingsJson(sampleFindings())) as {
      findings: Record<string, unknown>[];
      summary: Record<string, unknown>;
    };
    const [missing, duplicate] = document.findings;
    assert.ok(missing && duplicate);
    assert.equal(missing.code, 'missing-class');
    assert.equal(missing.severity, 'error');
    assert.equal(missing.module, 'com.example:stream-job:1.0.0');
    assert.deepEqual(missing.scopes, ['compile', 'runtime', 'test']);
    assert.deepEqual(missing.classes, ['org.apache.hadoop.fs.cosn.BufferPool', 'org.apache.hadoop.fs.cosn.ByteBufferWrapper$Cleaner']);
    assert.deepEqual(missing.paths, [['com.example:stream-job:1.0.0', 'org.apache.hadoop:hadoop-cos:3.3.0', 'org.apache.hadoop:hadoop-common:3.1.4']]);
    const location = missing.location as Record<string, unknown>;
    assert.deepEqual(Object.keys(location), ['file', 'line', 'column', 'startOffset', 'endOffset']);
    assert.equal(location.line, 11);
    const fixes = missing.fixes as { title: string; kind: string; preferred: boolean; edits: Record<string, unknown>[] }[];
    assert.deepEqual(fixes.map((fix) => [fix.kind, fix.preferred]), [['pin-version', true], ['exclude', false]]);
    assert.deepEqual(Object.keys(fixes[0]?.edits[0] ?? {}), ['file', 'startOffset', 'endOffset', 'newText']);
    assert.equal(duplicate.code, 'duplicate-class');
    assert.deepEqual(document.summary, summarizeFindings(sampleFindings()));
    assert.deepEqual(document.summary.byCode, { 'duplicate-class': 1, 'missing-class': 1 });
  });
});

describe('sortFindings', () => {
  it('keeps modules in the order they come and orders positions within a file', () => {
    const [duplicate, missing] = sampleFindings();
    assert.ok(duplicate && missing);
    const other: Finding = { ...duplicate, module: 'com.example:second:1' };
    const sorted = sortFindings([other, duplicate, missing]);
    assert.deepEqual(sorted.map((finding) => [finding.module, finding.code]), [
      ['com.example:second:1', 'duplicate-class'],
      ['com.example:stream-job:1.0.0', 'missing-class'],
      ['com.example:stream-job:1.0.0', 'duplicate-class'],
    ]);
  });
});

describe('findingsText with the pom text', () => {
  it('names the <dependency> written at the location, not the first path, and the project as such', () => {
    const [duplicate, missing] = sampleFindings();
    assert.ok(duplicate && missing);
    const pomText = (file: string): string => readFileSync(file, 'utf8');
    // Shown on the junit dependency while its first path goes through hadoop-cos.
    const moved: Finding = { ...missing, location: duplicate.location };
    assert.match(findingsText([moved], { baseDir: sampleDir, pomText }), /^ {2}before\.xml:16:5: junit:junit$/m);
    const text = pomText(duplicate.location.file);
    const projectRange = { start: text.indexOf('<project'), end: text.indexOf('</project>') + '</project>'.length };
    const onProject: Finding = { ...duplicate, location: { ...duplicate.location, range: projectRange } };
    assert.match(findingsText([onProject], { pomText }), /: the project$/m);
  });
});
