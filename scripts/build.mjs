// Bundles the extension, the CLI and the integration test suite with esbuild.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// Every test/integration/<suite>/*.test.ts; each suite folder runs on its own workspace.
const integrationSuites = readdirSync('test/integration', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(join('test/integration', entry.name))
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => join('test/integration', entry.name, name)),
  );

// A renamed or deleted test must not run on from an old bundle: the test bundles are built afresh.
if (!production) for (const dir of ['dist/test/integration', 'dist/test/vsix']) rmSync(dir, { recursive: true, force: true });

await Promise.all([
  build({ ...common, entryPoints: ['src/host/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // Node reads a bundle with any non-ASCII character (kept comments have some) as a UTF-16 string: without
  // comments and indentation the CLI's bundle is ASCII and a third smaller, which every `jarscope` run loads.
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', minifyWhitespace: true }),
  // Class parsing runs in worker threads; the CLI and the extension find this file beside their bundle.
  build({ ...common, entryPoints: ['src/core/analysis/workers/classParseWorker.ts'], outfile: 'dist/classParseWorker.js' }),
  // The editor's classpath analysis runs in a worker thread, found beside dist/extension.js.
  build({ ...common, entryPoints: ['src/host/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  ...(production
    ? []
    : [
        build({
          ...common,
          entryPoints: ['test/integration/index.ts', 'test/vsix/index.ts', ...integrationSuites],
          outdir: 'dist/test',
          outbase: 'test',
          external: ['vscode', 'mocha'],
        }),
      ]),
]);
