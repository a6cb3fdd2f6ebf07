import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ResolvedReactor } from '../../../src/core/workspace/resolveWorkspace';
import { resolutionProblemPlaces } from '../../../src/host/resolution/problemPlaces';
import { resolveFixtureWorkspace, resolveReactorAt, workspaceDir } from './resolvedFixture';
import { tempDir } from '../helpers/tempDir';

const noParent = (): { start: number; end: number } => ({ start: 0, end: 0 });

describe('where resolution problems are shown', () => {
  let reactor: ResolvedReactor;
  before(async () => {
    reactor = await resolveFixtureWorkspace();
  });

  it('puts a missing pom on the <dependency> that brings it in, once, and leaves malformed workspace poms to the XML check', () => {
    const places = resolutionProblemPlaces([reactor], noParent);
    const webPom = join(workspaceDir, 'catalog-web', 'pom.xml');
    assert.deepEqual(
      places.map(({ pomPath, severity, code }) => [pomPath, severity, code]),
      [[webPom, 'warning', 'missing-pom']],
    );
    const [place] = places;
    assert.ok(place);
    const element = readFileSync(webPom, 'utf8').slice(place.range.start, place.range.end);
    assert.match(element, /^<dependency>\s*<groupId>org\.example\.libs<\/groupId>\s*<artifactId>ghost-lib<\/artifactId>[\s\S]*<\/dependency>$/);
    assert.match(place.message, /The POM for org\.example\.libs:ghost-lib:jar:0\.9 is missing/);
  });

  describe('a parent that is nowhere to be found', () => {
    let dir: string;
    before(() => {
      dir = tempDir('places');
      writeFileSync(
        join(dir, 'pom.xml'),
        '<project>\n  <modelVersion>4.0.0</modelVersion>\n  <parent>\n    <groupId>g</groupId>\n    <artifactId>absent</artifactId>\n    <version>1</version>\n    <relativePath/>\n  </parent>\n  <artifactId>orphan</artifactId>\n</project>\n',
      );
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('is an error on the module pom\'s <parent>', async () => {
      const orphan = await resolveReactorAt(dir, join(dir, 'empty-repository'));
      assert.equal(orphan.modules[0]?.resolution, undefined, 'a module whose parent is missing is not resolved');
      const places = resolutionProblemPlaces([orphan], noParent);
      assert.equal(places.length, 1, JSON.stringify(places));
      const [place] = places;
      assert.equal(place?.severity, 'error');
      assert.equal(place?.pomPath, join(dir, 'pom.xml'));
      assert.match(readFileSync(join(dir, 'pom.xml'), 'utf8').slice(place?.range.start, place?.range.end), /^<parent>[\s\S]*<\/parent>$/);
    });
  });
});
