import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compareJarFolders, type FolderComparison } from '../../../src/core/folders/compareFolders';
import { folderComparisonText } from '../../../src/core/folders/folderComparisonText';
import { readJarFolder } from '../../../src/core/folders/jarFolder';
import { fixturePath } from '../helpers/paths';

const workspace = fixturePath('folders', 'workspace');

async function compare(a: string, b: string): Promise<FolderComparison> {
  return compareJarFolders(await readJarFolder(join(workspace, a)), await readJarFolder(join(workspace, b)));
}

describe('compareJarFolders', () => {
  it('sorts every artifact of lib -> lib-prod into its kind of change', async () => {
    const comparison = await compare('lib', 'lib-prod');
    const kinds = Object.fromEntries(comparison.changes.map((change) => [change.artifact, change.kind]));
    assert.deepEqual(kinds, {
      'connector-a': 'versions-changed',
      'connector-b': 'downgraded',
      'connector-c': 'content-changed',
      'fat-all': 'removed',
      jsonlite: 'removed',
      metrics: 'added',
    });
    assert.equal(comparison.unchanged, 1, 'textutil is the same jar in both');
  });

  it('names the classes that differ at the same version', async () => {
    const change = (await compare('lib', 'lib-prod')).changes.find((candidate) => candidate.kind === 'content-changed');
    assert.ok(change?.kind === 'content-changed');
    assert.deepEqual(change.classes, ['com.example.connector.c.ConnectorC']);
    assert.deepEqual(change.resources, []);
  });

  it('is symmetric: the stale connector is an upgrade the other way round', async () => {
    const kinds = Object.fromEntries((await compare('lib-prod', 'lib')).changes.map((change) => [change.artifact, change.kind]));
    assert.equal(kinds['connector-b'], 'upgraded');
    assert.equal(kinds.metrics, 'removed');
    assert.equal(kinds['fat-all'], 'added');
  });

  it('finds nothing between a folder and itself', async () => {
    const comparison = await compare('lib-prod', 'lib-prod');
    assert.deepEqual(comparison.changes, []);
    assert.equal(comparison.unchanged, 5);
  });

  it('writes one labelled line per change and the counts', async () => {
    const text = folderComparisonText(await compare('lib', 'lib-prod'), workspace);
    assert.match(text, /^Comparing jar folders lib -> lib-prod$/m);
    assert.match(text, /downgraded +connector-b 2\.1 -> 2\.0 \(connector-b-2\.1\.jar -> connector-b-2\.0\.jar\)/);
    assert.match(text, /changed +connector-c 1\.0 same version, different content .*1 class differs: com\.example\.connector\.c\.ConnectorC/);
    assert.match(text, /6 changed artifacts \(.*\), 1 unchanged$/m);
  });
});
