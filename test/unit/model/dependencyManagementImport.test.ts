import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelBuilder } from '../../../src/core/model/modelBuilder';
import { fixturePath } from '../helpers/paths';
import { describeDependency, modelContext } from './modelContext';

describe('ModelBuilder import-scope BOMs', () => {
  const bomsPom = fixturePath('model', 'boms', 'pom.xml');
  const innerBom = fixturePath('model', 'boms', 'inner-bom', 'pom.xml');
  const context = modelContext({ workspacePoms: new Map([['com.example.ws:inner-bom:1.0', innerBom]]) });

  it('puts own entries first, then each BOM in declaration order, first entry per key winning', () => {
    const model = new ModelBuilder(context).buildFromFile(bomsPom);
    assert.deepEqual(model.dependencyManagement.map(describeDependency), [
      'com.example:lib-y:5.0',
      'com.example:lib-x:1.0',
      'com.example:lib-z:3.0',
      'com.example:lib-w:2.0',
      'com.example:lib-w:test-jar:tests:2.0',
      'com.example:lib-v:7.0',
    ]);
    assert.ok(!model.dependencyManagement.some((entry) => entry.scope === 'import'), 'import entries are removed');
    assert.deepEqual(model.problems, []);
  });

  it('manages the pom own dependencies from the merged management, by type and classifier too', () => {
    const model = new ModelBuilder(context).buildFromFile(bomsPom);
    assert.deepEqual(model.dependencies.map(describeDependency), [
      'com.example:lib-x:1.0',
      'com.example:lib-y:5.0',
      'com.example:lib-w:2.0',
      'com.example:lib-w:test-jar:tests:2.0:test',
      'com.example:lib-z:3.0',
      'com.example:lib-v:7.0',
    ]);
  });

  it('records the BOM (or its parent, or the reactor module) each entry comes from', () => {
    const model = new ModelBuilder(context).buildFromFile(bomsPom);
    const from = (artifactId: string): string => {
      const source = model.dependencyManagement.find((entry) => entry.artifactId === artifactId)?.declaredAt.source;
      return source ? `${source.kind}:${source.groupId}:${source.artifactId}:${source.version}` : 'none';
    };
    assert.equal(from('lib-y'), 'workspace:com.example.ws:boms:1.0');
    assert.equal(from('lib-x'), 'repository:com.example:bom-a:1.0');
    assert.equal(from('lib-z'), 'repository:com.example:bom-parent:1.0');
    assert.equal(from('lib-w'), 'repository:com.example:bom-b:2.0');
    assert.equal(from('lib-v'), 'workspace:com.example.ws:inner-bom:1.0');
    const libZ = model.dependencies.find((dependency) => dependency.artifactId === 'lib-z');
    assert.equal(libZ?.managedBy?.source.artifactId, 'bom-parent');
  });

  it('imports a reactor BOM as Maven does, without -P profiles, though the module itself has them', () => {
    // Observed with Maven 3.8.7: importDependencyManagement builds the BOM from a bare model source.
    const builder = new ModelBuilder({ ...context, activeProfiles: ['alt'] });
    const model = builder.buildFromFile(bomsPom);
    assert.equal(model.dependencies.find((dependency) => dependency.artifactId === 'lib-v')?.version, '7.0');
    const bomAsProject = builder.buildFromFile(innerBom);
    assert.equal(bomAsProject.dependencyManagement.find((entry) => entry.artifactId === 'lib-v')?.version, '8.0');
  });

  it('reports a missing BOM at its import entry and keeps the rest', () => {
    const pomPath = fixturePath('model', 'bad', 'missingBom', 'pom.xml');
    const model = new ModelBuilder(modelContext()).buildFromFile(pomPath);
    assert.deepEqual(model.dependencyManagement.map(describeDependency), ['com.example:lib-x:1.0']);
    const [problem] = model.problems;
    assert.equal(model.problems.length, 1);
    assert.equal(problem?.code, 'import-not-found');
    assert.equal(problem?.severity, 'error');
    assert.match(problem?.message ?? '', /com\.example:absent-bom:1\.0/);
    assert.match(problem?.message ?? '', /missingBom/);
    assert.equal(problem?.pomPath, pomPath);
    assert.equal(problem?.line, 9);
    assert.equal(problem?.column, 7);
  });

  it('reports an import cycle and still uses what each BOM manages', () => {
    const pomPath = fixturePath('model', 'bad', 'importCycle', 'pom.xml');
    const model = new ModelBuilder(modelContext()).buildFromFile(pomPath);
    assert.deepEqual(
      model.dependencyManagement.map((entry) => entry.artifactId),
      ['managed-by-cycle-a', 'managed-by-cycle-b'],
    );
    const cycle = model.problems.find((problem) => problem.code === 'import-cycle');
    assert.ok(cycle, JSON.stringify(model.problems));
    assert.match(cycle.message, /com\.example:cycle-a:1\.0 -> com\.example:cycle-b:1\.0 -> com\.example:cycle-a:1\.0/);
  });
});
