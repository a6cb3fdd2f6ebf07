import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Fix } from '../../../src/core/analysis/finding';
import { addDependencyFix } from '../../../src/core/fix/addDependencyFix';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { exclusionFix } from '../../../src/core/fix/exclusionFix';
import { ignoreFix } from '../../../src/core/fix/ignoreMarkers';
import { managedVersionFix } from '../../../src/core/fix/managedVersionFix';
import type { PomDocument } from '../../../src/core/fix/pomDocument';
import { scopeFix } from '../../../src/core/fix/scopeFix';
import { parsePom } from '../../../src/core/pom/parsePom';
import type { RawPom } from '../../../src/core/pom/rawPom';
import type { TextRange } from '../../../src/core/pom/xmlTree';
import { fixturePath } from '../helpers/paths';

const casesDir = fixturePath('fix');
// Set to rewrite after.xml from the current code; every rewritten golden must then be read by a person.
const updateGoldens = process.env.JARSCOPE_UPDATE_GOLDENS === '1';

function parsed(text: string): RawPom {
  const result = parsePom(text);
  assert.ok(result.ok, `fixture does not parse: ${result.ok ? '' : result.error.message}`);
  return result.pom;
}

function dependencyRange(pom: RawPom, artifactId: string): TextRange {
  const dependency = pom.dependencies.find((candidate) => candidate.artifactId === artifactId);
  assert.ok(dependency, `no dependency ${artifactId}`);
  return dependency.range;
}

const hadoopCommon = { groupId: 'org.apache.hadoop', artifactId: 'hadoop-common', version: '3.4.1' };

/** For each case folder, the fix applied to its before.xml. */
const cases: Record<string, (document: PomDocument, pom: RawPom) => Fix> = {
  'exclusion-2space-creates-exclusions': (document, pom) =>
    exclusionFix(document, dependencyRange(pom, 'hadoop-cos'), { groupId: 'org.apache.hadoop', artifactId: 'hadoop-common' }),
  'exclusion-4space-existing-exclusions': (document, pom) =>
    exclusionFix(document, dependencyRange(pom, 'spring-core'), { groupId: 'commons-logging', artifactId: 'commons-logging' }),
  'exclusion-tab-self-closing-exclusions': (document, pom) =>
    exclusionFix(document, dependencyRange(pom, 'log4j-1.2-api'), { groupId: 'log4j', artifactId: 'log4j' }),
  'exclusion-crlf-empty-exclusions': (document, pom) =>
    exclusionFix(document, dependencyRange(pom, 'jcl-over-slf4j'), { groupId: 'commons-logging', artifactId: 'commons-logging' }),
  'exclusion-already-excluded-by-wildcard': (document, pom) =>
    exclusionFix(document, dependencyRange(pom, 'guava'), { groupId: 'com.google.code.findbugs', artifactId: 'jsr305' }),
  'exclusion-one-line-dependency': (document, pom) =>
    exclusionFix(document, dependencyRange(pom, 'hamcrest'), { groupId: 'org.hamcrest', artifactId: 'hamcrest-core' }),
  'managed-version-creates-section-before-dependencies': (document) => managedVersionFix(document, hadoopCommon),
  'managed-version-updates-existing-entry': (document) => managedVersionFix(document, hadoopCommon),
  'managed-version-tab-adds-entry': (document) =>
    managedVersionFix(document, { groupId: 'com.google.guava', artifactId: 'failureaccess', version: '1.0.2' }),
  'managed-version-crlf-before-build': (document) =>
    managedVersionFix(document, { groupId: 'io.netty', artifactId: 'netty-transport-native-epoll', version: '4.1.100.Final', classifier: 'linux-x86_64' }),
  'managed-version-adds-missing-version': (document) =>
    managedVersionFix(document, { groupId: 'org.slf4j', artifactId: 'slf4j-api', version: '2.0.9' }),
  'managed-version-empty-project-body': (document) => managedVersionFix(document, hadoopCommon),
  'add-dependency-4space-creates-dependencies': (document) =>
    addDependencyFix(document, { groupId: 'org.apache.commons', artifactId: 'commons-lang3', version: '3.13.0' }),
  'add-dependency-crlf-appends': (document) => addDependencyFix(document, { ...hadoopCommon, scope: 'runtime' }),
  'add-dependency-self-closing-dependencies': (document) =>
    addDependencyFix(document, { groupId: 'com.example', artifactId: 'fixtures', version: '1', type: 'test-jar', scope: 'test' }),
  'scope-replaces-existing': (document, pom) => scopeFix(document, dependencyRange(pom, 'flink-streaming-java'), 'provided'),
  'scope-tab-inserts-before-exclusions': (document, pom) => scopeFix(document, dependencyRange(pom, 'spark-core_2.12'), 'provided'),
  'scope-self-closing-scope': (document, pom) => scopeFix(document, dependencyRange(pom, 'kafka-clients'), 'provided'),
  'ignore-4space-dependency': (document, pom) =>
    ignoreFix(document, dependencyRange(pom, 'spring-core'), 'duplicate-class', 'org.springframework.cglib.*'),
  'ignore-crlf-project': (document, pom) => ignoreFix(document, pom.projectRange, 'missing-class', 'org.apache.hadoop.util.CleanerUtil'),
  'ignore-existing-marker-kept': (document, pom) =>
    ignoreFix(document, dependencyRange(pom, 'jcl-over-slf4j'), 'duplicate-class', 'org.apache.commons.logging.*'),
};

/** Cases whose fix must change nothing: the pom already says it. */
const unchanged = new Set(['exclusion-already-excluded-by-wildcard', 'ignore-existing-marker-kept']);

function lineEndings(text: string): { crlf: number; bareLf: number } {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  return { crlf, bareLf: (text.match(/\n/g) ?? []).length - crlf };
}

describe('pom fixes against golden files', () => {
  it('has a case in the table for every fixture folder', () => {
    const folders = readdirSync(casesDir).filter((name) => existsSync(join(casesDir, name, 'before.xml')));
    assert.deepEqual(folders.sort(), Object.keys(cases).sort());
  });

  for (const [name, makeFix] of Object.entries(cases)) {
    it(name, () => {
      const path = join(casesDir, name, 'before.xml');
      const before = readFileSync(path, 'utf8');
      const fix = makeFix({ path, text: before }, parsed(before));
      for (const edit of fix.edits) assert.equal(edit.file, path);
      const after = applyTextEdits(before, fix.edits);
      const goldenPath = join(casesDir, name, 'after.xml');
      if (updateGoldens) writeFileSync(goldenPath, after);
      assert.equal(after, readFileSync(goldenPath, 'utf8'));
      assert.equal(fix.edits.length === 0, unchanged.has(name), 'only the no-op cases have no edits');
      // The result is still a pom, and keeps the file's newline style.
      parsed(after);
      const endings = lineEndings(after);
      if (before.includes('\r\n')) assert.equal(endings.bareLf, 0);
      else assert.equal(endings.crlf, 0);
      // Applying the same fix again to the fixed text changes nothing.
      assert.deepEqual(makeFix({ path, text: after }, parsed(after)).edits, []);
    });
  }
});
