import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { collectDependencies } from '../../../src/core/resolve/collector';
import { resolveConflicts } from '../../../src/core/resolve/conflictResolver';
import { dependencyTreeText } from '../../../src/core/report/dependencyTreeText';
import { fixturePath } from '../helpers/paths';
import { readGraphFixture } from './graphFixture';

const directory = fixturePath('resolve');

function treeOf(file: string, verbose: boolean): string {
  const fixture = readGraphFixture(`${directory}/${file}`);
  const collected = collectDependencies(fixture.request, fixture.source);
  resolveConflicts(collected.root, verbose);
  return dependencyTreeText({ node: collected.root, projectArtifact: fixture.projectArtifact }, verbose);
}

describe('dependency mediation, graph in and tree out (test/fixtures/resolve/*.txt)', () => {
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.txt')).sort()) {
    const fixture = readGraphFixture(`${directory}/${file}`);
    if (fixture.expectedVerbose !== undefined) {
      it(`${file}: verbose tree`, () => assert.equal(treeOf(file, true), fixture.expectedVerbose));
    }
    if (fixture.expectedTree !== undefined) {
      it(`${file}: tree`, () => assert.equal(treeOf(file, false), fixture.expectedTree));
    }
  }
});
