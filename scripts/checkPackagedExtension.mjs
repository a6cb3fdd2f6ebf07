// Packages the extension with vsce, installs the .vsix into a fresh VS Code with --install-extension, and
// checks inside that VS Code that the installed copy activates.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCodeServerCli } from './lib/codeServer.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
const vsix = join(repoRoot, 'dist', 'jarscope.vsix');
const workDir = mkdtempSync(join(tmpdir(), 'jsx-'));
const userDataDir = join(workDir, 'u');
const extensionsDir = join(workDir, 'e');

function fail(message) {
  console.error(message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

try {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  if (!existsSync(vsix)) fail(`npm run package did not produce ${vsix}`);
  const install = await runCodeServerCli(['--install-extension', vsix], { userDataDir, extensionsDir });
  console.log(install.output.trim());
  if (install.code !== 0) fail(`--install-extension ${vsix} exited with ${install.code}`);
  const result = spawnSync(
    join(repoRoot, 'scripts', 'vscodeHarness.mjs'),
    [
      `--extensionDevelopmentPath=${join(repoRoot, 'test', 'fixtures', 'vsix-probe')}`,
      `--extensionTestsPath=${join(repoRoot, 'dist', 'test', 'vsix', 'index.js')}`,
      `--user-data-dir=${userDataDir}`,
      `--extensions-dir=${extensionsDir}`,
      join(repoRoot, 'examples', 'hadoop-cos-incident'),
    ],
    { stdio: 'inherit', env: { ...process.env, JARSCOPE_VSIX_EXTENSIONS_DIR: extensionsDir } },
  );
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
