import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { AnalysisResult } from '../../../src/core/analysis/analyzeModules';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { explainFailures } from '../../../src/core/explain/explainFailure';
import { openExplainIndexer } from '../../../src/core/explain/explainIndexer';
import { explanationMarkdown } from '../../../src/core/explain/explanationMarkdown';
import { parseThrowable } from '../../../src/core/explain/parseThrowable';
import { parsePom } from '../../../src/core/pom/parsePom';
import type { AnalysisSession } from '../../../src/core/workspace/analysisSession';
import { fixturePath } from '../helpers/paths';
import { analyzeModules } from '../../../src/core/analysis/analyzeModules';
import { fixtureSession } from '../analysis/analysisTestKit';

const projectDir = fixturePath('incidents', 'hadoop-cos', 'project');
const repositoryDir = fixturePath('incidents', 'hadoop-cos', 'repo');

describe('explainFailures on the hadoop-cos incident', () => {
  let session: AnalysisSession;
  let analysis: AnalysisResult;
  const opened = openExplainIndexer(undefined);
  before(async () => {
    session = fixtureSession(projectDir, repositoryDir);
    analysis = await analyzeModules(session, session.reactor.modules, { cacheDir: null, env: process.env });
  });
  after(() => opened.close());

  const explain = (text: string) => explainFailures({ session, modules: analysis.modules, indexer: opened.indexer }, parseThrowable(text));

  it('tells the CleanerUtil story: referenced by hadoop-cos, hadoop-common 3.1.4 selected and why, 3.4.1 has it, pin fix', async () => {
    const [explanation] = await explain('java.lang.NoClassDefFoundError: org/apache/hadoop/util/CleanerUtil');
    const [explained] = explanation!.classes;
    assert.equal(explained?.className, 'org.apache.hadoop.util.CleanerUtil');
    const common = explained.repository.find((versions) => versions.artifactId === 'hadoop-common');
    assert.equal(common?.first, '3.4.1');
    assert.deepEqual(common?.without, ['3.1.4']);
    const [module] = explained.modules;
    assert.deepEqual(module?.copies, []);
    assert.ok(module.referencedBy.some((name) => name.includes('hadoop-cos')), module.referencedBy.join());
    assert.equal(module.selections[0]?.version, '3.1.4');
    assert.match(module.selections[0].how, /first declaration wins at depth 2, via .*stream-runtime/);
    assert.deepEqual(module.selections[0].requested.map((requested) => requested.version), ['3.4.1']);
    assert.match(module.story, /hadoop-common 3\.1\.4 was selected \(first declaration wins.*the class exists from 3\.4\.1 on/);

    const pin = module.fixes.find((fix) => fix.preferred);
    assert.equal(pin?.kind, 'pin-version');
    const text = readFileSync(module.pomPath, 'utf8');
    const parsed = parsePom(applyTextEdits(text, pin.edits));
    assert.ok(parsed.ok);
    assert.equal(parsed.pom.dependencyManagement.find((dependency) => dependency.artifactId === 'hadoop-common')?.version, '3.4.1');

    const { markdown, fixes } = explanationMarkdown([explanation!], (fix, index) => `[${fix.title}](command:apply?${index})`);
    assert.match(markdown, /org\.apache\.hadoop\.util\.CleanerUtil/);
    assert.match(markdown, /hadoop-cos/);
    assert.match(markdown, /hadoop-common:3\.1\.4/);
    assert.match(markdown, /first version with it \*\*3\.4\.1\*\*/);
    assert.match(markdown, /\[Pin org\.apache\.hadoop:hadoop-common to 3\.4\.1 in dependencyManagement\]\(command:apply\?0\)/);
    assert.equal(fixes[0], pin);
  });

  it('finds the copy of a class that is on the classpath, and says whether it declares a member', async () => {
    const [explanation] = await explain("java.lang.NoSuchMethodError: 'void org.apache.hadoop.fs.cosn.BufferPool.noSuchMethod(int)'");
    const [module] = explanation!.classes[0]!.modules;
    assert.ok(module!.copies.length > 0);
    assert.ok(module!.copies.every((copy) => copy.name.includes('hadoop-cos') && copy.hasMember === false));
    assert.match(module!.story, /without method noSuchMethod\(I\)V/);
  });

  it('says so when nothing provides the class', async () => {
    const [explanation] = await explain('java.lang.ClassNotFoundException: org.nowhere.Missing');
    const [module] = explanation!.classes[0]!.modules;
    assert.deepEqual(explanation!.classes[0]!.repository, []);
    assert.match(module!.story, /no artifact in the local repository provides it/);
    assert.deepEqual(module!.fixes, []);
  });
});
