// Runs the integration tests inside the real VS Code through @vscode/test-electron's runTests, with the
// code-server harness as the VS Code executable (no VS Code download is possible here).
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureVscodeServer } from './lib/vscodeServer.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
ensureVscodeServer();

// The tests edit the workspace: give them a fresh copy of the fixture every run.
const workDir = mkdtempSync(join(tmpdir(), 'jsw-'));
const workspace = join(workDir, 'multi-module');
cpSync(join(repoRoot, 'test', 'fixtures', 'workspaces', 'multi-module'), workspace, { recursive: true });
rmSync(join(repoRoot, 'test-output', 'screenshots'), { recursive: true, force: true });

let exitCode = 0;
try {
  await runTests({
    vscodeExecutablePath: join(repoRoot, 'scripts', 'vscodeHarness.mjs'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'dist', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, `--user-data-dir=${join(workDir, 'u')}`, `--extensions-dir=${join(workDir, 'e')}`],
    extensionTestsEnv: { JARSCOPE_TEST_WORKSPACE: workspace },
  });
} catch (error) {
  console.error(`Integration tests failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(exitCode);
