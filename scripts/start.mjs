// `npm start`: builds the extension and opens it, as a development extension, in the real VS Code server on
// the bundled example workspace. Prints the URL to open in a browser; runs until interrupted.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCodeServer } from './lib/codeServer.mjs';
import { testWorkbenchUrl } from './lib/workbenchPage.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
const folder = resolve(process.argv[2] ?? join(repoRoot, 'examples', 'hadoop-cos-incident'));
const port = process.env.JARSCOPE_PORT ? Number(process.env.JARSCOPE_PORT) : undefined;

execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });

const stateDir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'jarscope-vscode', 'start');
mkdirSync(stateDir, { recursive: true });
const server = await startCodeServer({
  stateDir,
  userDataDir: join(stateDir, 'u'),
  extensionsDir: join(stateDir, 'e'),
  port,
});
const url = testWorkbenchUrl(server.url, { folder, extensionDevelopmentPaths: [repoRoot] });
console.log(`\nJarscope is running in VS Code on ${folder}.\nOpen this URL in a browser:\n\n  ${url}\n\nPress Ctrl+C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
// Keep running until interrupted.
setInterval(() => undefined, 1 << 30);
