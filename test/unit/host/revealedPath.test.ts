import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PathStep } from '../../../src/core/analysis/finding';
import { revealedPath } from '../../../src/host/views/revealedPath';

const app: PathStep = { groupId: 'com.example', artifactId: 'app', version: '1.0' };
const step = (artifactId: string, version: string): PathStep => ({ groupId: 'org.example', artifactId, version });

describe('the path "Show in Dependencies view" reveals', () => {
  const selected = [app, step('log-api', '2.0')];
  const olderLoser = [app, step('http-client', '1.0'), step('log-api', '1.0')];
  const newerLoser = [app, step('cache', '1.0'), step('log-api', '3.0')];

  it('is, for a version conflict, the first loser newer than the selected version: the diagnostic is on its <dependency>', () => {
    assert.equal(revealedPath({ code: 'version-conflict', paths: [selected, olderLoser, newerLoser] }), newerLoser);
  });

  it('is, for a version conflict with only older losers, the first loser', () => {
    assert.equal(revealedPath({ code: 'version-conflict', paths: [selected, olderLoser] }), olderLoser);
  });

  it('is the selected path when no loser is listed, and the first path of other findings', () => {
    assert.equal(revealedPath({ code: 'version-conflict', paths: [selected] }), selected);
    assert.equal(revealedPath({ code: 'unresolved-artifact', paths: [olderLoser, selected] }), olderLoser);
    assert.equal(revealedPath({ code: 'unresolved-artifact', paths: [] }), undefined);
  });
});
