// Bundles test/unit/**/*.test.ts with esbuild and runs them with node's test runner (plain Node, no VS Code).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const filter = process.argv[2];
const entryPoints = testFiles('test/unit').filter((file) => !filter || file.includes(filter));
// One output folder per run, so that runs side by side never delete each other's files.
const outdir = `dist/test/unit-${process.pid}`;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints,
  outdir,
  outbase: 'test/unit',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  packages: 'external',
  logLevel: 'warning',
});
const compiled = entryPoints.map((file) => join(outdir, file.slice('test/unit/'.length).replace(/\.ts$/, '.js')));
const result = spawnSync(
  process.execPath,
  [
    '--enable-source-maps',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/lib/summaryReporter.mjs',
    '--test-reporter-destination=stdout',
    ...compiled,
  ],
  { stdio: 'inherit' },
);
rmSync(outdir, { recursive: true, force: true });
process.exit(result.status ?? 1);
