import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ResolvedModule, ResolvedReactor } from '../../../src/core/workspace/resolveWorkspace';
import {
  dependencyHoverMarkdown,
  managementHoverMarkdown,
  openDeclarationLink,
  parentHoverMarkdown,
  type HoverModule,
} from '../../../src/host/resolution/hoverMarkdown';
import { moduleNamed, nodeAt, resolveFixtureWorkspace } from './resolvedFixture';

const unescape = (markdown: string): string => markdown.replace(/\\(.)/g, '$1');

function hoverModule({ module, resolution }: ResolvedModule): HoverModule {
  return { name: module.model.artifactId, model: module.model, resolution };
}

function declared(module: ResolvedModule, artifactId: string) {
  const dependency = module.module.model.dependencies.find((candidate) => candidate.artifactId === artifactId);
  if (!dependency) throw new Error(`no dependency ${artifactId}`);
  return dependency;
}

describe('pom.xml hover Markdown', () => {
  let reactor: ResolvedReactor;
  before(async () => {
    reactor = await resolveFixtureWorkspace();
  });

  it('explains a managed dependency with a link to the managing entry', () => {
    const web = moduleNamed(reactor, 'catalog-web');
    const markdown = dependencyHoverMarkdown(hoverModule(web), declared(web, 'json-kit'));
    const root = moduleNamed(reactor, 'storefront-parent').module.pomPath;
    const managedBy = declared(web, 'json-kit').managedBy;
    assert.ok(managedBy);
    assert.equal(managedBy.source.pomPath, root);
    const args = encodeURIComponent(JSON.stringify([root, managedBy.range.start, managedBy.range.end]));
    assert.ok(markdown.includes(`(command:jarscope.openDeclaration?${args} `), markdown);
    const text = unescape(markdown);
    assert.match(text, /^\*\*org\.example\.libs:json-kit:1\.5\*\* · compile — in catalog-web$/m);
    assert.match(text, /Version 1\.5 managed from \[com\.example\.storefront:storefront-parent:2\.4\.0\]/);
    assert.match(unescape(dependencyHoverMarkdown(hoverModule(web), declared(web, 'json-kit'), true)), /Scope or exclusions managed from/);
    assert.match(text, /Also requested: 1\.0 via catalog-api:2\.4\.0 → http-client:1\.0 → json-kit:1\.5 — omitted for duplicate/);
  });

  it('says a direct dependency wins by being nearest and lists what lost to it', () => {
    const api = moduleNamed(reactor, 'catalog-api');
    const text = unescape(dependencyHoverMarkdown(hoverModule(api), declared(api, 'log-api')));
    assert.match(text, /Resolved version 2\.0: a direct dependency is nearest, so it wins/);
    assert.match(text, /Also requested: 1\.0 via http-client:1\.0 → log-api:1\.0 — omitted for conflict with 2\.0/);
    assert.doesNotMatch(text, /managed from/);
  });

  it('says when the module could not be resolved', () => {
    const api = moduleNamed(reactor, 'catalog-api');
    const text = unescape(dependencyHoverMarkdown({ ...hoverModule(api), resolution: undefined }, declared(api, 'log-api')));
    assert.match(text, /not resolved: the module's pom has errors/);
  });

  it('lists the nodes a dependencyManagement entry manages, per module', () => {
    const web = moduleNamed(reactor, 'catalog-web');
    const site = nodeAt(moduleNamed(reactor, 'catalog-api'), 'http-client', 'json-kit').managedFrom;
    assert.ok(site);
    const text = unescape(managementHoverMarkdown(reactor.modules.map(hoverModule), site));
    assert.match(text, /catalog-api: http-client:1\.0 → json-kit:1\.5 \(version 1\.0 → 1\.5\)/);
    assert.match(text, /catalog-web: catalog-api:2\.4\.0 → http-client:1\.0 → json-kit:1\.5 \(version 1\.0 → 1\.5\)/);
    assert.equal(managementHoverMarkdown([hoverModule(web)], { ...site, range: { start: 0, end: 1 } }), 'Manages no transitive dependency of the resolved modules.');
  });

  it('names the parent and links its file, or says it was not found', () => {
    assert.match(unescape(parentHoverMarkdown('g:p:1', '/w/pom.xml')), /^\*\*Parent g:p:1\*\*\n- read from \[\/w\/pom\.xml\]\(command:jarscope\.openDeclaration\?/);
    assert.match(parentHoverMarkdown('g:p:1', undefined), /not found in the workspace or the local repository/);
    assert.equal(openDeclarationLink('a_b', '/p', { start: 1, end: 2 }), `[a\\_b](command:jarscope.openDeclaration?${encodeURIComponent('["/p",1,2]')} "/p")`);
  });
});
