import * as assert from 'node:assert/strict';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { JarscopeApi, ProjectModelSnapshot } from '../../../src/host/jarscopeApi';
import { captureScreen } from '../screen';
import { jarscope, showOnlyViews, waitFor, workspaceRoot } from './workspaceTestKit';

function bulkPom(artifactId: string, modules: readonly string[]): string {
  const moduleList = modules.length > 0 ? `<packaging>pom</packaging><modules>${modules.map((m) => `<module>${m}</module>`).join('')}</modules>` : '';
  return `<project><modelVersion>4.0.0</modelVersion><groupId>org.example.bulk</groupId><artifactId>${artifactId}</artifactId><version>1.0</version>${moduleList}</project>\n`;
}

describe('Bad input in the workspace', function () {
  this.timeout(180_000);
  const root = workspaceRoot();
  let api: JarscopeApi;
  let baseline: ProjectModelSnapshot;

  before(async () => {
    api = await jarscope();
    await vscode.commands.executeCommand('jarscope.refresh');
    baseline = api.projectModel();
  });

  it('ends a scan through a symlink loop and reports a pom.xml that is a directory, listing the rest', async () => {
    const loop = join(root, 'services', 'loop');
    const odd = join(root, 'odd-folder', 'pom.xml');
    await symlink('..', loop);
    await mkdir(odd, { recursive: true });
    try {
      await vscode.commands.executeCommand('jarscope.refresh');
      const model = api.projectModel();
      assert.deepEqual(model.modules.map((module) => module.pomPath), baseline.modules.map((module) => module.pomPath));
      assert.deepEqual(
        model.warnings.map((warning) => [warning.code, warning.path]).sort(),
        [['pom-is-directory', odd], ['symlink-loop', loop]],
      );
    } finally {
      await rm(loop);
      await rm(join(root, 'odd-folder'), { recursive: true });
      await vscode.commands.executeCommand('jarscope.refresh');
    }
    assert.deepEqual(api.projectModel().warnings, []);
  });

  it('stops at jarscope.scan.maxPoms and skips jarscope.scan.exclude folders', async () => {
    const config = vscode.workspace.getConfiguration('jarscope');
    try {
      await config.update('scan.maxPoms', 3, vscode.ConfigurationTarget.Workspace);
      await waitFor('a scan truncated at 3 poms', () => api.projectModel().modules.length === 3, () => api.projectModel());
      assert.deepEqual(api.projectModel().warnings.map((warning) => warning.code), ['max-poms-reached']);
      await config.update('scan.maxPoms', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('scan.exclude', ['services'], vscode.ConfigurationTarget.Workspace);
      await waitFor(
        'the services folder to be skipped',
        () => api.projectModel().modules.length === baseline.modules.length - 3,
        () => api.projectModel(),
      );
      assert.ok(api.projectModel().modules.every((module) => !module.pomPath.includes(`${root}/services/`)));
    } finally {
      await config.update('scan.maxPoms', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('scan.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the full tree again', () => api.projectModel().modules.length === baseline.modules.length, () => api.projectModel());
  });

  it('lists 2,000 modules created at once, and forgets them when their folder is deleted', async () => {
    const bulk = join(root, 'bulk');
    const names = Array.from({ length: 2000 }, (_, i) => `bulk-module-${String(i).padStart(4, '0')}`);
    await mkdir(bulk);
    await writeFile(join(bulk, 'pom.xml'), bulkPom('bulk-aggregator', names));
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(
        names.slice(i, i + 50).map(async (name) => {
          await mkdir(join(bulk, name, 'src', 'main', 'java'), { recursive: true });
          await writeFile(join(bulk, name, 'pom.xml'), bulkPom(name, []));
        }),
      );
    }
    const started = Date.now();
    await waitFor('2,000 new modules', () => api.projectModel().modules.length === baseline.modules.length + 2001, () => api.projectModel().modules.length, 120_000);
    console.log(`[jarscope-test]     2,001 created poms listed ${Date.now() - started} ms after the last write`);
    await api.whenIdle();
    const aggregator = api.mavenProjectsView().find((item) => item.label === 'bulk-aggregator');
    assert.equal(aggregator?.children.length, 2000);
    assert.equal(aggregator?.children[1999]?.label, 'bulk-module-1999');
    await showOnlyViews('jarscope.mavenProjects');
    // The workbench renders 2,000 new rows a moment after the view has them: look again a few times.
    let screen = await captureScreen('maven-projects-view-2000-modules', 2000);
    for (let attempt = 0; attempt < 5 && !screen.text.includes('bulk-aggregator'); attempt++) screen = await captureScreen('maven-projects-view-2000-modules', 1000);
    assert.ok(screen.text.includes('bulk-aggregator'), screen.text);

    await rm(bulk, { recursive: true });
    await waitFor('the deleted modules to disappear', () => api.projectModel().modules.length === baseline.modules.length, () => api.projectModel().modules.length, 120_000);
  });
});
