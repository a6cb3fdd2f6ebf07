import assert from 'node:assert/strict';
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ModelBuilder } from '../../../src/core/model/modelBuilder';
import { ParsedPomStore } from '../../../src/core/model/parsedPomStore';
import { LocalRepository } from '../../../src/core/repo/localRepository';
import { modelContext } from './modelContext';
import { tempDir } from '../helpers/tempDir';

const pomText = (version: string) => `<project>
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>p</groupId>
    <artifactId>absent-parent</artifactId>
    <version>1</version>
  </parent>
  <groupId>g</groupId>
  <artifactId>a</artifactId>
  <version>1.0</version>
  <dependencies>
    <dependency>
      <groupId>x</groupId>
      <artifactId>y</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;

function repositoryWithPom(): { root: string; pom: string } {
  const root = tempDir('pomstore');
  const dir = join(root, 'g', 'a', '1.0');
  mkdirSync(dir, { recursive: true });
  const pom = join(dir, 'a-1.0.pom');
  writeFileSync(pom, pomText('1.1'));
  // A whole second: a time that survives being set again through utimes.
  utimesSync(pom, new Date(2020, 0, 1), new Date(2020, 0, 1));
  return { root, pom };
}

function build(root: string, store: ParsedPomStore) {
  const builder = new ModelBuilder(modelContext({ repository: new LocalRepository(root) }));
  builder.useParsedPomStore(store);
  const model = builder.buildFromFile(join(root, 'g', 'a', '1.0', 'a-1.0.pom'));
  store.flush();
  return model;
}

describe('the parsed-pom store', () => {
  it('gives the same model, problems placed on the same line, from a stored pom', () => {
    const { root } = repositoryWithPom();
    const file = join(tempDir('cache'), 'poms.json');
    const fresh = build(root, new ParsedPomStore(file));
    const stored = build(root, new ParsedPomStore(file));
    assert.deepEqual(stored.dependencies, fresh.dependencies);
    assert.deepEqual(stored.problems, fresh.problems);
    assert.ok(stored.problems.some((problem) => problem.line === 3 && problem.column === 3), JSON.stringify(stored.problems));
  });

  it('is keyed by size and modification time: a changed file is parsed again', () => {
    const { root, pom } = repositoryWithPom();
    const file = join(tempDir('cache'), 'poms.json');
    build(root, new ParsedPomStore(file));
    const before = statSync(pom);
    // Same size and time: the stored parse is used although the text changed.
    writeFileSync(pom, pomText('1.2'));
    utimesSync(pom, before.atime, before.mtime);
    assert.equal(build(root, new ParsedPomStore(file)).dependencies[0]!.version, '1.1');
    utimesSync(pom, before.atime, new Date(before.mtimeMs + 5000));
    assert.equal(build(root, new ParsedPomStore(file)).dependencies[0]!.version, '1.2');
  });

  it('ignores a damaged store file', () => {
    const { root } = repositoryWithPom();
    const file = join(tempDir('cache'), 'poms.json');
    writeFileSync(file, '{"format":1,"poms":[["/x",1,2,{"dependencies":3}]]}');
    assert.equal(build(root, new ParsedPomStore(file)).dependencies[0]!.version, '1.1');
    writeFileSync(file, '{"format":1,');
    assert.equal(build(root, new ParsedPomStore(file)).dependencies[0]!.version, '1.1');
  });
});
