import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ModelBuilder } from '../../../src/core/model/modelBuilder';
import { fixturePath } from '../helpers/paths';
import { describeDependency, modelContext } from './modelContext';

describe('ModelBuilder inheritance and interpolation', () => {
  const corePom = fixturePath('model', 'inheritance', 'core', 'pom.xml');
  const rootPom = fixturePath('model', 'inheritance', 'pom.xml');

  it('inherits groupId and version, and puts the child first, then each parent, in its dependencies', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(corePom);
    assert.deepEqual([model.groupId, model.artifactId, model.version, model.packaging], ['com.example.app', 'core', '2.0', 'jar']);
    assert.deepEqual(model.dependencies.map(describeDependency), [
      'com.example:lib-a:2.5:runtime',
      'com.example:lib-b:1.0:compile',
      'com.example:shared-dep:2.0:test',
      'com.example:corp-logging:2.0',
    ]);
    assert.deepEqual(model.problems, []);
  });

  it('interpolates after inheritance: a parent property overridden by a child, ${project.version} of the child', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(corePom);
    const corpLogging = model.dependencies.find((dependency) => dependency.artifactId === 'corp-logging');
    assert.equal(corpLogging?.version, '2.0', 'corp-parent writes ${project.version}; the child is 2.0');
    assert.equal(model.properties.get('lib.version'), '2.5');
    assert.equal(model.properties.get('corp.name'), 'corp');
  });

  it('keeps where each inherited dependency and management entry is written', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(corePom);
    const corpLogging = model.dependencies.find((dependency) => dependency.artifactId === 'corp-logging');
    const repoPom = fixturePath('model', 'repo', 'com', 'example', 'corp-parent', '1.0', 'corp-parent-1.0.pom');
    assert.deepEqual(corpLogging?.declaredAt.source, {
      kind: 'repository',
      pomPath: repoPom,
      groupId: 'com.example',
      artifactId: 'corp-parent',
      version: '1.0',
    });
    const text = readFileSync(repoPom, 'utf8');
    const range = corpLogging?.declaredAt.range;
    assert.ok(range);
    assert.match(text.slice(range.start, range.end), /^<dependency>[\s\S]*corp-logging[\s\S]*<\/dependency>$/);

    const libA = model.dependencies[0];
    assert.equal(libA?.declaredAt.source.pomPath, corePom);
    assert.equal(libA?.managedBy?.source.artifactId, 'corp-parent');
    const managedLibB = model.dependencyManagement.find((entry) => entry.artifactId === 'lib-b');
    assert.equal(managedLibB?.declaredAt.source.pomPath, rootPom);
    assert.equal(managedLibB?.declaredAt.source.kind, 'workspace');
    assert.deepEqual(
      model.dependencyManagement.map((entry) => `${entry.artifactId}@${entry.declaredAt.source.artifactId}`),
      ['lib-b@app-parent', 'lib-a@corp-parent'],
    );
  });

  it('injects version, scope and exclusions from management without overriding what is written', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(corePom);
    const [libA, libB] = model.dependencies;
    assert.deepEqual(libA?.exclusions, [{ groupId: 'com.example', artifactId: 'unwanted' }]);
    assert.equal(libB?.scope, 'compile', 'the written scope beats the managed test scope');
    assert.deepEqual(libB?.exclusions, [{ groupId: '*', artifactId: '*' }], 'own exclusions are kept as they are');
  });

  it('does not inherit modules or packaging, and resolves a parent from the repository when ../pom.xml is absent', () => {
    const builder = new ModelBuilder(modelContext());
    const root = builder.buildFromFile(rootPom);
    assert.deepEqual(root.modules, ['core']);
    assert.equal(root.packaging, 'pom');
    assert.deepEqual(builder.buildFromFile(corePom).modules, []);
    assert.deepEqual(root.dependencies.map(describeDependency), ['com.example:shared-dep:1.0', 'com.example:corp-logging:2.0']);
  });

  it('lets -D user properties beat model properties', () => {
    const model = new ModelBuilder(modelContext({ userProperties: new Map([['lib.version', '9']]) })).buildFromFile(corePom);
    assert.equal(model.dependencies[0]?.version, '9');
  });

  it('caches built models per pom', () => {
    const builder = new ModelBuilder(modelContext());
    assert.equal(builder.buildFromFile(corePom), builder.buildFromFile(corePom));
  });

  it('reads unsaved editor texts instead of the files, for the pom and its parents', () => {
    const rootText = readFileSync(rootPom, 'utf8').replace('<lib.version>2.5</lib.version>', '<lib.version>2.6</lib.version>');
    const coreText = readFileSync(corePom, 'utf8').replace('<artifactId>core</artifactId>', '<artifactId>core-renamed</artifactId>');
    const pomTexts = new Map([
      [rootPom, rootText],
      [corePom, coreText],
    ]);
    const model = new ModelBuilder(modelContext({ pomTexts })).buildFromFile(corePom);
    assert.equal(model.artifactId, 'core-renamed');
    assert.equal(model.dependencies[0]?.version, '2.6');
  });
});

