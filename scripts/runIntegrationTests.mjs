// Runs the integration tests inside the real VS Code through @vscode/test-electron's runTests, with the
// code-server harness as the VS Code executable (no VS Code download is possible here). Each suite folder
// under test/integration runs in its own VS Code window on a fresh copy of its workspace.
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { ensureVscodeServer } from './lib/vscodeServer.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
const suites = [
  { suite: 'suite', workspace: join(repoRoot, 'test', 'fixtures', 'workspaces', 'multi-module') },
  { suite: 'incident', workspace: join(repoRoot, 'examples', 'hadoop-cos-incident') },
  { suite: 'folders', workspace: join(repoRoot, 'test', 'fixtures', 'folders', 'workspace') },
  { suite: 'multiroot', workspace: join(repoRoot, 'test', 'fixtures', 'workspaces', 'multi-root', 'multi-root.code-workspace') },
  { suite: 'untrusted', workspace: join(repoRoot, 'test', 'fixtures', 'workspaces', 'untrusted'), env: { JARSCOPE_WORKSPACE_TRUST: 'untrusted' } },
  { suite: 'runtime', workspace: join(repoRoot, 'test', 'fixtures', 'runtime', 'flink-job') },
].filter(({ suite }) => {
  const dir = join(repoRoot, 'dist', 'test', 'integration', suite);
  return existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.test.js'));
});
const only = process.env.JARSCOPE_TEST_SUITE;

ensureVscodeServer();
rmSync(join(repoRoot, 'test-output', 'screenshots'), { recursive: true, force: true });

let exitCode = 0;
for (const { suite, workspace: fixture, env = {} } of suites) {
  if (only && only !== suite) continue;
  // The tests edit the workspace: give them a fresh copy of the fixture every run.
  const workDir = mkdtempSync(join(tmpdir(), 'jsw-'));
  // A .code-workspace file opens its folders: copy the folder that holds it and them.
  const isWorkspaceFile = fixture.endsWith('.code-workspace');
  const copied = join(workDir, basename(isWorkspaceFile ? dirname(fixture) : fixture));
  cpSync(isWorkspaceFile ? dirname(fixture) : fixture, copied, { recursive: true });
  const workspace = isWorkspaceFile ? join(copied, basename(fixture)) : copied;
  console.log(`\nIntegration suite "${suite}" on a copy of ${fixture}`);
  try {
    await runTests({
      vscodeExecutablePath: join(repoRoot, 'scripts', 'vscodeHarness.mjs'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'dist', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${join(workDir, 'u')}`, `--extensions-dir=${join(workDir, 'e')}`],
      extensionTestsEnv: { JARSCOPE_TEST_WORKSPACE: workspace, JARSCOPE_TEST_SUITE: suite, ...env },
    });
  } catch (error) {
    console.error(`Integration suite "${suite}" failed: ${error instanceof Error ? error.message : error}`);
    exitCode = 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
process.exit(exitCode);
