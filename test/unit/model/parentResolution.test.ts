import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelBuilder } from '../../../src/core/model/modelBuilder';
import { chooseParentVersion, parentVersionAccepts } from '../../../src/core/model/parentVersionRange';
import { fixturePath } from '../helpers/paths';
import { modelContext } from './modelContext';

function pom(...segments: string[]): string {
  return fixturePath('model', 'relativePath', ...segments, 'pom.xml');
}

describe('ModelBuilder parent resolution', () => {
  it('falls back to the repository, silently, when the pom at relativePath has another version', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(pom('child'));
    assert.equal(model.properties.get('corp.name'), 'corp');
    assert.equal(model.dependencies[0]?.declaredAt.source.kind, 'repository');
    assert.deepEqual(model.problems, []);
  });

  it('takes a relativePath that names a folder as that folder pom.xml', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(pom('dirChild'));
    assert.deepEqual([model.groupId, model.version], ['com.example.rel', '1.0']);
    assert.equal(model.properties.get('from'), fixturePath('model', 'relativePath', 'dirChild'), 'interpolated after inheritance');
    assert.deepEqual(model.problems, []);
  });

  it('warns when the pom at relativePath is another artifact, then uses the repository', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(pom('wrongChild'));
    assert.deepEqual(
      model.dependencyManagement.map((entry) => `${entry.artifactId}@${entry.declaredAt.source.kind}`),
      ['lib-z@repository'],
    );
    assert.deepEqual(
      model.problems.map((problem) => [problem.code, problem.severity, problem.line]),
      [['parent-relative-path-mismatch', 'warning', 4]],
    );
    assert.match(model.problems[0]?.message ?? '', /points at com\.example:corp-parent instead of com\.example:bom-parent/);
  });

  it('does not look at ../pom.xml when relativePath is empty', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(pom('emptyRelativePath'));
    assert.equal(model.properties.get('corp.name'), undefined);
    assert.deepEqual(model.problems.map((problem) => problem.code), ['parent-not-found']);
    assert.match(model.problems[0]?.message ?? '', /com\.example:corp-parent:0\.9 .*not found in the local repository/);
  });

  it('resolves a parent version range to the highest version the repository metadata lists in it', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(pom('rangedChild'));
    assert.equal(model.properties.get('picked'), 'was 1.5');
    assert.deepEqual(model.problems, []);
    const unmet = new ModelBuilder(modelContext()).buildFromFile(pom('rangeNotMet'));
    assert.deepEqual(unmet.problems.map((problem) => problem.code), ['parent-not-found']);
    assert.match(unmet.problems[0]?.message ?? '', /no version in \[2\.1,\)/);
  });

  it('accepts a relativePath pom whose version is in the parent range, and picks the highest known version', () => {
    assert.equal(parentVersionAccepts('[1.0,2.0)', '1.5'), true);
    assert.equal(parentVersionAccepts('[1.0,2.0)', '2.0'), false);
    assert.equal(parentVersionAccepts('1.0', '1.0'), true);
    assert.equal(parentVersionAccepts('1.0', '1.0.0'), false, 'a plain version must be written the same');
    assert.equal(parentVersionAccepts('[1.0', '1.0'), false);
    assert.deepEqual(chooseParentVersion('[1,)', () => ['1.0', '1.10', '1.9']), { ok: true, version: '1.10' });
    assert.equal(chooseParentVersion('[1.0', () => ['1.0']).ok, false);
  });
});
