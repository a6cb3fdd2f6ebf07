import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KeptRepositoryModels } from '../../../src/core/model/keptRepositoryModels';
import { ModelBuilder, type ModelBuildContext } from '../../../src/core/model/modelBuilder';
import { LocalRepository } from '../../../src/core/repo/localRepository';
import { tempDir } from '../helpers/tempDir';
import { modelContext } from './modelContext';

/** A pom whose `<dependency>` on g:lib takes its version from property `lib.version`. */
function pomText(coordinates: string, options: { parent?: string; libVersion?: string; packaging?: string; fileProfile?: boolean } = {}): string {
  const [groupId, artifactId, version] = coordinates.split(':');
  const parent = options.parent?.split(':');
  return [
    '<project>',
    '  <modelVersion>4.0.0</modelVersion>',
    ...(parent ? [`  <parent><groupId>${parent[0]}</groupId><artifactId>${parent[1]}</artifactId><version>${parent[2]}</version></parent>`] : []),
    `  <groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version>`,
    `  <packaging>${options.packaging ?? 'jar'}</packaging>`,
    ...(options.libVersion ? [`  <properties><lib.version>${options.libVersion}</lib.version></properties>`] : []),
    ...(options.fileProfile ? ['  <profiles><profile><id>f</id><activation><file><exists>/tmp/x</exists></file></activation></profile></profiles>'] : []),
    ...(options.packaging === 'pom' ? [] : ['  <dependencies><dependency><groupId>g</groupId><artifactId>lib</artifactId><version>${lib.version}</version></dependency></dependencies>']),
    '</project>',
    '',
  ].join('\n');
}

/** A repository with g:app:1 (parent g:parent:1, which sets lib.version 1) and g:other:1 (a profile activated by a file). */
function repository(): { root: string; parentPom: string } {
  const root = tempDir('kept-models');
  const write = (coordinates: string, text: string): string => {
    const [, artifactId, version] = coordinates.split(':');
    const dir = join(root, 'g', artifactId!, version!);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${artifactId}-${version}.pom`), text);
    return join(dir, `${artifactId}-${version}.pom`);
  };
  const parentPom = write('g:parent:1', pomText('g:parent:1', { packaging: 'pom', libVersion: '1' }));
  write('g:app:1', pomText('g:app:1', { parent: 'g:parent:1' }));
  write('g:other:1', pomText('g:other:1', { libVersion: '1', fileProfile: true }));
  return { root, parentPom };
}

function builder(root: string, kept: KeptRepositoryModels, overrides: Partial<ModelBuildContext> = {}): ModelBuilder {
  return new ModelBuilder(modelContext({ repository: new LocalRepository(root), keptModels: kept, ...overrides }));
}

const libVersion = (builder: ModelBuilder, artifactId: string): string | undefined => builder.buildFromRepository('g', artifactId, '1')?.dependencies[0]?.version;

describe('repository models kept across builders', () => {
  it('gives a later builder of the same context the model built before', () => {
    const { root } = repository();
    const kept = new KeptRepositoryModels();
    const first = builder(root, kept).buildFromRepository('g', 'app', '1');
    assert.equal(first?.dependencies[0]?.version, '1');
    assert.equal(builder(root, kept).buildFromRepository('g', 'app', '1'), first);
    kept.clear();
    assert.notEqual(builder(root, kept).buildFromRepository('g', 'app', '1'), first);
  });

  it('builds again under other properties, another reactor, or an editor text of one of its poms', () => {
    const { root, parentPom } = repository();
    const kept = new KeptRepositoryModels();
    assert.equal(libVersion(builder(root, kept), 'app'), '1');
    assert.equal(libVersion(builder(root, kept, { userProperties: new Map([['lib.version', '2']]) }), 'app'), '2');
    // A reactor module with the parent's coordinates is the parent now (Maven's ReactorReader).
    const workspaceParent = join(tempDir('kept-models-workspace'), 'pom.xml');
    writeFileSync(workspaceParent, pomText('g:parent:1', { packaging: 'pom', libVersion: '3' }));
    assert.equal(libVersion(builder(root, kept, { workspacePoms: new Map([['g:parent:1', workspaceParent]]) }), 'app'), '3');
    assert.equal(libVersion(builder(root, kept, { pomTexts: new Map([[parentPom, pomText('g:parent:1', { packaging: 'pom', libVersion: '4' })]]) }), 'app'), '4');
    assert.equal(libVersion(builder(root, kept), 'app'), '1');
  });

  it('does not keep a model whose pom activates a profile by a file', () => {
    const { root } = repository();
    const kept = new KeptRepositoryModels();
    const first = builder(root, kept).buildFromRepository('g', 'other', '1');
    assert.notEqual(builder(root, kept).buildFromRepository('g', 'other', '1'), first);
  });
});
