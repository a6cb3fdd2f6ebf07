import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { analyzeModules } from '../../../src/core/analysis/analyzeModules';
import { explainFailures } from '../../../src/core/explain/explainFailure';
import { openExplainIndexer } from '../../../src/core/explain/explainIndexer';
import { parseThrowable } from '../../../src/core/explain/parseThrowable';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { parsePom } from '../../../src/core/pom/parsePom';
import { fixturePath } from '../helpers/paths';
import { fixtureSession } from '../analysis/analysisTestKit';

describe('explainFailures on two copies of a class', () => {
  const opened = openExplainIndexer(undefined);
  after(() => opened.close());

  it('names both copies for "X cannot be cast to X" and offers to exclude the later one', async () => {
    const session = fixtureSession(fixturePath('analysis', 'duplicates'), fixturePath('analysis', 'repo'));
    const analysis = await analyzeModules(session, session.reactor.modules, { cacheDir: null, env: process.env });
    const failures = parseThrowable('java.lang.ClassCastException: shared.Same cannot be cast to shared.Same');
    const [explanation] = await explainFailures({ session, modules: analysis.modules, indexer: opened.indexer }, failures);
    const [module] = explanation!.classes[0]!.modules;
    assert.deepEqual([...new Set(module!.copies.map((copy) => copy.name))], ['dup:left:1.0', 'dup:right:1.0']);
    assert.deepEqual([...new Set(module!.copies.map((copy) => copy.scope))], ['compile', 'runtime', 'test']);
    assert.match(module!.story, /two copies of shared\.Same: dup:left:1\.0 and dup:right:1\.0 \(duplicate classes\) → .*shared\.Same cannot be cast to shared\.Same/);
    const exclude = module!.fixes.find((fix) => fix.kind === 'exclude');
    assert.ok(exclude, JSON.stringify(module!.fixes));
    const parsed = parsePom(applyTextEdits(readFileSync(module!.pomPath, 'utf8'), exclude.edits));
    assert.ok(parsed.ok);
    const wrapper = parsed.pom.dependencies.find((dependency) => dependency.artifactId === 'wrapper');
    assert.deepEqual(wrapper?.exclusions.map((exclusion) => `${exclusion.groupId}:${exclusion.artifactId}`), ['dup:right']);
  });
});
