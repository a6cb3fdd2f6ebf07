#!/usr/bin/env node
// Stands in for a VS Code executable: accepts VS Code's test arguments (--extensionDevelopmentPath=…
// --extensionTestsPath=… [folder]), runs the tests in the real VS Code server bundled in code-server, with the
// workbench opened in headless chromium, and exits with the tests' exit code.
import { createWriteStream, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCodeServer } from './lib/codeServer.mjs';
import { openWorkbench, testWorkbenchUrl } from './lib/workbenchPage.mjs';

const screenshotMarker = '[jarscope-screenshot] ';
const testOutputMarker = '[jarscope-test] ';
const timeoutMs = Number(process.env.JARSCOPE_TEST_TIMEOUT_MS ?? 10 * 60_000);

function parseArgs(argv) {
  const parsed = { extensionDevelopmentPaths: [], extensionTestsPath: undefined, folder: undefined, userDataDir: undefined, extensionsDir: undefined };
  for (const arg of argv) {
    const [key, value] = arg.startsWith('--') ? [arg.slice(2, arg.includes('=') ? arg.indexOf('=') : undefined), arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : ''] : [undefined, arg];
    if (key === undefined) parsed.folder = resolve(value);
    else if (key === 'extensionDevelopmentPath') parsed.extensionDevelopmentPaths.push(resolve(value));
    else if (key === 'extensionTestsPath') parsed.extensionTestsPath = resolve(value);
    else if (key === 'user-data-dir') parsed.userDataDir = resolve(value);
    else if (key === 'extensions-dir') parsed.extensionsDir = resolve(value);
    // Desktop-only flags (--no-sandbox, --disable-updates, …) do not apply to the server.
  }
  return parsed;
}

/** "Extension Host Process exited with code: X, signal: Y" with anything but 0/null is a crash. */
function extensionHostCrash(serverOutput) {
  const exits = [...serverOutput.matchAll(/Extension Host Process exited with code: (\S+), signal: (\S+)\./g)];
  return exits.find(([, code, signal]) => code !== '0' || signal !== 'null')?.[0];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath || args.extensionDevelopmentPaths.length === 0) {
    console.error('usage: vscodeHarness --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [folder]');
    return 2;
  }
  // Short paths: unix socket paths are limited to 108 bytes.
  const stateDir = mkdtempSync(join(tmpdir(), 'jsv-'));
  const userDataDir = args.userDataDir ?? join(stateDir, 'u');
  const extensionsDir = args.extensionsDir ?? join(stateDir, 'e');
  const screenshotDir = process.env.JARSCOPE_SCREENSHOT_DIR ?? join(args.extensionDevelopmentPaths[0], 'test-output', 'screenshots');
  mkdirSync(screenshotDir, { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  // JARSCOPE_WORKSPACE_TRUST=untrusted: workspace trust on and never granted, so the workspace opens in Restricted Mode.
  const untrusted = process.env.JARSCOPE_WORKSPACE_TRUST === 'untrusted';
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'workbench.tips.enabled': false,
      // Keep the screenshots about the extension: no chat side bar.
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      ...(untrusted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {}),
    }),
  );

  const server = await startCodeServer({ stateDir, userDataDir, extensionsDir, env: { JARSCOPE_SCREENSHOT_DIR: screenshotDir }, workspaceTrust: untrusted });
  let page;
  let browser;
  let settle;
  const finished = new Promise((resolvePromise) => (settle = resolvePromise));
  const screenshots = [];
  let keepState = true;
  let screenshotQueue = Promise.resolve();

  // Everything the workbench logs goes to a file; the test runner's own lines (marked) go to stdout.
  const workbenchLogFile = join(stateDir, 'workbench.log');
  const workbenchLog = createWriteStream(workbenchLogFile);
  const onLog = (type, logArgs) => {
    const text = Array.isArray(logArgs) ? logArgs.map(String).join(' ') : String(logArgs);
    if (!workbenchLog.writableEnded) workbenchLog.write(`[${type}] ${text}\n`);
    for (const line of text.split('\n')) {
      if (line.startsWith(screenshotMarker)) {
        const name = line.slice(screenshotMarker.length).trim().replace(/[^\w.-]/g, '_');
        screenshotQueue = screenshotQueue.then(() => saveScreenshot(name)).catch((error) => console.error(`screenshot ${name} failed: ${error}`));
      } else if (line.startsWith(testOutputMarker)) {
        process.stdout.write(`${line.slice(testOutputMarker.length)}\n`);
      }
    }
  };
  async function saveScreenshot(name) {
    const png = join(screenshotDir, `${name}.png`);
    await page.screenshot({ path: png });
    const text = await page.evaluate(() => document.body.innerText);
    // The .txt file is written last, and whole (renamed into place): the test reads it as soon as it exists.
    const textFile = join(screenshotDir, `${name}.txt`);
    writeFileSync(`${textFile}.partial`, text);
    renameSync(`${textFile}.partial`, textFile);
    screenshots.push(png);
    console.log(`screenshot: ${png}`);
  }

  const timer = setTimeout(() => {
    console.error(`The integration tests did not finish within ${timeoutMs / 1000} s.`);
    settle(1);
  }, timeoutMs);
  const crashWatch = setInterval(() => {
    const crash = extensionHostCrash(server.output());
    if (crash) {
      console.error(`The extension host crashed: ${crash}`);
      settle(1);
    }
  }, 500);

  try {
    const url = testWorkbenchUrl(server.url, args);
    console.log(`VS Code server ${server.url}; logs: ${join(stateDir, 'code-server.log')}, ${workbenchLogFile}`);
    ({ browser, page } = await openWorkbench({ url, onLog, onExit: (code) => settle(Number(code)) }));
    page.on('pageerror', (error) => console.error(`workbench page error: ${error.message}`));
    let code = await finished;
    await screenshotQueue;
    // A crashed extension host still reports exit 0 to the workbench: the server log tells, though its line can
    // come a moment after the workbench's report.
    const exitLogged = /Extension Host Process exited with code/;
    for (const giveUp = Date.now() + 3000; code === 0 && !exitLogged.test(server.output()) && Date.now() < giveUp; ) {
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
    }
    const crash = extensionHostCrash(server.output());
    if (crash && code === 0) {
      console.error(`The extension host crashed: ${crash}`);
      code = 1;
    }
    if (code !== 0) console.error(`Kept for inspection: ${workbenchLogFile}, ${join(stateDir, 'code-server.log')}`);
    else keepState = false;
    return code;
  } finally {
    workbenchLog.end();
    clearTimeout(timer);
    clearInterval(crashWatch);
    await browser?.close().catch(() => undefined);
    await server.stop();
    // The logs and VS Code's state of a passing run are of no use: only a failing run keeps them.
    if (!keepState) rmSync(stateDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
