// Opens the VS Code workbench in Debian's chromium through playwright-core (never a downloaded browser).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export async function openWorkbench({ url, viewport = { width: 1400, height: 900 }, onLog, onExit }) {
  if (!chromiumPath) {
    throw new Error('chromium is not installed (apt-get install -y chromium)');
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = await browser.newPage({ viewport });
  if (onLog) await page.exposeFunction('codeAutomationLog', (type, args) => onLog(type, args));
  if (onExit) await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
  await page.goto(url);
  return { browser, page };
}

/** The workbench URL that makes VS Code load a development extension and run its tests. */
export function testWorkbenchUrl(serverUrl, { folder, extensionDevelopmentPaths, extensionTestsPath }) {
  const authority = new URL(serverUrl).host;
  const payload = [
    ...extensionDevelopmentPaths.map((path) => ['extensionDevelopmentPath', `vscode-remote://${authority}${path}`]),
    ...(extensionTestsPath ? [['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`]] : []),
  ];
  const query = new URLSearchParams();
  // A .code-workspace file opens as a (multi-root) workspace, anything else as a folder.
  if (folder) query.set(folder.endsWith('.code-workspace') ? 'workspace' : 'folder', folder);
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${serverUrl}/?${query.toString()}`;
}
