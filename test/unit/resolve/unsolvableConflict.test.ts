import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dependencyTreeText } from '../../../src/core/report/dependencyTreeText';
import { collectDependencies } from '../../../src/core/resolve/collector';
import { resolveConflicts } from '../../../src/core/resolve/conflictResolver';
import { unsolvableConflictMessage } from '../../../src/core/resolve/unsolvableConflict';
import { fixturePath } from '../helpers/paths';
import { readGraphFixture } from './graphFixture';

describe('version ranges no version meets together (NearestVersionSelector failure)', () => {
  const fixture = readGraphFixture(fixturePath('resolve', 'unsolvable-ranges.txt'));

  it("reports every path to the conflict in Maven's words", () => {
    const { root } = collectDependencies(fixture.request, fixture.source);
    const { unsolvablePaths } = resolveConflicts(root, false);
    assert.ok(unsolvablePaths);
    assert.equal(
      unsolvableConflictMessage(unsolvablePaths),
      'Could not resolve version conflict among [t:a:jar:1 -> t:r:jar:2.0, t:p:jar:1 -> t:r:jar:[1.0,1.0], t:q:jar:1 -> t:r:jar:[2.0,2.0]]',
    );
  });

  it('still mediates the graph, nearest first, so that it can be shown', () => {
    const { root } = collectDependencies(fixture.request, fixture.source);
    resolveConflicts(root, false);
    assert.equal(dependencyTreeText({ node: root, projectArtifact: fixture.projectArtifact }, false), fixture.expectedTree);
  });

  it('reports nothing where the ranges meet', () => {
    const ranges = readGraphFixture(fixturePath('resolve', 'version-ranges.txt'));
    const { root } = collectDependencies(ranges.request, ranges.source);
    assert.equal(resolveConflicts(root, false).unsolvablePaths, undefined);
  });
});
