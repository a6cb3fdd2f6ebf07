// Checks that the VS Code test harness fails a run whose extension host crashes or whose tests never finish.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');
const folder = mkdtempSync(join(tmpdir(), 'jsh-'));
writeFileSync(join(folder, 'pom.xml'), '<project><modelVersion>4.0.0</modelVersion></project>\n');

const cases = [
  // The crash comes right after start-up, which can take long on a loaded machine: a generous limit.
  { name: 'a crashed extension host fails the run', entry: 'crashingTests.js', expect: /extension host crashed/, timeoutMs: 180_000 },
  { name: 'tests that never finish fail the run', entry: 'hangingTests.js', expect: /did not finish within/, timeoutMs: 25_000 },
];
let passed = 0;
for (const { name, entry, expect, timeoutMs } of cases) {
  const result = spawnSync(
    join(repoRoot, 'scripts', 'vscodeHarness.mjs'),
    [
      `--extensionDevelopmentPath=${join(repoRoot, 'test', 'fixtures', 'vsix-probe')}`,
      `--extensionTestsPath=${join(repoRoot, 'test', 'fixtures', 'harness', entry)}`,
      folder,
    ],
    { encoding: 'utf8', env: { ...process.env, JARSCOPE_TEST_TIMEOUT_MS: String(timeoutMs) } },
  );
  const output = `${result.stdout}${result.stderr}`;
  const ok = result.status === 1 && expect.test(output);
  console.log(`  ${ok ? '✔' : '✖'} ${name}${ok ? '' : ` (exit ${result.status}):\n${output.slice(-2000)}`}`);
  if (ok) passed++;
  // A failing run keeps VS Code's state and logs for inspection; these runs fail on purpose.
  const kept = /logs: (\S+)\/code-server\.log/.exec(output)?.[1];
  if (ok && kept !== undefined && basename(kept).startsWith('jsv-')) rmSync(kept, { recursive: true, force: true });
}
rmSync(folder, { recursive: true, force: true });
console.log(`${passed} passed, ${cases.length - passed} failed`);
process.exit(passed === cases.length ? 0 : 1);
