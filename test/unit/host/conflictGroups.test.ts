import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ResolvedReactor } from '../../../src/core/workspace/resolveWorkspace';
import { conflictGroups } from '../../../src/host/resolution/conflictGroups';
import { pathText } from '../../../src/host/resolution/dependencyText';
import { resolveFixtureWorkspace } from './resolvedFixture';

describe('conflict groups of the Conflicts view', () => {
  let reactor: ResolvedReactor;
  before(async () => {
    reactor = await resolveFixtureWorkspace();
  });

  const graphs = (): Parameters<typeof conflictGroups>[0] =>
    reactor.modules.flatMap(({ module, resolution }) => (resolution ? [{ moduleName: module.model.artifactId, modulePom: module.pomPath, root: resolution.root }] : []));

  it('groups by groupId:artifactId with the requested versions, the winner and the paths', () => {
    const groups = conflictGroups(graphs());
    assert.deepEqual(groups.map((group) => group.key).sort(), ['org.example.libs:json-kit', 'org.example.libs:log-api']);
    const logApi = groups.find((group) => group.key === 'org.example.libs:log-api');
    assert.deepEqual(logApi?.winners, ['2.0']);
    assert.deepEqual(
      logApi?.requested.map((requested) => [requested.version, requested.paths.map((path) => `${path.moduleName}: ${pathText(path.nodes.map((node) => node.artifact))}`)]),
      [
        ['1.0', ['catalog-api: http-client:1.0 → log-api:1.0', 'catalog-web: catalog-api:2.4.0 → http-client:1.0 → log-api:1.0']],
        ['2.0', ['catalog-api: log-api:2.0', 'catalog-web: catalog-api:2.4.0 → log-api:2.0']],
      ],
    );
  });

  it('counts a version only as a conflict when one module asks for two', () => {
    const only = graphs().filter((graph) => graph.moduleName === 'catalog-api');
    // In catalog-api alone, json-kit is asked for once (1.0, managed to 1.5): no conflict.
    assert.deepEqual(conflictGroups(only).map((group) => group.key), ['org.example.libs:log-api']);
    assert.deepEqual(conflictGroups([]), []);
  });
});
