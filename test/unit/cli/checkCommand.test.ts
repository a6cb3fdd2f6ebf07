import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkExitCode, ignorePatterns } from '../../../src/cli/checkCommand';
import { parseArguments } from '../../../src/cli/parseArguments';
import type { Finding } from '../../../src/core/analysis/finding';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { ignoreFix } from '../../../src/core/fix/ignoreMarkers';
import { fixturePath, repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

// Runs the built CLI (node scripts/build.mjs first) on test/fixtures/check: a reactor whose module "app"
// has lib-a and lib-b, which both carry com.example.shared.Util (different bytes), and lib-a references
// com.example.gone.Gone, which no jar has; module "clean" has lib-b alone.
const cli = join(repoRoot, 'bin', 'jarscope.js');
const reactor = fixturePath('check', 'reactor');
const localRepo = fixturePath('check', 'repo');
const scratch = tempDir('check');
after(() => rmSync(scratch, { recursive: true, force: true }));

function check(args: string[], cacheHome = join(scratch, 'cache')): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
  const result = spawnSync(process.execPath, [cli, 'check', ...args], { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface FindingJson {
  code: string;
  severity: string;
  module: string;
  scopes: string[];
  classes: string[];
  jars: string[];
  location: { file: string; line: number; column: number; startOffset: number; endOffset: number };
  paths: string[][];
}

function findingsOf(stdout: string): { findings: FindingJson[]; summary: { total: number; warning: number; error: number } } {
  return JSON.parse(stdout) as { findings: FindingJson[]; summary: { total: number; warning: number; error: number } };
}

describe('jarscope check (bin/jarscope.js)', () => {
  it('prints text grouped by module and by the dependency a finding is shown on', () => {
    const result = check([reactor, '--local-repo', localRepo]);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'com.example.check:app:1.0');
    assert.equal(lines[1], '  app/pom.xml:11:5: com.example.check:lib-a');
    assert.match(lines[2] ?? '', /^ {4}warning missing-class \[compile, runtime, test\]: .*com\.example\.gone\.Gone/);
    assert.ok(lines.includes('  app/pom.xml:16:5: com.example.check:lib-b'));
    assert.ok(lines.some((line) => /^ {4}warning duplicate-class .*com\.example\.shared\.Util/.test(line)));
    assert.ok(!result.stdout.includes('com.example.check:clean:1.0'), 'the clean module has nothing to show');
    assert.equal(lines.at(-2), '2 findings: 0 errors, 2 warnings, 0 info');
  });

  it('exits by --fail-on: warnings pass the default (error) and fail at warning or info', () => {
    const base = [reactor, '--local-repo', localRepo];
    assert.equal(check([...base, '--fail-on', 'error']).status, 0);
    assert.equal(check([...base, '--fail-on', 'warning']).status, 1);
    assert.equal(check([...base, '--fail-on=info']).status, 1);
    assert.equal(check([...base, '--fail-on', 'none']).status, 0);
  });

  it('prints JSON with dotted classes, absolute jar paths, locations and g:a:v paths', () => {
    const result = check([reactor, '--local-repo', localRepo, '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const { findings, summary } = findingsOf(result.stdout);
    assert.deepEqual(findings.map((finding) => finding.code), ['missing-class', 'duplicate-class']);
    const [missing, duplicate] = findings;
    assert.ok(missing && duplicate);
    assert.equal(missing.module, 'com.example.check:app:1.0');
    assert.deepEqual(missing.scopes, ['compile', 'runtime', 'test']);
    assert.ok(missing.classes.includes('com.example.gone.Gone'));
    assert.deepEqual(missing.jars, [join(localRepo, 'com/example/check/lib-a/1.0/lib-a-1.0.jar')]);
    assert.equal(missing.location.file, join(reactor, 'app', 'pom.xml'));
    assert.equal(missing.location.line, 11);
    assert.deepEqual(missing.paths, [['com.example.check:app:1.0', 'com.example.check:lib-a:1.0']]);
    assert.deepEqual(duplicate.classes, ['com.example.shared.Util']);
    assert.equal(duplicate.jars.length, 2);
    assert.equal(summary.total, 2);
    assert.equal(summary.warning, 2);
  });

  it('prints SARIF with paths relative to the checked folder', () => {
    const result = check([reactor, '--local-repo', localRepo, '--format', 'sarif']);
    assert.equal(result.status, 0, result.stderr);
    const log = JSON.parse(result.stdout) as {
      version: string;
      runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] }[];
    };
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0]?.results ?? [];
    assert.deepEqual(results.map((result) => [result.ruleId, result.level]), [['missing-class', 'warning'], ['duplicate-class', 'warning']]);
    assert.deepEqual(results[0]?.locations[0]?.physicalLocation.artifactLocation, { uri: 'app/pom.xml', uriBaseId: 'SRCROOT' });
  });

  it('--module, --scope and --ignore narrow what is analysed and reported', () => {
    const clean = check([reactor, '--local-repo', localRepo, '--module', 'clean', '--fail-on', 'info']);
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(clean.stdout, 'No findings.\n');
    const testOnly = findingsOf(check([reactor, '--local-repo', localRepo, '--format', 'json', '--scope', 'test']).stdout);
    assert.ok(testOnly.findings.every((finding) => finding.scopes.join() === 'test'));
    const ignored = check([reactor, '--local-repo', localRepo, '--format', 'json', '--ignore', 'com.example.gone.*', '--ignore', 'com.example.shared.Util']);
    assert.deepEqual(findingsOf(ignored.stdout).findings, []);
  });

  it('honours an ignore marker that ignoreFix wrote on the dependency a finding is shown on', () => {
    const copy = join(scratch, 'marked');
    cpSync(reactor, copy, { recursive: true });
    const before = findingsOf(check([copy, '--local-repo', localRepo, '--format', 'json']).stdout).findings;
    const duplicate = before.find((finding) => finding.code === 'duplicate-class');
    assert.ok(duplicate);
    const pomPath = duplicate.location.file;
    const text = readFileSync(pomPath, 'utf8');
    const range = { start: duplicate.location.startOffset, end: duplicate.location.endOffset };
    writeFileSync(pomPath, applyTextEdits(text, ignoreFix({ path: pomPath, text }, range, 'duplicate-class', 'com.example.shared.*').edits));
    const after = findingsOf(check([copy, '--local-repo', localRepo, '--format', 'json']).stdout).findings;
    assert.deepEqual(after.map((finding) => finding.code), ['missing-class']);
  });

  it('gives the same findings from a warm cache', () => {
    const cacheHome = join(scratch, 'warm');
    const cold = check([reactor, '--local-repo', localRepo, '--format', 'json'], cacheHome);
    assert.ok(readdirSync(join(cacheHome, 'jarscope'), { recursive: true }).length > 0, 'the cache was written');
    const warm = check([reactor, '--local-repo', localRepo, '--format', 'json'], cacheHome);
    assert.equal(warm.stdout, cold.stdout);
  });

  it('exits 2 on bad usage, with the reason', () => {
    const badFormat = check([reactor, '--format', 'xml']);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /--format must be one of text, json, sarif/);
    assert.match(check([reactor, '--fail-on', 'sometimes']).stderr, /--fail-on must be one of error, warning, info, none/);
    const module = check([reactor, '--local-repo', localRepo, '--module', 'nowhere']);
    assert.equal(module.status, 2);
    assert.match(module.stderr, /no module "nowhere".*modules: \., app, clean/);
    const noPom = check([scratch]);
    assert.equal(noPom.status, 2);
    assert.match(noPom.stderr, /no pom\.xml in/);
  });
});

describe('check options', () => {
  it('parses --format, --fail-on, --jdk, repeated --ignore and an explicit --scope', () => {
    const parsed = parseArguments(['check', 'proj', '--format=sarif', '--fail-on', 'warning', '--jdk', '/opt/jdk', '--ignore', 'org.a.*', '--ignore=g:a', '--scope', 'runtime']);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.options.check, { format: 'sarif', failOn: 'warning', jdk: '/opt/jdk', ignore: ['org.a.*', 'g:a'] });
    assert.equal(parsed.options.scope, 'runtime');
    assert.equal(parsed.options.scopeGiven, true);
  });

  it('defaults to text, failing on errors, every scope', () => {
    const parsed = parseArguments(['check']);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.options.check, { format: 'text', failOn: 'error', ignore: [] });
    assert.equal(parsed.options.scopeGiven, false);
  });

  it('keeps the check options to check', () => {
    const parsed = parseArguments(['tree', '--format', 'json']);
    assert.ok(!parsed.ok);
    assert.match(parsed.message, /unknown option "--format"/);
  });

  it('reads an --ignore pattern with a colon as an artifact, else as classes', () => {
    assert.deepEqual(ignorePatterns(['org.slf4j:*', 'org.a.*', 'com.b.C']), { artifacts: ['org.slf4j:*'], classes: ['org.a.*', 'com.b.C'] });
  });

  it('exits 1 only for a finding at or above --fail-on', () => {
    const finding = (severity: Finding['severity']): Finding =>
      ({ severity } as unknown as Finding);
    const found = [finding('warning'), finding('info')];
    assert.equal(checkExitCode(found, 'error'), 0);
    assert.equal(checkExitCode(found, 'warning'), 1);
    assert.equal(checkExitCode(found, 'info'), 1);
    assert.equal(checkExitCode([finding('error')], 'none'), 0);
    assert.equal(checkExitCode([], 'info'), 0);
  });
});
