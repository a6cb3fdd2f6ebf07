import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parsePom } from '../../src/core/pom/parsePom';
import { fixturePath } from './helpers/paths';

function parseFixture(name: string) {
  const text = readFileSync(fixturePath('poms', name), 'utf8');
  return { text, result: parsePom(text) };
}

describe('parsePom', () => {
  it('reads coordinates, parent, modules, dependencies and their source ranges', () => {
    const { text, result } = parseFixture('full.pom.xml');
    assert.ok(result.ok);
    const pom = result.pom;
    assert.equal(pom.artifactId?.value, 'full');
    assert.equal(pom.groupId, undefined, 'groupId is inherited, not written');
    assert.equal(pom.parent?.artifactId, 'parent');
    assert.equal(pom.parent?.relativePath, undefined);
    assert.deepEqual(pom.modules.map((m) => m.value), ['core', 'app']);
    const guava = pom.dependencies.find((d) => d.artifactId === 'guava');
    assert.ok(guava);
    assert.equal(guava.version, '${guava.version}');
    assert.deepEqual(guava.exclusions.map((e) => `${e.groupId}:${e.artifactId}`), ['*:*']);
    assert.ok(text.slice(guava.range.start, guava.range.end).startsWith('<dependency>'));
    assert.ok(text.slice(guava.range.start, guava.range.end).endsWith('</dependency>'));
    assert.equal(text.slice(guava.versionRange!.start, guava.versionRange!.end), '<version>${guava.version}</version>');
    assert.deepEqual(pom.properties.map((p) => [p.name, p.value]), [['guava.version', '33.0-jre'], ['empty', '']]);
    assert.equal(pom.dependencyManagement.length, 1);
    assert.equal(pom.dependencyManagement[0]?.scope, 'import');
  });

  it('reads profiles with their activation', () => {
    const { result } = parseFixture('full.pom.xml');
    assert.ok(result.ok);
    const [byDefault, byProperty] = result.pom.profiles;
    assert.equal(byDefault?.id, 'dev');
    assert.equal(byDefault?.activation?.activeByDefault, true);
    assert.deepEqual(byProperty?.activation?.property, { name: '!skipExtras', value: undefined });
    assert.equal(byProperty?.dependencies[0]?.artifactId, 'extras');
  });

  it('reports a malformed pom with the line and column of the error', () => {
    const { result } = parseFixture('malformed-unclosed-tag.pom.xml');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.line, 6);
    assert.match(result.error.message, /closing tag/i);
  });

  it('never expands entities declared in a DTD', () => {
    const { result } = parseFixture('doctype-entity-expansion.pom.xml');
    assert.ok(result.ok);
    assert.equal(result.pom.hasDoctype, true);
    assert.equal(result.pom.artifactId?.value, '&lol9;');
  });

  it('rejects a document whose root is not <project>', () => {
    const result = parsePom('<settings><x/></settings>');
    assert.equal(result.ok, false);
  });
});
