// Starts the real VS Code server (bundled in code-server) on 127.0.0.1 and stops it again.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureVscodeServer } from './vscodeServer.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/**
 * Starts code-server with its own user-data and extensions folders. `smokeTestDriver` lets the workbench
 * honour the `payload` URL parameter (extensionDevelopmentPath / extensionTestsPath).
 */
export async function startCodeServer({ stateDir, userDataDir, extensionsDir, smokeTestDriver = true, port, logFile, env = {}, workspaceTrust = false }) {
  const paths = ensureVscodeServer();
  mkdirSync(stateDir, { recursive: true });
  const listenPort = port ?? (await freePort());
  const configFile = join(stateDir, 'config.yaml');
  writeFileSync(
    configFile,
    [
      `bind-addr: 127.0.0.1:${listenPort}`,
      'auth: none',
      'cert: false',
      'disable-telemetry: true',
      'disable-update-check: true',
      // Workspace trust off unless a run asks for it (an untrusted workspace opens in Restricted Mode).
      ...(workspaceTrust ? [] : ['disable-workspace-trust: true']),
      'disable-getting-started-override: true',
      'idle-timeout-seconds: 3600',
      '',
    ].join('\n'),
  );
  const args = [
    paths.entry,
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--ignore-last-opened',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const child = spawn(paths.node, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const logStream = createWriteStream(logFile ?? join(stateDir, 'code-server.log'));
  let output = '';
  const collect = (chunk) => {
    const text = chunk.toString();
    output += text;
    if (!logStream.writableEnded) logStream.write(text);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const url = `http://127.0.0.1:${listenPort}`;
  await waitForHealth(url, child, 60_000);
  return {
    url,
    port: listenPort,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              // already gone
            }
            resolve();
          }, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      logStream.end();
    },
  };
}

/** Runs code-server's own CLI for one-shot commands such as --install-extension. */
export function runCodeServerCli(args, { userDataDir, extensionsDir }) {
  const paths = ensureVscodeServer();
  // An explicit config keeps code-server from writing a default one into ~/.config.
  mkdirSync(userDataDir, { recursive: true });
  const configFile = join(userDataDir, 'cli-config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\ndisable-telemetry: true\ndisable-update-check: true\n');
  return new Promise((resolve) => {
    const child = spawn(paths.node, [paths.entry, '--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
