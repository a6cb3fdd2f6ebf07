import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ArchiveEntry } from '../../../src/core/archive/archiveEntry';
import type { IndexedEntry } from '../../../src/core/analysis/classpathIndexer';
import type { ScopeView } from '../../../src/core/analysis/moduleContext';
import { deployedView } from '../../../src/core/runtime/deployedView';
import type { PreparedRuntime } from '../../../src/core/runtime/preparedRuntime';
import type { RuntimeDefinition } from '../../../src/core/runtime/runtimeDefinition';
import { readWorkspaceRuntimeSettings } from '../../../src/core/runtime/workspaceRuntimeSettings';

function indexed(path: string, classes: string[]): IndexedEntry {
  return { path, index: undefined, failure: undefined, problems: [], classes: new Map(classes.map((name) => [name, {} as ArchiveEntry])) };
}

// The job: own classes, then a jar with a shaded-looking Guava and a Hadoop class; the runtime: one jar with both.
const job: ScopeView = {
  scope: 'runtime',
  elements: [
    { element: { file: 'target/classes', exists: true, node: undefined, nodePath: [] }, indexed: indexed('target/classes', ['com/example/Job']) },
    { element: { file: 'lib.jar', exists: true, node: undefined, nodePath: [] }, indexed: indexed('lib.jar', ['com/google/common/base/Strings', 'org/apache/hadoop/conf/Configuration']) },
  ],
  definers: new Map([
    ['com/example/Job', [0]],
    ['com/google/common/base/Strings', [1]],
    ['org/apache/hadoop/conf/Configuration', [1]],
  ]),
};

function runtime(order: RuntimeDefinition['order'], parentFirstPatterns: string[]): PreparedRuntime {
  const definition: RuntimeDefinition = { name: 'r', libs: ['lib'], order, parentFirstPatterns };
  return { definition, problems: [], jars: [{ file: 'r.jar', indexed: indexed('r.jar', ['com/google/common/base/Strings', 'org/apache/hadoop/conf/Configuration', 'org/apache/flink/Api']) }] };
}

describe('the deployed class space', () => {
  it('child-first: the job first, except classes of a parent-first pattern', () => {
    const view = deployedView(job, runtime('child-first', ['java.', 'org.apache.hadoop.']));
    assert.equal(view.jobCount, 2);
    assert.equal(view.elements.length, 3);
    assert.deepEqual(view.definers.get('com/google/common/base/Strings'), [1, 2]);
    assert.deepEqual(view.definers.get('org/apache/hadoop/conf/Configuration'), [2, 1]);
    assert.deepEqual(view.definers.get('org/apache/flink/Api'), [2]);
    assert.deepEqual(view.definers.get('com/example/Job'), [0]);
    assert.deepEqual(job.definers.get('org/apache/hadoop/conf/Configuration'), [1], 'the job view is left as it was');
  });

  it('parent-first: the runtime first for every class both define', () => {
    const view = deployedView(job, runtime('parent-first', ['java.']));
    assert.deepEqual(view.definers.get('com/google/common/base/Strings'), [2, 1]);
    assert.deepEqual(view.definers.get('org/apache/hadoop/conf/Configuration'), [2, 1]);
  });
});

describe('DIR/.vscode/settings.json for the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jarscope-runtime-settings-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is optional', () => {
    assert.deepEqual(readWorkspaceRuntimeSettings(join(dir, 'none')), { file: undefined, runtimes: undefined, runtime: undefined, warnings: [] });
  });

  it('gives the runtimes and the default runtime, and a malformed file is a warning naming it', () => {
    mkdirSync(join(dir, '.vscode'));
    const file = join(dir, '.vscode', 'settings.json');
    writeFileSync(file, '{ "jarscope.runtime": "prod", "jarscope.runtimes": { "prod": { "preset": "flink", }, }, }');
    const good = readWorkspaceRuntimeSettings(dir);
    assert.equal(good.runtime, 'prod');
    assert.deepEqual(good.runtimes, { prod: { preset: 'flink' } });
    writeFileSync(file, '{\n  "jarscope.runtimes": {\n    "prod" { }\n}');
    const bad = readWorkspaceRuntimeSettings(dir);
    assert.equal(bad.runtimes, undefined);
    assert.equal(bad.warnings.length, 1);
    assert.ok(bad.warnings[0]!.startsWith(`${file} is not valid JSON (line 3)`), bad.warnings[0]);
  });
});
