import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { findPoms, isInSkippedFolder, type PomScanFileSystem } from '../../../src/core/workspace/findPoms';
import { fixturePath } from '../helpers/paths';
import { makeTempDir, pomText, writeTree } from './tempTree';

const temp = makeTempDir('findPoms');
after(() => temp.remove());
let counter = 0;
function freshDir(files: Record<string, string> = {}): string {
  const root = join(temp.path, `case-${++counter}`);
  mkdirSync(root, { recursive: true });
  writeTree(root, files);
  return root;
}

function relativePoms(root: string, poms: readonly string[]): string[] {
  return poms.map((pom) => relative(root, pom));
}

describe('findPoms', () => {
  it('finds every pom.xml of a multi-module project, sorted', async () => {
    const root = fixturePath('workspaces', 'multi-module');
    const result = await findPoms(root);
    assert.deepEqual(relativePoms(root, result.poms), [
      'broken-module/pom.xml',
      'catalog-api/pom.xml',
      'catalog-web/pom.xml',
      'pom.xml',
      'services/billing-service/pom.xml',
      'services/pom.xml',
      'services/shipping-service/pom.xml',
    ]);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.truncated, false);
  });

  it('skips target, node_modules, hidden folders and the user excludes', async () => {
    const root = freshDir({
      'pom.xml': pomText('root'),
      'app/pom.xml': pomText('app'),
      'target/pom.xml': pomText('copied-into-target'),
      'app/target/classes/META-INF/maven/org.example/app/pom.xml': pomText('app-copy'),
      'node_modules/some-package/pom.xml': pomText('npm-vendored'),
      '.git/pom.xml': pomText('in-git'),
      '.idea/sub/pom.xml': pomText('in-idea'),
      'generated/pom.xml': pomText('generated'),
      'docs/pom.xml.bak': 'not a pom',
    });
    const result = await findPoms(root, { exclude: ['generated'] });
    assert.deepEqual(relativePoms(root, result.poms), ['app/pom.xml', 'pom.xml']);
    assert.deepEqual(result.warnings, []);
  });

  it('returns nothing and no warning for a folder without poms', async () => {
    const root = freshDir({ 'README.md': 'no maven here', 'src/Main.java': 'class Main {}' });
    assert.deepEqual(await findPoms(root), { poms: [], warnings: [], truncated: false });
  });

  it('warns about a pom.xml that is a directory and still finds the other poms', async () => {
    const root = freshDir({ 'pom.xml': pomText('root'), 'odd/pom.xml/pom.xml': pomText('inside-odd') });
    const result = await findPoms(root);
    assert.deepEqual(relativePoms(root, result.poms), ['odd/pom.xml/pom.xml', 'pom.xml']);
    assert.equal(result.warnings.length, 1);
    assert.equal(result.warnings[0]?.code, 'pom-is-directory');
    assert.equal(result.warnings[0]?.path, join(root, 'odd', 'pom.xml'));
    assert.match(result.warnings[0]?.cause ?? '', /directory/);
  });

  it('ends on symlink loops and reports them, finding each pom once', async () => {
    const root = freshDir({ 'pom.xml': pomText('root'), 'a/pom.xml': pomText('a'), 'a/b/pom.xml': pomText('b') });
    symlinkSync('..', join(root, 'a', 'b', 'up'));
    symlinkSync('.', join(root, 'a', 'self'));
    symlinkSync(root, join(root, 'a', 'b', 'to-root'));
    const result = await findPoms(root);
    assert.deepEqual(relativePoms(root, result.poms), ['a/b/pom.xml', 'a/pom.xml', 'pom.xml']);
    const loops = result.warnings.filter((warning) => warning.code === 'symlink-loop').map((w) => relative(root, w.path));
    assert.deepEqual(loops.sort(), ['a/b/to-root', 'a/b/up', 'a/self']);
  });

  it('reports a link that loops onto itself and a dangling link without failing', async () => {
    const root = freshDir({ 'pom.xml': pomText('root') });
    symlinkSync('knot', join(root, 'knot'));
    symlinkSync('does-not-exist', join(root, 'dangling'));
    symlinkSync('nowhere.xml', join(root, 'sub-pom-link'));
    mkdirSync(join(root, 'linked-pom'));
    symlinkSync('../missing/pom.xml', join(root, 'linked-pom', 'pom.xml'));
    const result = await findPoms(root);
    assert.deepEqual(relativePoms(root, result.poms), ['pom.xml']);
    const byPath = new Map(result.warnings.map((warning) => [relative(root, warning.path), warning.code]));
    assert.equal(byPath.get('knot'), 'symlink-loop');
    assert.equal(byPath.get('dangling'), 'broken-symlink');
    assert.equal(byPath.get('linked-pom/pom.xml'), 'broken-symlink');
  });

  it('follows a symlinked folder once, and lists a linked pom under its own path when it is inside the root', async () => {
    const outside = freshDir({ 'lib/pom.xml': pomText('outside-lib') });
    const root = freshDir({ 'pom.xml': pomText('root'), 'real/pom.xml': pomText('real') });
    symlinkSync(join(outside, 'lib'), join(root, 'a-link-to-outside'));
    symlinkSync(join(outside, 'lib'), join(root, 'b-second-link-to-outside'));
    symlinkSync(join(root, 'real'), join(root, 'a-link-to-real'));
    const result = await findPoms(root);
    assert.deepEqual(relativePoms(root, result.poms), ['a-link-to-outside/pom.xml', 'pom.xml', 'real/pom.xml']);
    assert.deepEqual(result.warnings, []);
  });

  it('turns an unreadable folder into a warning with its path and cause', async () => {
    const root = freshDir({ 'pom.xml': pomText('root'), 'locked/pom.xml': pomText('locked'), 'open/pom.xml': pomText('open') });
    const locked = join(root, 'locked');
    const fileSystem: PomScanFileSystem = {
      readdir: async (path) => {
        if (path === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
        return readdir(path, { withFileTypes: true });
      },
      isDirectory: () => Promise.resolve(true),
      realpath: (path) => Promise.resolve(path),
    };
    const result = await findPoms(root, { fileSystem });
    assert.deepEqual(relativePoms(root, result.poms), ['open/pom.xml', 'pom.xml']);
    assert.deepEqual(result.warnings.map((w) => [w.code, w.path]), [['unreadable-directory', locked]]);
    assert.match(result.warnings[0]?.cause ?? '', /EACCES/);
  });

  it('turns a folder without read permission into a warning', { skip: process.getuid?.() === 0 && 'root reads every folder' }, async () => {
    const root = freshDir({ 'pom.xml': pomText('root'), 'locked/pom.xml': pomText('locked') });
    chmodSync(join(root, 'locked'), 0o000);
    try {
      const result = await findPoms(root);
      assert.deepEqual(relativePoms(root, result.poms), ['pom.xml']);
      assert.deepEqual(result.warnings.map((w) => w.code), ['unreadable-directory']);
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });

  it('warns about a root folder that does not exist', async () => {
    const root = join(temp.path, 'never-created');
    const result = await findPoms(root);
    assert.deepEqual(result.poms, []);
    assert.deepEqual(result.warnings.map((w) => [w.code, w.path]), [['unreadable-directory', root]]);
  });

  it('stops at maxPoms with a warning', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`m${i}/pom.xml`] = pomText(`m${i}`);
    const root = freshDir(files);
    const result = await findPoms(root, { maxPoms: 12 });
    assert.equal(result.poms.length, 12);
    assert.equal(result.truncated, true);
    assert.deepEqual(result.warnings.map((w) => w.code), ['max-poms-reached']);
    assert.match(result.warnings[0]?.cause ?? '', /12/);
  });

  it('rejects with an AbortError when its signal aborts', async () => {
    const root = fixturePath('workspaces', 'multi-module');
    await assert.rejects(findPoms(root, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });

  it('walks 2,000 modules with source folders without a hang', { timeout: 60_000 }, async () => {
    const files: Record<string, string> = { 'pom.xml': pomText('big', { modules: [] }) };
    for (let i = 0; i < 2000; i++) {
      files[`modules/module-${i}/pom.xml`] = pomText(`module-${i}`, { parent: 'big' });
      files[`modules/module-${i}/src/main/java/org/example/M${i}.java`] = `class M${i} {}`;
      files[`modules/module-${i}/target/classes/M${i}.class`] = '';
    }
    const root = freshDir(files);
    const started = Date.now();
    const result = await findPoms(root);
    const elapsed = Date.now() - started;
    assert.equal(result.poms.length, 2001);
    assert.deepEqual(result.warnings, []);
    // A figure for the log, not a timed assertion.
    console.log(`findPoms: 2,001 poms in ${elapsed} ms`);
  });
});

describe('isInSkippedFolder', () => {
  it('tells whether a path lies in a skipped folder below the root', () => {
    assert.equal(isInSkippedFolder('/w', '/w/app/pom.xml'), false);
    assert.equal(isInSkippedFolder('/w', '/w/app/target/pom.xml'), true);
    assert.equal(isInSkippedFolder('/w', '/w/.git/x/pom.xml'), true);
    assert.equal(isInSkippedFolder('/w', '/w/node_modules/pom.xml'), true);
    assert.equal(isInSkippedFolder('/w', '/w/gen/pom.xml', ['gen']), true);
    assert.equal(isInSkippedFolder('/w', '/w/pom.xml'), false);
    assert.equal(isInSkippedFolder('/w', '/elsewhere/target/pom.xml'), false);
  });
});
