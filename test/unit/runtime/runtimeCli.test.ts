import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fixturePath, repoRoot } from '../helpers/paths';

// Runs the built CLI (node scripts/build.mjs first) on the Flink-style job of test/fixtures/runtime/flink-job,
// whose .vscode/settings.json defines flink-local (text-utils parent-first) and flink-child-first.
const cli = join(repoRoot, 'bin', 'jarscope.js');
const job = fixturePath('runtime', 'flink-job');
const scratch = mkdtempSync(join(tmpdir(), 'jarscope-runtime-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface FindingJson {
  code: string;
  severity: string;
  classes: string[];
  jars: string[];
  message: string;
  runtime?: string;
  fixes: { kind: string; preferred: boolean }[];
}

function check(dir: string, args: string[]): { status: number | null; findings: FindingJson[]; stderr: string; stdout: string } {
  const env = { ...process.env, XDG_CACHE_HOME: join(scratch, 'cache') };
  const result = spawnSync(process.execPath, [cli, 'check', dir, '--local-repo', join(dir, 'repo'), ...args], { encoding: 'utf8', env, cwd: dir });
  const findings = args.includes('json') && result.stdout !== '' ? (JSON.parse(result.stdout) as { findings: FindingJson[] }).findings : [];
  return { status: result.status, findings, stderr: result.stderr, stdout: result.stdout };
}

describe('jarscope check --runtime (bin/jarscope.js)', () => {
  it('uses the pom property and the settings file: runtime-missing-member (error, exit 1) and runtime-overlap', () => {
    const result = check(job, ['--format', 'json']);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(result.findings.map((finding) => finding.code).sort(), ['runtime-missing-member', 'runtime-overlap']);
    const missing = result.findings.find((finding) => finding.code === 'runtime-missing-member')!;
    assert.equal(missing.runtime, 'flink-local');
    assert.deepEqual(missing.classes, ['com.example.text.TextUtils', 'com.example.job.WordJob']);
    assert.match(missing.message, /slugify/);
    assert.ok(missing.jars.some((jar) => jar.endsWith('flink/lib/text-utils-1.0.jar')));
    const overlap = result.findings.find((finding) => finding.code === 'runtime-overlap')!;
    assert.deepEqual(overlap.fixes.map((fix) => fix.kind), ['set-scope']);
  });

  it('--runtime flink-child-first: one runtime-overlap warning, exit 0 by default and 1 at --fail-on warning; SARIF carries it', () => {
    const result = check(job, ['--runtime', 'flink-child-first', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(result.findings.map((finding) => [finding.code, finding.severity, finding.runtime]), [['runtime-overlap', 'warning', 'flink-child-first']]);
    assert.deepEqual(result.findings[0]!.classes, ['com.example.text.TextUtils']);
    assert.equal(check(job, ['--runtime=flink-child-first', '--fail-on', 'warning', '--format', 'json']).status, 1);
    const sarif = JSON.parse(check(job, ['--runtime', 'flink-child-first', '--format', 'sarif']).stdout) as { runs: { results: { ruleId: string; properties: { runtime?: string } }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.map((result) => [result.ruleId, result.properties.runtime]), [['runtime-overlap', 'flink-child-first']]);
  });

  it('--runtime-lib adds jars (relative to the current folder); an unknown --runtime is a warning finding', () => {
    const result = check(job, ['--runtime', 'spark', '--runtime-lib', 'flink/lib', '--format', 'json']);
    assert.match(result.findings.find((finding) => finding.code === 'runtime-missing-member')?.message ?? '', /spark's lib\/text-utils-1\.0\.jar loads first \(parent-first loading\)/);
    const unknown = check(job, ['--runtime', 'nope', '--format', 'json']);
    assert.deepEqual(unknown.findings.map((finding) => finding.code), ['runtime-problem', 'missing-class']);
    assert.equal(check(job, ['--runtime']).status, 2);
  });

  it('a malformed settings file is a warning on stderr naming it; the pom property then names an unknown runtime', () => {
    const copy = join(scratch, 'job');
    cpSync(job, copy, { recursive: true });
    writeFileSync(join(copy, '.vscode', 'settings.json'), '{ "jarscope.runtimes": { ');
    const result = check(copy, ['--format', 'json']);
    assert.match(result.stderr, new RegExp(`jarscope: warning: ${join(copy, '.vscode', 'settings.json').replace(/[.]/g, '\\.')} is not valid JSON`));
    // Read once for the runtimes and the jar folders: one warning, not one per setting.
    assert.equal(result.stderr.split('\n').filter((line) => line.includes('settings.json')).length, 1, result.stderr);
    assert.ok(result.findings.some((finding) => finding.code === 'runtime-problem' && /Unknown runtime "flink-local"/.test(finding.message)));
  });

  it('documents the options in --help', () => {
    const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout;
    assert.match(help, /--runtime NAME/);
    assert.match(help, /--runtime-lib GLOB/);
  });
});
