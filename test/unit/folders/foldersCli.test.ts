import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fixturePath, repoRoot } from '../helpers/paths';

// Runs the built CLI (node scripts/build.mjs first) on test/fixtures/folders/workspace: lib/ holds
// connector-a 1.0 and 1.1, a fat jar and a corrupt jar; lib-prod/ is the deployed copy with a stale
// connector-b (see test/fixtures/folders/buildFolderFixtures.mjs).
const cli = join(repoRoot, 'bin', 'jarscope.js');
const workspace = fixturePath('folders', 'workspace');
const scratch = mkdtempSync(join(tmpdir(), 'jarscope-folders-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], cwd = workspace): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd, env: { ...process.env, XDG_CACHE_HOME: join(scratch, 'cache') } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface FindingJson {
  code: string;
  module: string;
  message: string;
  jars: string[];
  location: { file: string; line: number; column: number };
}

describe('jarscope check on a workspace with jar folders', () => {
  it('reports the folder findings under module folder:<path>, located on the folder', () => {
    const { status, stdout, stderr } = run(['check', '.', '--local-repo', '../repo', '--format', 'json', '--jar-folder', 'lib-prod']);
    assert.equal(status, 0, stderr);
    const findings = (JSON.parse(stdout) as { findings: FindingJson[] }).findings;
    const conflict = findings.find((finding) => finding.code === 'folder-version-conflict');
    assert.ok(conflict, stdout);
    assert.equal(conflict.module, 'folder:lib');
    assert.deepEqual([conflict.location.file, conflict.location.line, conflict.location.column], [join(workspace, 'lib'), 1, 1]);
    assert.ok(findings.some((finding) => finding.code === 'embedded-artifact' && /relocated under com\.example\.fat\.shaded/.test(finding.message)));
    assert.ok(findings.some((finding) => finding.code === 'unreadable-jar' && finding.jars[0]!.endsWith('corrupt-1.0.jar')));
    assert.deepEqual(findings.filter((finding) => finding.module === 'folder:lib-prod'), []);
  });

  it('names the folder in the text output and warns about a glob that matches nothing', () => {
    const { status, stdout, stderr } = run(['check', '.', '--local-repo', '../repo', '--jar-folder', 'dist/**/jars', '--fail-on', 'warning']);
    assert.equal(status, 1, 'the folder warnings count for --fail-on');
    assert.match(stdout, /^folder:lib$/m);
    assert.match(stdout, /^ {2}lib:1:1: the jar folder$/m);
    assert.match(stderr, /jar folder glob "dist\/\*\*\/jars" matched no folder/);
  });
});

describe('jarscope check and the workspace settings', () => {
  it('analyses the folders jarscope.jarFolders names in .vscode/settings.json', () => {
    const copy = join(scratch, 'workspace');
    cpSync(workspace, copy, { recursive: true });
    copyFileSync(join(copy, 'lib', 'connector-b-2.1.jar'), join(copy, 'lib-prod', 'connector-b-2.1.jar'));
    const { stdout } = run(['check', '.', '--local-repo', fixturePath('folders', 'repo'), '--format', 'json'], copy);
    const findings = (JSON.parse(stdout) as { findings: FindingJson[] }).findings;
    assert.ok(findings.some((finding) => finding.module === 'folder:lib-prod' && finding.code === 'folder-version-conflict'), stdout);

    writeFileSync(join(copy, '.vscode', 'settings.json'), '{ "jarscope.jarFolders": "lib-prod" }');
    const wrong = run(['check', '.', '--local-repo', fixturePath('folders', 'repo')], copy);
    assert.match(wrong.stderr, /settings\.json: jarscope\.jarFolders must be a list/);
    assert.doesNotMatch(wrong.stdout, /folder:lib-prod/);
    assert.match(wrong.stdout, /folder:lib/, 'the named folders are still analysed');
  });
});

describe('jarscope compare-dirs', () => {
  it('prints the changes by artifact as text', () => {
    const { status, stdout, stderr } = run(['compare-dirs', 'lib', 'lib-prod']);
    assert.equal(status, 0);
    assert.match(stdout, /^ {2}downgraded +connector-b 2\.1 -> 2\.0/m);
    assert.match(stdout, /^ {2}added +metrics 1\.0/m);
    assert.match(stdout, /1 unchanged$/m);
    assert.match(stderr, /corrupt-1\.0\.jar/, 'the unreadable jar is named');
  });

  it('prints JSON with the differing classes', () => {
    const { status, stdout } = run(['compare-dirs', 'lib', 'lib-prod', '--format', 'json']);
    assert.equal(status, 0);
    const json = JSON.parse(stdout) as { changes: { kind: string; artifact: string; classes?: string[] }[]; unchanged: number; problems: string[] };
    assert.deepEqual(json.changes.find((change) => change.kind === 'content-changed')?.classes, ['com.example.connector.c.ConnectorC']);
    assert.equal(json.unchanged, 1);
    assert.equal(json.problems.length, 1);
  });

  it('exits 2 for a folder that does not exist, and for a missing argument', () => {
    const missing = run(['compare-dirs', 'lib', 'no-such-lib']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /folder .*no-such-lib does not exist/);
    assert.equal(run(['compare-dirs', 'lib']).status, 2);
    assert.equal(run(['compare-dirs', 'lib', 'lib-prod', '--format', 'xml']).status, 2);
  });
});
