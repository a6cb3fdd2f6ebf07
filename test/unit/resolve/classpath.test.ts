import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatArtifact } from '../../../src/core/resolve/artifact';
import { classpathArtifacts, resolvedEntries } from '../../../src/core/resolve/classpath';
import { collectDependencies } from '../../../src/core/resolve/collector';
import { resolveConflicts } from '../../../src/core/resolve/conflictResolver';
import { fixturePath } from '../helpers/paths';
import { readGraphFixture } from './graphFixture';

function resolved(file: string, verbose: boolean) {
  const fixture = readGraphFixture(fixturePath('resolve', file));
  const { root } = collectDependencies(fixture.request, fixture.source);
  return resolveConflicts(root, verbose).root;
}

const names = (artifacts: ReadonlyArray<Parameters<typeof formatArtifact>[0]>): string[] =>
  artifacts.map((artifact) => artifact.artifactId);

describe('classpath', () => {
  it('lists an artifact that the graph holds twice (as a cycle can leave it) once, where it came first', () => {
    const root = resolved('first-declaration-wins.txt', false);
    const [first] = root.children.nodes;
    assert.ok(first);
    // A second node of the same artifact, below the last dependency: the project's artifacts are a set.
    const last = root.children.nodes[root.children.nodes.length - 1];
    assert.ok(last);
    last.children = { nodes: [...last.children.nodes, { ...first, children: { nodes: [] } }] };
    const test = names(classpathArtifacts(root, 'test'));
    assert.deepEqual(test, ['a', 'x', 'y', 'b', 'c']);
    assert.equal(resolvedEntries(root).filter((entry) => entry.artifact.artifactId === 'a').length, 2);
  });

  it('walks the mediated tree depth-first in declaration order', () => {
    assert.deepEqual(names(classpathArtifacts(resolved('first-declaration-wins.txt', false), 'test')), ['a', 'x', 'y', 'b', 'c']);
  });

  it('filters by scope as -DincludeScope does: runtime drops provided, compile drops runtime', () => {
    const root = resolved('scope-derivation.txt', false);
    assert.deepEqual(names(classpathArtifacts(root, 'test')), ['r', 'x', 'y', 'p', 'z', 'c']);
    assert.deepEqual(names(classpathArtifacts(root, 'runtime')), ['r', 'x', 'y', 'c']);
    assert.deepEqual(names(classpathArtifacts(root, 'compile')), ['y', 'p', 'z', 'c']);
  });

  it('skips the losers a verbose resolution keeps, and records the path to each winner', () => {
    const root = resolved('nearest-wins.txt', true);
    const entries = resolvedEntries(root);
    assert.deepEqual(
      entries.map((entry) => formatArtifact(entry.artifact)),
      ['t:far:jar:1', 't:mid:jar:1', 't:near:jar:1', 't:shared:jar:2.0'],
    );
    assert.deepEqual(
      entries[3]?.path.map((artifact) => artifact.artifactId),
      ['root', 'near'],
    );
  });
});
