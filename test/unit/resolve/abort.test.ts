import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectDependencies } from '../../../src/core/resolve/collector';
import { resolveConflicts } from '../../../src/core/resolve/conflictResolver';
import { fixturePath } from '../helpers/paths';
import { readGraphFixture } from './graphFixture';

describe('cancellation', () => {
  it('collection and mediation stop with the signal reason once it is aborted', () => {
    const fixture = readGraphFixture(fixturePath('resolve', 'nearest-wins.txt'));
    const controller = new AbortController();
    controller.abort(new Error('edited again'));
    assert.throws(() => collectDependencies(fixture.request, fixture.source, controller.signal), /edited again/);
    const { root } = collectDependencies(fixture.request, fixture.source);
    assert.throws(() => resolveConflicts(root, true, controller.signal), /edited again/);
  });

  it('a problem names the artifact and the path that needed it, and collection carries on', () => {
    const fixture = readGraphFixture(fixturePath('resolve', 'exclusions-and-optional.txt'));
    const result = collectDependencies(fixture.request, fixture.source);
    const missing = result.problems.find((problem) => problem.artifact.artifactId === 'kept');
    assert.ok(missing === undefined, 'kept has a pom in the fixture');
    const ghost = collectDependencies(
      { ...fixture.request, dependencies: [...fixture.request.dependencies, { ...fixture.request.dependencies[0]!, artifact: { ...fixture.request.dependencies[0]!.artifact, artifactId: 'ghost' } }] },
      fixture.source,
    );
    const problem = ghost.problems.find((entry) => entry.artifact.artifactId === 'ghost');
    assert.equal(problem?.code, 'missing-pom');
    assert.equal(problem?.fatal, false);
    assert.deepEqual(problem?.path.map((artifact) => artifact.artifactId), ['root']);
    assert.equal(ghost.root.children.nodes.length, 3, 'the other dependencies are still collected');
  });
});
