import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inheritPlugins, managedPlugins, mergePlugins, pluginReferences } from '../../../src/core/model/buildPlugins';
import type { RawPlugin } from '../../../src/core/pom/rawPom';

const plugin = (artifactId: string, version?: string, inherited = true, dependencies: string[] = []): RawPlugin => ({
  groupId: 'g',
  artifactId,
  ...(version === undefined ? {} : { version }),
  inherited,
  dependencies: dependencies.map((coordinates) => {
    const [groupId = '', depArtifactId = '', depVersion] = coordinates.split(':');
    return { groupId, artifactId: depArtifactId, version: depVersion, exclusions: [], range: { start: 0, end: 0 } };
  }),
});

const keys = (plugins: readonly RawPlugin[]): string[] => plugins.map((entry) => `${entry.artifactId}:${entry.version ?? ''}`);

describe('build plugins as Maven merges them (ModelMerger.mergePluginContainer_Plugins)', () => {
  it('keeps the target order, puts other source plugins before the next shared one, the rest at the end', () => {
    const target = [plugin('a', '1'), plugin('b', '1'), plugin('c', '1')];
    const source = [plugin('x', '9'), plugin('b', '2'), plugin('y', '9'), plugin('z', '9')];
    assert.deepEqual(keys(mergePlugins(target, source, false)), ['a:1', 'x:9', 'b:1', 'c:1', 'y:9', 'z:9']);
    assert.deepEqual(keys(mergePlugins(target, source, true)), ['a:1', 'x:9', 'b:2', 'c:1', 'y:9', 'z:9']);
  });

  it('leaves a parent plugin marked <inherited>false</inherited> behind', () => {
    assert.deepEqual(keys(inheritPlugins([plugin('child')], [plugin('kept', '1'), plugin('own', '1', false)])), ['child:', 'kept:1']);
  });

  it('takes the version and the missing dependencies from pluginManagement, the plugin\'s own first', () => {
    const [managed] = managedPlugins([plugin('a', undefined, true, ['d:one:1'])], [plugin('a', '3', true, ['d:one:2', 'd:two:2'])]);
    assert.ok(managed);
    assert.deepEqual(pluginReferences([managed], (text) => text), [
      { groupId: 'g', artifactId: 'a', version: '3', dependencies: [{ groupId: 'd', artifactId: 'one', version: '1' }, { groupId: 'd', artifactId: 'two', version: '2' }] },
    ]);
  });
});
