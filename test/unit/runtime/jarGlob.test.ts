import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandLib, expandPath, globRegExp } from '../../../src/core/runtime/jarGlob';
import { fixturePath } from '../helpers/paths';

const job = fixturePath('runtime', 'flink-job');

describe('runtime lib globs', () => {
  it('matches *, ** and ? by path segment', () => {
    assert.ok(globRegExp('lib/*.jar').test('lib/a.jar'));
    assert.ok(!globRegExp('lib/*.jar').test('lib/x/a.jar'));
    assert.ok(globRegExp('**/*.jar').test('a.jar'));
    assert.ok(globRegExp('**/*.jar').test('x/y/a.jar'));
    assert.ok(globRegExp('lib/connector-?.jar').test('lib/connector-1.jar'));
    assert.ok(!globRegExp('lib/connector-?.jar').test('lib/connector-12.jar'));
    assert.ok(!globRegExp('a.b').test('axb'), 'dots are literal');
  });

  it('expands ~ and relative paths', () => {
    assert.equal(expandPath('~/flink/lib', '/w'), join(homedir(), 'flink', 'lib'));
    assert.equal(expandPath('lib', '/w'), '/w/lib');
    assert.equal(expandPath('/opt/lib', '/w'), '/opt/lib');
  });

  it('reads a folder as its jars, sorted, and globs across folders', () => {
    assert.deepEqual(expandLib('flink/lib', job).jars, [join(job, 'flink', 'lib', 'flink-dist-1.17.0.jar'), join(job, 'flink', 'lib', 'text-utils-1.0.jar')]);
    assert.deepEqual(expandLib('flink/*/text-*.jar', job).jars, [join(job, 'flink', 'lib', 'text-utils-1.0.jar')]);
    const all = expandLib('**/*.jar', job).jars;
    assert.ok(all.includes(join(job, 'repo', 'com', 'example', 'text', 'text-utils', '2.0', 'text-utils-2.0.jar')));
    assert.ok(all.includes(join(job, 'flink', 'lib', 'flink-dist-1.17.0.jar')));
    assert.deepEqual(expandLib(join(job, 'flink', 'lib', 'text-utils-1.0.jar'), '/elsewhere').jars, [join(job, 'flink', 'lib', 'text-utils-1.0.jar')]);
  });

  it('says why an entry gives no jars: missing, empty, matching nothing', () => {
    const bad = fixturePath('runtime', 'bad-libs');
    assert.match(expandLib('missing', bad).problem ?? '', /bad-libs\/missing does not exist/);
    assert.match(expandLib('empty', bad).problem ?? '', /bad-libs\/empty has no \.jar files/);
    assert.match(expandLib('**/*-none.jar', bad).problem ?? '', /matches no \.jar file/);
    assert.match(expandLib('nowhere/*/x.jar', bad).problem ?? '', /nowhere does not exist/);
  });
});
