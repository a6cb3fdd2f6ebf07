import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findJarFolders } from '../../../src/core/folders/findJarFolders';
import { workspaceJarFolders } from '../../../src/core/folders/workspaceJarFolders';
import { LocalRepository } from '../../../src/core/repo/localRepository';
import { fixturePath } from '../helpers/paths';

const workspace = fixturePath('folders', 'workspace');

describe('findJarFolders', () => {
  it('finds lib by its name and lib-prod only through a glob', async () => {
    assert.deepEqual((await findJarFolders(workspace)).folders, [join(workspace, 'lib')]);
    const withGlob = await findJarFolders(workspace, { globs: ['lib-*'] });
    assert.deepEqual(withGlob.folders, [join(workspace, 'lib'), join(workspace, 'lib-prod')]);
    assert.deepEqual(withGlob.warnings, []);
    const prod = join(workspace, 'lib-prod');
    assert.ok((await findJarFolders(fixturePath('folders'), { globs: ['**/lib-prod'] })).folders.includes(prod));
    assert.ok((await findJarFolders(fixturePath('folders'), { globs: ['*/lib-prod'] })).folders.includes(prod));
    assert.ok(!(await findJarFolders(fixturePath('folders'), { globs: ['*-prod'] })).folders.includes(prod), '* stays within one folder name');
  });

  it('skips folders findPoms skips, and user excludes', async () => {
    assert.deepEqual((await findJarFolders(fixturePath('folders'), { exclude: ['workspace'] })).folders, []);
  });

  it('names globs that match nothing and folders that do not exist', async () => {
    const search = await findJarFolders(workspace, { globs: ['runtime/**/jars', 'missing-dir'] });
    assert.deepEqual(search.folders, [join(workspace, 'lib')]);
    assert.equal(search.warnings.length, 2);
    assert.match(search.warnings[0]!, /"runtime\/\*\*\/jars" matched no folder/);
    assert.match(search.warnings[1]!, /missing-dir does not exist/);
  });
});

describe('workspaceJarFolders', () => {
  it('analyses every jar folder and decides relocation from the local repository', async () => {
    const result = await workspaceJarFolders(workspace, { globs: ['lib-prod'], repository: new LocalRepository(fixturePath('folders', 'repo')) });
    assert.deepEqual(result.folders, [join(workspace, 'lib'), join(workspace, 'lib-prod')]);
    assert.deepEqual([...new Set(result.findings.map((finding) => finding.module))], ['folder:lib']);
    const embedded = result.findings.find((finding) => finding.code === 'embedded-artifact');
    assert.match(embedded?.message ?? '', /com\.jsonlite:jsonlite:2\.0 relocated under com\.example\.fat\.shaded, org\.textutil:textutil:1\.0 unrelocated/);
    assert.deepEqual(result.warnings, []);
  });

  it('names a folder without jars and goes on with the others', async () => {
    const result = await workspaceJarFolders(workspace, { globs: ['../src'] });
    assert.deepEqual(result.folders, [fixturePath('folders', 'src'), join(workspace, 'lib')]);
    assert.deepEqual(result.warnings, [`jar folder ${fixturePath('folders', 'src')} holds no jar`]);
    assert.ok(result.findings.some((finding) => finding.code === 'folder-version-conflict'));
  });
});
