import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as nodeModule from 'node:module';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fixturePath, repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

// bin/jarscope.js starts dist/cli.js (node scripts/build.mjs first) with a V8 code cache under
// $XDG_CACHE_HOME/jarscope/v8 on Node 20 (Node >= 22.1 uses its own compile cache in the same folder).
const bin = join(repoRoot, 'bin', 'jarscope.js');
const project = fixturePath('maven-corpus', '29-reactor-sibling-order');
const localRepo = fixturePath('maven-repo');
const scratch = tempDir('launcher');
after(() => rmSync(scratch, { recursive: true, force: true }));
const usesScriptCache = !('enableCompileCache' in nodeModule);

function tree(cacheHome: string, extraEnv: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome };
  delete env.JARSCOPE_NO_CODE_CACHE;
  Object.assign(env, extraEnv);
  const result = spawnSync(process.execPath, [bin, 'tree', project, '--local-repo', localRepo], { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cacheFiles(cacheHome: string): string[] {
  const dir = join(cacheHome, 'jarscope', 'v8');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('bin/jarscope.js code cache', () => {
  it('writes the cache on the first run and prints the same tree with it as without it', () => {
    const cacheHome = join(scratch, 'fresh');
    const plain = tree(join(scratch, 'unused'), { JARSCOPE_NO_CODE_CACHE: '1' });
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stdout, /org\.fixture\.case:reactor-root:pom:1\.0/);
    assert.deepEqual(cacheFiles(join(scratch, 'unused')), [], 'JARSCOPE_NO_CODE_CACHE=1 writes no cache');

    const first = tree(cacheHome);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, plain.stdout);
    assert.ok(cacheFiles(cacheHome).length > 0, 'the first run leaves a cache file');
    if (usesScriptCache) assert.ok(cacheFiles(cacheHome).some((name) => name.startsWith('cli-tree-')));

    const second = tree(cacheHome);
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.stdout, plain.stdout);
    assert.equal(second.stderr, plain.stderr);
  });

  it('ignores and replaces a corrupt cache file, and removes caches of older bundles', { skip: !usesScriptCache }, () => {
    const cacheHome = join(scratch, 'corrupt');
    assert.equal(tree(cacheHome).status, 0);
    const [name] = cacheFiles(cacheHome).filter((file) => file.startsWith('cli-tree-'));
    assert.ok(name !== undefined);
    writeFileSync(join(cacheHome, 'jarscope', 'v8', name), 'not a V8 code cache');
    writeFileSync(join(cacheHome, 'jarscope', 'v8', 'cli-tree-v0.0.0-old-bundle.bin'), 'stale');
    const plain = tree(join(scratch, 'unused2'), { JARSCOPE_NO_CODE_CACHE: '1' });
    const again = tree(cacheHome);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, plain.stdout);
    assert.deepEqual(cacheFiles(cacheHome).filter((file) => file.startsWith('cli-tree-')), [name]);
  });

  it('runs the CLI when the cache folder cannot be written', () => {
    const blocked = join(scratch, 'blocked');
    writeFileSync(blocked, 'a file where the cache folder would be');
    const result = tree(blocked);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /org\.fixture\.case:reactor-root:pom:1\.0/);
  });
});
