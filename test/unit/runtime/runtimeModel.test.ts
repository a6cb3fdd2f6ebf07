import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runtimeCatalog } from '../../../src/core/runtime/runtimeConfig';
import { FLINK_PARENT_FIRST_PATTERNS, parentFirstPatternOf, RUNTIME_PRESETS, runtimeLoadsFirst } from '../../../src/core/runtime/runtimeDefinition';
import { parseJsonWithComments } from '../../../src/core/workspace/jsonWithComments';

describe('runtime presets', () => {
  it('flink loads child-first with Flink parent-first-patterns.default; spark parent-first; spark-user-first child-first', () => {
    const flink = RUNTIME_PRESETS.get('flink')!;
    assert.equal(flink.order, 'child-first');
    assert.deepEqual(flink.parentFirstPatterns, FLINK_PARENT_FIRST_PATTERNS);
    for (const pattern of ['java.', 'scala.', 'org.apache.flink.', 'org.apache.hadoop.', 'org.slf4j', 'ch.qos.logback']) assert.ok(flink.parentFirstPatterns.includes(pattern), pattern);
    assert.equal(RUNTIME_PRESETS.get('spark')!.order, 'parent-first');
    assert.equal(RUNTIME_PRESETS.get('spark-user-first')!.order, 'child-first');
    assert.deepEqual(RUNTIME_PRESETS.get('spark-user-first')!.parentFirstPatterns, ['java.']);
  });

  it('decides per class which copy loads first', () => {
    const flink = RUNTIME_PRESETS.get('flink')!;
    assert.equal(parentFirstPatternOf(flink, 'org.apache.hadoop.conf.Configuration'), 'org.apache.hadoop.');
    assert.equal(parentFirstPatternOf(flink, 'org.slf4j.Logger'), 'org.slf4j');
    assert.equal(parentFirstPatternOf(flink, 'com.google.common.base.Strings'), undefined);
    assert.equal(runtimeLoadsFirst(flink, 'org.apache.flink.api.common.functions.MapFunction'), true);
    assert.equal(runtimeLoadsFirst(flink, 'com.example.text.TextUtils'), false);
    assert.equal(runtimeLoadsFirst(RUNTIME_PRESETS.get('spark')!, 'com.example.text.TextUtils'), true);
    assert.equal(runtimeLoadsFirst(RUNTIME_PRESETS.get('spark-user-first')!, 'com.example.text.TextUtils'), false);
    assert.equal(runtimeLoadsFirst(RUNTIME_PRESETS.get('spark-user-first')!, 'java.lang.String'), true);
  });
});

describe('jarscope.runtimes definitions', () => {
  it('extends a preset with libs and additional parent-first patterns', () => {
    const catalog = runtimeCatalog({ prod: { preset: 'flink', libs: ['/opt/flink/lib'], additionalParentFirstPatterns: ['com.example.text.'] } }, 'settings');
    assert.deepEqual(catalog.problems, []);
    const prod = catalog.definitions.get('prod')!;
    assert.equal(prod.order, 'child-first');
    assert.deepEqual(prod.libs, ['/opt/flink/lib']);
    assert.deepEqual(prod.parentFirstPatterns, [...FLINK_PARENT_FIRST_PATTERNS, 'com.example.text.']);
    assert.ok(catalog.definitions.has('flink') && catalog.definitions.has('spark'), 'the presets stay available');
  });

  it('replaces the patterns, sets the order, and defaults to parent-first without a preset', () => {
    const catalog = runtimeCatalog({ a: { libs: 'lib', parentFirstPatterns: ['org.x.'] }, b: { preset: 'spark', order: 'child-first' } }, 'settings');
    assert.deepEqual(catalog.definitions.get('a'), { name: 'a', libs: ['lib'], order: 'parent-first', parentFirstPatterns: ['org.x.'] });
    assert.equal(catalog.definitions.get('b')!.order, 'child-first');
  });

  it('names the source and the runtime of each wrong value, keeping the rest', () => {
    const catalog = runtimeCatalog({ bad: { preset: 'jboss' }, odd: { order: 'sideways', libs: [1] }, list: [], ok: { libs: ['x'] } }, '/w/.vscode/settings.json');
    assert.equal(catalog.definitions.has('bad'), false);
    assert.equal(catalog.definitions.has('list'), false);
    assert.ok(catalog.definitions.has('ok'));
    assert.equal(catalog.definitions.get('odd')!.order, 'parent-first');
    assert.ok(catalog.problems.some((problem) => problem.includes('runtime "bad"') && problem.includes('unknown preset "jboss"') && problem.startsWith('/w/.vscode/settings.json')));
    assert.ok(catalog.problems.some((problem) => problem.includes('runtime "odd"') && problem.includes('order must be')));
    assert.ok(catalog.problems.some((problem) => problem.includes('runtime "odd"') && problem.includes('libs must be a list of strings')));
    assert.ok(catalog.problems.some((problem) => problem.includes('runtime "list"')));
    assert.match(runtimeCatalog('nope', 's').problems[0] ?? '', /must be an object/);
  });
});

describe('settings JSON with comments', () => {
  it('accepts comments and trailing commas, and keeps comment-like text inside strings', () => {
    const parsed = parseJsonWithComments('{\n  // a comment\n  "a": "http://x/*y*/", /* block */\n  "b": [1, 2,],\n}\n');
    assert.deepEqual(parsed, { ok: true, value: { a: 'http://x/*y*/', b: [1, 2] } });
    assert.deepEqual(parseJsonWithComments('{"s": "a, }"}'), { ok: true, value: { s: 'a, }' } });
  });

  it('reports the line of a syntax error', () => {
    const parsed = parseJsonWithComments('{\n  "a": 1\n  "b": 2\n}');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.equal(parsed.error.line, 3);
  });
});
