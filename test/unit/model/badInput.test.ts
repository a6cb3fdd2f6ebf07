import assert from 'node:assert/strict';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dependencyPomStatus } from '../../../src/core/model/dependencyPomStatus';
import { ModelBuilder } from '../../../src/core/model/modelBuilder';
import { fixturePath } from '../helpers/paths';
import { describeDependency, modelContext } from './modelContext';
import { tempDir } from '../helpers/tempDir';

function badPom(name: string, ...rest: string[]): string {
  return fixturePath('model', 'bad', name, ...rest, 'pom.xml');
}

describe('ModelBuilder on bad input', () => {
  it('reports a malformed pom with the parser line and column, and returns an empty model', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(badPom('malformed'));
    assert.equal(model.dependencies.length, 0);
    assert.equal(model.problems.length, 1);
    const [problem] = model.problems;
    assert.equal(problem?.code, 'pom-malformed');
    assert.equal(problem?.severity, 'error');
    assert.equal(problem?.pomPath, badPom('malformed'));
    assert.equal(problem?.line, 8);
    assert.ok((problem?.column ?? 0) > 0);
  });

  it('reports a missing parent with its coordinates and the child, and keeps the child own content', () => {
    const pomPath = badPom('missingParent');
    const model = new ModelBuilder(modelContext()).buildFromFile(pomPath);
    assert.deepEqual(model.dependencies.map(describeDependency), ['com.example:lib-x:1.0']);
    assert.equal(model.groupId, 'com.example', 'the groupId of <parent> still applies');
    const problem = model.problems.find((candidate) => candidate.code === 'parent-not-found');
    assert.ok(problem, JSON.stringify(model.problems));
    assert.match(problem.message, /com\.example:no-such-parent:1\.0/);
    assert.ok(problem.message.includes(pomPath));
    assert.deepEqual([problem.line, problem.column], [4, 3]);
  });

  it('reports a parent cycle once and terminates', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(badPom('parentCycle', 'a'));
    const cycles = model.problems.filter((problem) => problem.code === 'parent-cycle');
    assert.equal(cycles.length, 1, JSON.stringify(model.problems));
    assert.match(cycles[0]?.message ?? '', /a[/\\]pom\.xml -> .*b[/\\]pom\.xml -> .*a[/\\]pom\.xml/);
    assert.deepEqual([model.groupId, model.artifactId, model.version], ['com.example.cycle', 'a', '1.0']);
  });

  it('does not read a pom over the size limit', () => {
    const folder = tempDir('model');
    try {
      const pomPath = join(folder, 'pom.xml');
      writeFileSync(pomPath, '<project>');
      truncateSync(pomPath, 33 * 1024 * 1024);
      const model = new ModelBuilder(modelContext()).buildFromFile(pomPath);
      assert.deepEqual(model.problems.map((problem) => problem.code), ['pom-too-large']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reports a pom that is its own parent as a cycle', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(badPom('selfParent'));
    assert.deepEqual(model.problems.map((problem) => [problem.code, problem.line]), [['parent-cycle', 4]]);
  });

  it('treats paths that run through a file as missing, never throwing', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(badPom('throughFile'));
    assert.deepEqual(
      model.problems.map((problem) => [problem.code, problem.severity]),
      [
        ['parent-not-found', 'error'],
        ['dependency-systemPath-no-file', 'warning'],
      ],
    );
  });

  it('reports a property cycle and an unknown property at the dependency that uses them, leaving them as written', () => {
    const pomPath = badPom('selfProperty');
    const model = new ModelBuilder(modelContext()).buildFromFile(pomPath);
    const [libX, libY] = model.dependencies;
    assert.match(libX?.version ?? '', /\$\{(ping|pong)\}/);
    assert.equal(libY?.version, '${undefined.version}');
    const cycles = model.problems.filter((problem) => problem.code === 'property-cycle');
    assert.ok(cycles.some((problem) => problem.line === 13), JSON.stringify(model.problems));
    assert.ok(cycles.some((problem) => /self -> self/.test(problem.message)));
    const unknown = model.problems.filter((problem) => problem.code === 'property-unknown');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0]?.severity, 'warning');
    assert.equal(unknown[0]?.line, 18);
    assert.match(unknown[0]?.message ?? '', /undefined\.version/);
  });

  it('warns about a dependency declared twice: the last content, at the first position', () => {
    const pomPath = badPom('duplicate');
    const model = new ModelBuilder(modelContext()).buildFromFile(pomPath);
    assert.deepEqual(model.dependencies.map(describeDependency), ['com.example:lib-x:2.0:test', 'com.example:lib-y:1.0']);
    const text = readFileSync(pomPath, 'utf8');
    const range = model.dependencies[0]?.declaredAt.range;
    assert.ok(range);
    assert.match(text.slice(range.start, range.end), /2\.0/, 'the site is the declaration whose content is used');
    const [problem] = model.problems;
    assert.equal(model.problems.length, 1);
    assert.equal(problem?.code, 'duplicate-dependency');
    assert.equal(problem?.severity, 'warning');
    assert.equal(problem?.line, 18);
    assert.match(problem?.message ?? '', /com\.example:lib-x:jar -> version 1\.0 vs 2\.0/);
  });

  it('keeps a key managed twice in one pom, filling fields in order, until a merge with a parent collapses it', () => {
    // Observed with Maven 3.8.7: without a parent the first entry's version wins (the scope comes from the
    // second, which is the first to write one); a parent with dependencyManagement makes the child's last one win.
    const builder = new ModelBuilder(modelContext());
    const alone = builder.buildFromFile(badPom('duplicateManagement'));
    assert.deepEqual(alone.dependencyManagement.map(describeDependency), ['com.example:lib-p:1.0', 'com.example:lib-p:2.0:test']);
    assert.deepEqual(alone.dependencies.map(describeDependency), ['com.example:lib-p:1.0:test']);
    assert.deepEqual(alone.problems.map((problem) => [problem.code, problem.line]), [['duplicate-dependency', 15]]);

    const child = builder.buildFromFile(badPom('duplicateManagement', 'child'));
    // ModelMerger adds the parent's entries only for keys not yet present: the first of its repeated ones.
    assert.deepEqual(child.dependencyManagement.map(describeDependency), ['com.example:lib-q:2.0', 'com.example:lib-p:1.0']);
    assert.deepEqual(child.dependencies.map(describeDependency), ['com.example:lib-q:2.0', 'com.example:lib-p:1.0']);
    assert.deepEqual(
      child.problems.map((problem) => [problem.code, problem.pomPath, problem.line]),
      [
        ['duplicate-dependency', badPom('duplicateManagement', 'child'), 17],
        ['duplicate-dependency', badPom('duplicateManagement'), 15],
      ],
      "a parent's problems are placed in the parent",
    );
  });

  it('reports what Maven validation rejects: missing coordinates, a system dependency without systemPath and vice versa', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(badPom('incomplete'));
    assert.equal(model.dependencies.length, 4, 'the model is still built');
    assert.deepEqual(
      model.problems.map((problem) => [problem.code, problem.line]),
      [
        ['version-missing', 2],
        ['property-unknown', 23],
        ['dependency-groupId-missing', 7],
        ['dependency-systemPath-missing', 11],
        ['dependency-systemPath-not-system', 17],
        ['dependency-groupId-invalid', 23],
      ],
    );
  });

  it('never expands DTD entities', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(badPom('doctype'));
    const version = model.dependencies[0]?.version ?? '';
    assert.ok(version.length < 100, version);
    assert.ok(!version.includes('root:'));
  });

  it('returns undefined for a dependency pom that is missing and says why', () => {
    const builder = new ModelBuilder(modelContext());
    assert.equal(builder.buildFromRepository('com.example', 'absent', '1.0'), undefined);
    const [problem] = builder.problemsFor('com.example', 'absent', '1.0');
    assert.equal(problem?.code, 'pom-missing');
    assert.match(problem?.message ?? '', /com\.example:absent:1\.0/);
  });

  it('keeps coordinates that would leave the repository inside it', () => {
    const builder = new ModelBuilder(modelContext());
    assert.equal(builder.buildFromRepository('com.example', 'bom-a', '../../bom-a/1.0'), undefined);
  });

  it('returns an empty model with the problem for a malformed dependency pom', () => {
    const builder = new ModelBuilder(modelContext());
    const model = builder.buildFromRepository('com.example', 'broken', '1.0');
    assert.ok(model);
    assert.deepEqual([model.groupId, model.artifactId, model.version], ['com.example', 'broken', '1.0']);
    assert.equal(model.problems[0]?.code, 'pom-malformed');
    assert.equal(builder.problemsFor('com.example', 'broken', '1.0')[0]?.code, 'pom-malformed');
  });
});

describe('dependencyPomStatus', () => {
  it('says a missing parent or BOM fails resolution and any other error makes the pom invalid', () => {
    const builder = new ModelBuilder(modelContext());
    const valid = builder.buildFromRepository('com.example', 'bom-a', '1.0');
    assert.ok(valid);
    assert.deepEqual(dependencyPomStatus(valid), { kind: 'valid' });
    const missingParent = builder.buildFromFile(badPom('missingParent'));
    const status = dependencyPomStatus(missingParent);
    assert.equal(status.kind, 'unresolvable');
    assert.equal(status.kind === 'unresolvable' && status.problem.code, 'parent-not-found');
    assert.equal(dependencyPomStatus(builder.buildFromFile(badPom('missingBom'))).kind, 'unresolvable');
    const malformed = builder.buildFromRepository('com.example', 'broken', '1.0');
    assert.ok(malformed);
    assert.equal(dependencyPomStatus(malformed).kind, 'invalid');
    assert.equal(dependencyPomStatus(builder.buildFromFile(badPom('incomplete'))).kind, 'invalid');
    const brokenParent = builder.buildFromFile(badPom('brokenParent'));
    assert.deepEqual(brokenParent.problems.map((problem) => problem.code), ['pom-malformed']);
    assert.equal(dependencyPomStatus(brokenParent).kind, 'invalid', 'a parent that does not parse is not a missing one');
  });
});
