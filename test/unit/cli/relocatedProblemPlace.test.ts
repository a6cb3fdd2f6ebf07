import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

// A problem below a relocated direct dependency is reported on the <dependency> element the pom writes, whose
// coordinates are not the ones the dependency path names (it names where the pom relocated to).

const cli = join(repoRoot, 'dist', 'cli.js');

function writePom(repository: string, groupId: string, artifactId: string, body: string): void {
  const dir = join(repository, ...groupId.split('.'), artifactId, '1');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${artifactId}-1.pom`),
    `<project><modelVersion>4.0.0</modelVersion><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>1</version>${body}</project>\n`,
  );
}

const relocationTo = (groupId: string, artifactId: string): string =>
  `<distributionManagement><relocation><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId></relocation></distributionManagement>`;

describe('problems below a relocated direct dependency', () => {
  const repository = tempDir('relocated-problem-repo');
  const project = tempDir('relocated-problem');
  // org.old:a relocates to org.new:b, which needs a pom that is missing; org.old:c relocates to a missing pom.
  writePom(repository, 'org.old', 'a', relocationTo('org.new', 'b'));
  writePom(repository, 'org.new', 'b', '<dependencies><dependency><groupId>org.gone</groupId><artifactId>gone</artifactId><version>1</version></dependency></dependencies>');
  writePom(repository, 'org.old', 'c', relocationTo('org.new', 'missing'));
  writeFileSync(
    join(project, 'pom.xml'),
    [
      '<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>p</artifactId><version>1</version>',
      '  <dependencies>',
      '    <dependency><groupId>org.old</groupId><artifactId>a</artifactId><version>1</version></dependency>',
      '    <dependency><groupId>org.old</groupId><artifactId>c</artifactId><version>1</version></dependency>',
      '  </dependencies>',
      '</project>',
      '',
    ].join('\n'),
  );
  const result = spawnSync(process.execPath, [cli, 'tree', project, '--local-repo', repository], { encoding: 'utf8' });

  it('puts a missing pom deep below it on the written element', () => {
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /pom\.xml:3:5: warning: The POM for org\.gone:gone:jar:1 is missing, no dependency information available \(no file .*gone-1\.pom\) \(path: x:p:jar:1 -> org\.new:b:jar:1 -> org\.gone:gone:jar:1\)/);
  });

  it('puts the relocation target\'s own missing pom on the written element', () => {
    assert.match(result.stderr, /pom\.xml:4:5: warning: The POM for org\.new:missing:jar:1 is missing/);
  });
});

describe('a relocation chain that comes back to coordinates it passed', () => {
  const repository = tempDir('relocation-cycle-repo');
  const project = tempDir('relocation-cycle');
  writePom(repository, 'org.old', 'e', relocationTo('org.new', 'f'));
  writePom(repository, 'org.new', 'f', relocationTo('org.old', 'e'));
  writeFileSync(
    join(project, 'pom.xml'),
    '<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>p</artifactId><version>1</version>\n' +
      '  <dependencies><dependency><groupId>org.old</groupId><artifactId>e</artifactId><version>1</version></dependency></dependencies>\n</project>\n',
  );

  it('fails the module, naming the cycle, where Maven ends in a StackOverflowError', () => {
    const result = spawnSync(process.execPath, [cli, 'tree', project, '--local-repo', repository], { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /pom\.xml:2:17: error: Artifact relocations form a cycle: org\.old:e:1 -> org\.new:f:1 -> org\.old:e:1 \(Maven reports the POM for org\.old:e:jar:1 invalid, then fails with a StackOverflowError\)/);
  });
});
