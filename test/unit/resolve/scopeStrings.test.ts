import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectDependencies } from '../../../src/core/resolve/collector';
import type { DependencyNode } from '../../../src/core/resolve/dependencyGraph';
import { parseGraphFixture } from './graphFixture';

// Which string object a scope is decides the verbose tree's "(scope not updated to X)" (see ScopeString), and
// maven-resolver's Dependency.setScope returns the dependency itself when the new scope has the same value.

function nodeNamed(node: DependencyNode, artifactId: string): DependencyNode {
  const found = node.children.nodes.find((child) => child.artifact.artifactId === artifactId);
  assert.ok(found, `no ${artifactId} below ${node.artifact.artifactId}`);
  return found;
}

const fixture = parseGraphFixture(`project: t:root:1
dependencies:
  t:a:1
management:
  t:same:1 compile
  t:other:1 compile
poms:
  t:a:1
    t:same:1 compile
    t:other:1 runtime
  t:same:1
  t:other:1
`);

describe('scope strings through dependencyManagement', () => {
  const { root } = collectDependencies(fixture.request, fixture.source);
  const a = nodeNamed(root, 'a');
  const managed = (artifactId: string) => fixture.request.managedDependencies.find((entry) => entry.artifact.artifactId === artifactId);
  const written = (artifactId: string) => {
    const read = fixture.source.readDescriptor(a.artifact);
    return read.kind === 'found' ? read.descriptor.dependencies.find((entry) => entry.artifact.artifactId === artifactId) : undefined;
  };

  it('a managed scope of the same value keeps the string the pom wrote, though the node counts as scope-managed', () => {
    const same = nodeNamed(a, 'same');
    assert.equal(same.dependency?.scope, written('same')?.scope);
    assert.notEqual(same.dependency?.scope, managed('same')?.scope);
    assert.equal(same.premanagedScope, 'compile');
  });

  it('a managed scope of another value is the string of the management entry', () => {
    const other = nodeNamed(a, 'other');
    assert.equal(other.dependency?.scope, managed('other')?.scope);
    assert.equal(other.premanagedScope, 'runtime');
  });
});
