import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ModelBuilder } from '../../../src/core/model/modelBuilder';
import { LocalRepository } from '../../../src/core/repo/localRepository';
import type { DependencyNode } from '../../../src/core/resolve/dependencyGraph';
import { ProjectResolver } from '../../../src/core/resolve/resolveProject';
import { fixturePath } from '../helpers/paths';

function find(node: DependencyNode, artifactId: string): DependencyNode | undefined {
  for (const child of node.children.nodes) {
    if (child.artifact.artifactId === artifactId) return child;
    const below = find(child, artifactId);
    if (below) return below;
  }
  return undefined;
}

describe('where a managed node was managed from', () => {
  it('names the BOM (repository coordinates and pom) and the offset of its <dependency> entry', () => {
    const repository = new LocalRepository(fixturePath('maven-repo'));
    const builder = new ModelBuilder({
      repository,
      workspacePoms: new Map(),
      userProperties: new Map(),
      systemProperties: new Map(),
      env: {},
      activeProfiles: [],
      inactiveProfiles: [],
      jdkVersion: '17',
      os: { name: 'Linux', family: 'unix', arch: 'amd64', version: '6' },
    });
    const model = builder.buildFromFile(join(fixturePath('maven-corpus', '05-bom-import-order'), 'pom.xml'));
    const { root } = new ProjectResolver(builder, repository).resolve(model, { verbose: true });
    const delta = find(root, 'delta');
    assert.ok(delta, 'delta is in the graph');
    assert.equal(delta.artifact.version, '1.2');
    assert.equal(delta.premanagedVersion, '1.0');
    const site = delta.managedFrom;
    assert.ok(site, 'delta records its management entry');
    assert.equal(site.source.kind, 'repository');
    const text = readFileSync(site.source.pomPath, 'utf8');
    const entry = text.slice(site.range.start, site.range.end);
    assert.match(entry, /^<dependency>/);
    assert.match(entry, /<artifactId>delta<\/artifactId>/);
    assert.match(entry, /<version>1\.2<\/version>/);
  });
});
