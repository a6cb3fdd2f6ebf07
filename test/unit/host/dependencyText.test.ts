import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ResolvedReactor } from '../../../src/core/workspace/resolveWorkspace';
import { dependencyRowText, leadsToMatch, matchesFilter, omittedNote, pathText, requestedVersion } from '../../../src/host/resolution/dependencyText';
import { moduleNamed, nodeAt, resolveFixtureWorkspace } from './resolvedFixture';

describe('dependency rows of the Dependencies view', () => {
  let reactor: ResolvedReactor;
  before(async () => {
    reactor = await resolveFixtureWorkspace();
  });

  it('says why a loser was omitted, in the words of dependency:tree -Dverbose', () => {
    const api = moduleNamed(reactor, 'catalog-api');
    const web = moduleNamed(reactor, 'catalog-web');
    assert.equal(omittedNote(nodeAt(api, 'http-client', 'log-api')), 'omitted for conflict with 2.0');
    assert.equal(omittedNote(nodeAt(web, 'catalog-api', 'http-client', 'json-kit')), 'omitted for duplicate');
    assert.equal(omittedNote(nodeAt(api, 'log-api')), undefined);
  });

  it('shows version, scope and notes, with the managing pom named', () => {
    const api = moduleNamed(reactor, 'catalog-api');
    assert.deepEqual(dependencyRowText(nodeAt(api, 'http-client', 'json-kit')), {
      label: 'json-kit',
      description: '1.5 · compile — version managed from 1.0 by com.example.storefront:storefront-parent:2.4.0',
      notes: ['version managed from 1.0 by com.example.storefront:storefront-parent:2.4.0'],
    });
    assert.equal(dependencyRowText(nodeAt(api, 'http-client', 'log-api')).description, '1.0 · compile — omitted for conflict with 2.0');
    assert.equal(requestedVersion(nodeAt(api, 'http-client', 'json-kit')), '1.0');
    const web = moduleNamed(reactor, 'catalog-web');
    assert.equal(dependencyRowText(nodeAt(web, 'ghost-lib'), 'missing-pom').description, '0.9 · compile — pom missing from the local repository');
  });

  it('filters on groupId and artifactId substrings and keeps the paths to matches', () => {
    const web = moduleNamed(reactor, 'catalog-web');
    assert.ok(matchesFilter({ groupId: 'org.example.libs', artifactId: 'log-api' }, 'LOG'));
    assert.ok(matchesFilter({ groupId: 'org.example.libs', artifactId: 'log-api' }, 'example.libs:log'));
    assert.ok(!matchesFilter({ groupId: 'org.example.libs', artifactId: 'json-kit' }, 'log'));
    const catalogApi = nodeAt(web, 'catalog-api');
    assert.ok(leadsToMatch(catalogApi, 'log-api'), 'catalog-api leads to log-api');
    assert.ok(!leadsToMatch(nodeAt(web, 'ghost-lib'), 'log-api'));
    assert.ok(!leadsToMatch(nodeAt(web, 'json-kit'), 'log-api'));
    assert.equal(pathText([nodeAt(web, 'catalog-api').artifact, nodeAt(web, 'catalog-api', 'http-client').artifact]), 'catalog-api:2.4.0 → http-client:1.0');
  });

  it('does not resolve a module whose pom is not well-formed, and says which problems the reactor has', () => {
    const broken = reactor.modules.find((module) => module.module.pomPath.includes('broken-module'));
    assert.equal(broken?.resolution, undefined);
    const web = moduleNamed(reactor, 'catalog-web');
    assert.deepEqual(
      web.resolution?.problems.map((problem) => [problem.code, problem.artifact.artifactId, problem.fatal]),
      [['missing-pom', 'ghost-lib', false]],
    );
  });
});
