import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { findPoms } from '../../../src/core/workspace/findPoms';
import { buildProjectTree, formatCoordinates, type ProjectNode, type ProjectTree } from '../../../src/core/workspace/projectTree';
import { readWorkspacePom, workspacePomFromText, type WorkspacePomFile } from '../../../src/core/workspace/workspacePomFile';
import { fixturePath } from '../helpers/paths';
import { makeTempDir, pomText } from './tempTree';

async function treeOf(root: string): Promise<ProjectTree> {
  const { poms } = await findPoms(root);
  return buildProjectTree(await Promise.all(poms.map((pom) => readWorkspacePom(pom))));
}

/** The tree as indented `artifactId (folder)` lines, the way a person reads the view. */
function outline(root: string, nodes: readonly ProjectNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.coordinates?.artifactId ?? `<${node.file.status}>`} (${relative(root, node.pomPath)})`,
    ...outline(root, node.modules, depth + 1),
  ]);
}

function nodeAt(tree: ProjectTree, root: string, relativePath: string): ProjectNode {
  const node = tree.nodes.find((candidate) => candidate.pomPath === join(root, relativePath));
  assert.ok(node, `no node for ${relativePath}`);
  return node;
}

describe('buildProjectTree', () => {
  const multiModule = fixturePath('workspaces', 'multi-module');

  it('nests modules under their aggregators in <modules> order, a broken pom included', async () => {
    const tree = await treeOf(multiModule);
    assert.deepEqual(outline(multiModule, tree.roots), [
      'storefront-parent (pom.xml)',
      '  catalog-api (catalog-api/pom.xml)',
      '  catalog-web (catalog-web/pom.xml)',
      '  storefront-services (services/pom.xml)',
      '    billing-service (services/billing-service/pom.xml)',
      '    shipping-service (services/shipping-service/pom.xml)',
      '  <malformed> (broken-module/pom.xml)',
    ]);
    assert.equal(tree.nodes.length, 7);
    assert.deepEqual(tree.problems, []);
  });

  it('inherits groupId and version from <parent> and defaults packaging to jar', async () => {
    const tree = await treeOf(multiModule);
    const api = nodeAt(tree, multiModule, 'catalog-api/pom.xml').coordinates;
    assert.equal(api && formatCoordinates(api), 'com.example.storefront:catalog-api:jar:2.4.0');
    assert.equal(api?.groupIdInherited, true);
    assert.equal(api?.versionInherited, true);
    const web = nodeAt(tree, multiModule, 'catalog-web/pom.xml').coordinates;
    assert.equal(web && formatCoordinates(web), 'com.example.storefront:catalog-web:war:2.4.0');
    const services = nodeAt(tree, multiModule, 'services/pom.xml').coordinates;
    assert.equal(services && formatCoordinates(services), 'com.example.storefront.services:storefront-services:pom:2.4.0');
    assert.equal(services?.groupIdInherited, false, 'services writes its own groupId');
    assert.equal(services?.versionInherited, true);
    const billing = nodeAt(tree, multiModule, 'services/billing-service/pom.xml').coordinates;
    assert.equal(billing?.groupId, 'com.example.storefront.services', 'inherited from the nearer parent');
  });

  it('keeps the XML error position of a malformed pom', async () => {
    const tree = await treeOf(multiModule);
    const broken = nodeAt(tree, multiModule, 'broken-module/pom.xml');
    assert.equal(broken.file.status, 'malformed');
    assert.equal(broken.coordinates, undefined);
    if (broken.file.status !== 'malformed') return;
    assert.equal(broken.file.error.line, 11);
    assert.equal(broken.file.error.column, 22);
    assert.match(broken.file.error.message, /nme/);
    assert.equal(broken.file.text.slice(broken.file.error.offset, broken.file.error.offset + 6), '</nme>');
  });

  describe('module problems', () => {
    const problems = fixturePath('workspaces', 'module-problems');

    it('resolves folder and file module entries, guards cycles and lists unreferenced poms as roots', async () => {
      const tree = await treeOf(problems);
      assert.deepEqual(outline(problems, tree.roots), [
        'orphan-x (orphan-x/pom.xml)',
        '  orphan-y (orphan-y/pom.xml)',
        'problems-root (pom.xml)',
        '  present (present/pom.xml)',
        '  explicit (explicit/pom.xml)',
        '  cycle-a (cycle-a/pom.xml)',
        '    cycle-b (cycle-b/pom.xml)',
        '  jar-aggregator (jar-aggregator/pom.xml)',
        '    inner (jar-aggregator/inner/pom.xml)',
        'standalone (standalone/pom.xml)',
      ]);
    });

    it('reports each problem on the pom and element that causes it', async () => {
      const tree = await treeOf(problems);
      const summary = tree.problems.map((problem) => {
        const file = tree.nodes.find((node) => node.pomPath === problem.pomPath)?.file;
        const text = file && file.status !== 'unreadable' ? file.text.slice(problem.range.start, problem.range.end) : '';
        return [problem.code, relative(problems, problem.pomPath), text];
      });
      assert.deepEqual(summary, [
        ['module-cycle', 'cycle-b/pom.xml', '<module>../cycle-a</module>'],
        ['aggregator-packaging', 'jar-aggregator/pom.xml', '<packaging>jar</packaging>'],
        ['module-cycle', 'orphan-y/pom.xml', '<module>../orphan-x</module>'],
        ['module-not-found', 'pom.xml', '<module>missing-dir</module>'],
      ]);
      const missing = tree.problems.find((problem) => problem.code === 'module-not-found');
      assert.match(missing?.message ?? '', /missing-dir/);
      assert.match(missing?.message ?? '', new RegExp(join(problems, 'missing-dir').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    });
  });

  it('lists an unreadable pom and a pom that is a directory, and builds the rest', async () => {
    const temp = makeTempDir('projectTree');
    after(() => temp.remove());
    mkdirSync(join(temp.path, 'odd', 'pom.xml'), { recursive: true });
    const files: WorkspacePomFile[] = [
      workspacePomFromText(join(temp.path, 'pom.xml'), pomText('root', { modules: ['odd', 'gone'] })),
      await readWorkspacePom(join(temp.path, 'odd', 'pom.xml')),
      await readWorkspacePom(join(temp.path, 'gone', 'pom.xml')),
    ];
    const tree = buildProjectTree(files);
    assert.deepEqual(outline(temp.path, tree.roots), ['root (pom.xml)', '  <unreadable> (odd/pom.xml)', '  <unreadable> (gone/pom.xml)']);
    const [odd, gone] = tree.roots[0]?.modules ?? [];
    assert.equal(odd?.file.status === 'unreadable' && odd.file.cause, 'pom.xml is a directory, not a file');
    assert.match(gone?.file.status === 'unreadable' ? gone.file.cause : '', /ENOENT/);
  });

  it('lists the same pom once when nested workspace folders both find it', () => {
    const pom = workspacePomFromText('/w/app/pom.xml', pomText('app'));
    const tree = buildProjectTree([pom, pom]);
    assert.equal(tree.nodes.length, 1);
    assert.equal(tree.roots.length, 1);
  });

  it('builds 2,000 modules, and a chain of 2,000 nested aggregators, without a hang', { timeout: 30_000 }, () => {
    const flat = [workspacePomFromText('/w/pom.xml', pomText('big', { modules: Array.from({ length: 2000 }, (_, i) => `m${i}`) }))];
    for (let i = 0; i < 2000; i++) flat.push(workspacePomFromText(`/w/m${i}/pom.xml`, pomText(`m${i}`, { parent: 'big' })));
    const flatTree = buildProjectTree(flat);
    assert.equal(flatTree.roots.length, 1);
    assert.equal(flatTree.roots[0]?.modules.length, 2000);
    assert.equal(flatTree.roots[0]?.modules[1999]?.coordinates?.artifactId, 'm1999');

    const chain: WorkspacePomFile[] = [];
    for (let i = 0; i < 2000; i++) {
      chain.push(workspacePomFromText(`/c/n${i}/pom.xml`, pomText(`n${i}`, { modules: i < 1999 ? [`../n${i + 1}`] : ['../n0'] })));
    }
    const chainTree = buildProjectTree(chain);
    assert.equal(chainTree.roots.length, 1, 'a cycle through all 2,000 poms gets one root');
    assert.deepEqual(chainTree.problems.map((problem) => [problem.code, problem.pomPath]), [['module-cycle', '/c/n1999/pom.xml']]);
  });
});
