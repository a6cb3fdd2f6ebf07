// Benchmark of the editor (prints figures; never a timed test): the real VS Code (the code-server harness,
// scripts/vscodeHarness.mjs) with the extension, on a generated project of 100 dependencies whose jars
// come from a symlink copy of Debian's /usr/share/maven-repo (each declared with an exclusion of *:*, so
// the classpath is exactly those jars). A probe running inside the extension host measures:
//  1. cold: from writing and opening pom.xml (empty jar cache) until its findings are shown (target < 3 s);
//  2. edit: from an unsaved edit of pom.xml (one dependency removed, then put back) until the updated
//     findings are shown (target < 500 ms; this includes the `jarscope.debounceMs` wait, 300 ms by default).
// Nothing outside a temporary folder is written.
//
// Usage: node bench/editorBench.mjs [--deps N] [--edits N]   (after node scripts/build.mjs)
// Also exported as runEditorBench() for bench/run.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const debianRepo = '/usr/share/maven-repo';
const resultMarker = 'editor-bench ';

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

/** Up to `count` artifacts with a jar, one version each (Debian's `debian` and `N.x` aliases skipped), each jar once. */
export function artifactsWithJars(repo, count) {
  const found = [];
  const jars = new Set();
  const visit = (dir, segments) => {
    if (found.length >= count || segments.length > 12) return;
    const entries = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const artifactId = segments.at(-1);
    const version = artifactId && entries.filter((name) => name !== 'debian' && !name.endsWith('.x') && existsSync(join(dir, name, `${artifactId}-${name}.jar`))).at(-1);
    if (version) {
      const jar = realpathSync(join(dir, version, `${artifactId}-${version}.jar`));
      if (!jars.has(jar) && statSync(jar).size > 0) {
        jars.add(jar);
        found.push({ groupId: segments.slice(0, -1).join('.'), artifactId, version });
      }
      return;
    }
    for (const name of entries) visit(join(dir, name), [...segments, name]);
  };
  visit(repo, []);
  return found;
}

/** The generated project: every artifact a direct dependency with all its own dependencies excluded. */
export function pomText(artifacts) {
  const element = (indent, name, text) => `${'  '.repeat(indent)}<${name}>${text}</${name}>`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<project xmlns="http://maven.apache.org/POM/4.0.0">'];
  lines.push(element(1, 'modelVersion', '4.0.0'), element(1, 'groupId', 'bench'), element(1, 'artifactId', 'editor-bench'), element(1, 'version', '1'));
  lines.push('  <dependencies>');
  for (const { groupId, artifactId, version } of artifacts) {
    lines.push('    <dependency>', element(3, 'groupId', groupId), element(3, 'artifactId', artifactId), element(3, 'version', version));
    lines.push('      <exclusions>', '        <exclusion>', element(5, 'groupId', '*'), element(5, 'artifactId', '*'), '        </exclusion>', '      </exclusions>');
    lines.push('    </dependency>');
  }
  lines.push('  </dependencies>', '</project>', '');
  return lines.join('\n');
}

// Runs inside the extension host (CommonJS, `vscode` from the host). The workspace has no pom.xml at
// start, so nothing is analysed before the clock starts.
const probeSource = String.raw`
const { writeFileSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const vscode = require('vscode');
const say = (text) => console.log('[jarscope-test] ' + text);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await delay(5);
  }
}

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const uri = vscode.Uri.file(join(folder, 'pom.xml'));
  const api = await vscode.extensions.getExtension('jarscope.jarscope').activate();
  await api.whenAnalysed();
  const text = readFileSync(process.env.JARSCOPE_BENCH_POM, 'utf8');
  const shown = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Jarscope');

  let generation = api.findingsGeneration();
  const coldStart = performance.now();
  writeFileSync(uri.fsPath, text);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  await until(() => api.findingsGeneration() > generation && api.findings().length > 0, 120000);
  const coldMs = performance.now() - coldStart;
  const findings = api.findings().length;
  say('${resultMarker}cold ' + coldMs.toFixed(0) + ' findings=' + findings + ' diagnostics=' + shown().length);

  const edits = Number(process.env.JARSCOPE_BENCH_EDITS || '5');
  const block = text.slice(text.indexOf('    <dependency>'), text.indexOf('</dependency>') + '</dependency>\n'.length);
  for (let index = 0; index < edits; index++) {
    await api.whenAnalysed();
    await delay(200);
    generation = api.findingsGeneration();
    const current = document.getText();
    const removing = current.includes(block);
    const edit = new vscode.WorkspaceEdit();
    const at = current.indexOf('  </dependencies>');
    if (removing) {
      const start = current.indexOf(block);
      edit.delete(uri, new vscode.Range(document.positionAt(start), document.positionAt(start + block.length)));
    } else {
      edit.insert(uri, document.positionAt(at), block);
    }
    const started = performance.now();
    await vscode.workspace.applyEdit(edit);
    await until(() => api.findingsGeneration() > generation, 60000);
    say('${resultMarker}edit ' + (performance.now() - started).toFixed(0) + ' findings=' + api.findings().length);
  }
};
`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function runEditorBench({ deps = 100, edits = 5 } = {}) {
  if (!existsSync(debianRepo)) {
    console.log(`Editor benchmark skipped: ${debianRepo} is not installed`);
    return undefined;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'jeb-'));
  try {
    const m2 = join(scratch, 'm2');
    spawnSync('cp', ['-rs', debianRepo, m2], { stdio: 'inherit' });
    const artifacts = artifactsWithJars(m2, deps);
    const workspace = join(scratch, 'ws');
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'jarscope.maven.localRepository': m2 }));
    const pom = join(scratch, 'bench-pom.xml');
    writeFileSync(pom, pomText(artifacts));
    const probe = join(scratch, 'probe.js');
    writeFileSync(probe, probeSource);
    console.log(`Editor benchmark: ${artifacts.length} dependencies from ${debianRepo}, cold jar cache, real VS Code`);
    const result = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'scripts', 'vscodeHarness.mjs'),
        `--extensionDevelopmentPath=${repoRoot}`,
        `--extensionTestsPath=${probe}`,
        `--user-data-dir=${join(scratch, 'u')}`,
        `--extensions-dir=${join(scratch, 'e')}`,
        workspace,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, XDG_CACHE_HOME: join(scratch, 'cache'), JARSCOPE_BENCH_POM: pom, JARSCOPE_BENCH_EDITS: String(edits) },
      },
    );
    const lines = result.stdout.split('\n').filter((line) => line.startsWith(resultMarker)).map((line) => line.slice(resultMarker.length));
    const cold = lines.find((line) => line.startsWith('cold '));
    const editTimes = lines.filter((line) => line.startsWith('edit ')).map((line) => Number(line.split(' ')[1]));
    if (!cold) {
      console.log(`  the probe reported nothing (exit ${result.status}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
      return undefined;
    }
    const coldMs = Number(cold.split(' ')[1]);
    console.log(`  open pom.xml -> findings shown (cold cache)   ${(coldMs / 1000).toFixed(2)} s   (target < 3 s; ${cold.split(' ').slice(2).join(', ')})`);
    if (editTimes.length > 0) {
      console.log(`  edit -> updated findings, median of ${editTimes.length}   ${median(editTimes).toFixed(0)} ms   (target < 500 ms; each: ${editTimes.join(', ')} ms; includes the 300 ms debounce)`);
    }
    return { deps: artifacts.length, coldMs, editMs: editTimes.length > 0 ? median(editTimes) : undefined };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runEditorBench({ deps: Number(option('--deps', '100')), edits: Number(option('--edits', '5')) });
}
