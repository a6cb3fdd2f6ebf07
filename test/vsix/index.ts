// Runs inside a VS Code into which dist/jarscope.vsix was installed with --install-extension: checks that
// the installed copy (not the repository) is the one VS Code knows, and that it activates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const marker = '[jarscope-test] ';

async function check(name: string, body: () => Promise<void> | void): Promise<boolean> {
  try {
    await body();
    console.log(`${marker}  ✔ ${name}`);
    return true;
  } catch (error) {
    console.log(`${marker}  ✖ ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

export async function run(): Promise<void> {
  const installedRoot = process.env.JARSCOPE_VSIX_EXTENSIONS_DIR ?? '';
  const extension = vscode.extensions.getExtension('jarscope.jarscope');
  const results = [
    await check('the packaged extension is installed', () => {
      assert.ok(extension, 'jarscope.jarscope is not installed');
      assert.ok(installedRoot !== '', 'JARSCOPE_VSIX_EXTENSIONS_DIR is not set');
      assert.ok(extension.extensionPath.startsWith(installedRoot), `loaded from ${extension.extensionPath}, not ${installedRoot}`);
    }),
    await check('it activates and registers its commands', async () => {
      assert.ok(extension);
      await extension.activate();
      assert.equal(extension.isActive, true);
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('jarscope.refresh'), 'jarscope.refresh is not registered');
    }),
  ];
  const passed = results.filter(Boolean).length;
  console.log(`${marker}${passed} passed, ${results.length - passed} failed`);
  if (passed !== results.length) throw new Error('the packaged extension failed its checks');
}
