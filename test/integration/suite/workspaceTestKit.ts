import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { JarscopeApi } from '../../../src/host/jarscopeApi';

/** The workspace folder the test instance opened: a fresh copy of test/fixtures/workspaces/multi-module. */
export function workspaceRoot(): string {
  const folder = process.env.JARSCOPE_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'a workspace folder is open');
  return folder;
}

/** Activates the extension (once) and returns what its activate() returned. */
export async function jarscope(): Promise<JarscopeApi> {
  const extension = vscode.extensions.getExtension<JarscopeApi>('jarscope.jarscope');
  assert.ok(extension, 'the extension is installed');
  return extension.activate();
}

/** Polls until `probe` returns a value other than undefined or false; fails with `describe()` after the timeout. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, describe: () => unknown, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last state: ${JSON.stringify(describe(), null, 1).slice(0, 4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const JARSCOPE_VIEWS = ['jarscope.mavenProjects', 'jarscope.dependencies', 'jarscope.conflicts', 'jarscope.duplicateClasses', 'jarscope.missingClasses'];

/**
 * Shows only the given Jarscope views, expanded and focused (the last one), and hides the others: what a
 * screenshot shows of them then does not depend on the side bar's height. A later `<view>.focus` shows a
 * hidden view again.
 */
export async function showOnlyViews(...viewIds: string[]): Promise<void> {
  for (const id of JARSCOPE_VIEWS) if (!viewIds.includes(id)) await vscode.commands.executeCommand(`${id}.removeView`);
  // The side bar lays the remaining views out again after a removal, which can collapse a view just opened:
  // let it settle, then open each view once more.
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const id of [...viewIds, ...viewIds]) await vscode.commands.executeCommand(`${id}.focus`);
}
