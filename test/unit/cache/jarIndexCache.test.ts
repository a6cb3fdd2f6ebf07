import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ClassSummary } from '../../../src/core/analysis/classSummary';
import { indexJar } from '../../../src/core/archive/openJar';
import { JarIndexCache, type CachedJar } from '../../../src/core/cache/jarIndexCache';
import { fixturePath } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

const cosJar = fixturePath('incidents', 'hadoop-cos', 'repo', 'org', 'apache', 'hadoop', 'hadoop-cos', '3.3.0', 'hadoop-cos-3.3.0.jar');

function summary(name: string): ClassSummary {
  return { name, superClass: 'java/lang/Object', interfaces: [], fields: ['f:I'], methods: ['m()V'], referencedClasses: ['a/B'], memberReferences: [{ kind: 'method', owner: 'a/B', name: 'run', descriptor: '()V' }] };
}

async function freshJar(): Promise<CachedJar> {
  const index = await indexJar(cosJar);
  return { path: cosJar, size: index.size, mtimeMs: index.mtimeMs, index, failure: undefined, classes: new Map(), classesLoaded: true };
}

describe('JarIndexCache writes', () => {
  it('writes a jar in the background as its classes come, one write after the other, and flush waits for them', async () => {
    const dir = tempDir('cache');
    const cache = new JarIndexCache(dir);
    const jar = await freshJar();
    cache.put(jar);
    cache.addClasses(jar, [['a/One.class', summary('a/One')]]);
    cache.writeSoon(jar.path);
    // More classes while that write is under way: the second write follows the first.
    cache.addClasses(jar, [['a/Two.class', summary('a/Two')], ['a/Bad.class', { error: 'truncated' }]]);
    cache.writeSoon(jar.path);
    await cache.flush();
    assert.deepEqual(readdirSync(join(dir, 'jars')).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left behind');

    const again = new JarIndexCache(dir);
    const read = await again.get(jar.path, jar.size, jar.mtimeMs);
    assert.ok(read !== undefined);
    await again.loadClasses(read);
    assert.deepEqual([...read.classes], [...jar.classes]);
  });

  it('keeps every write for flush when told not to write as classes are parsed', async () => {
    const dir = tempDir('cache');
    const cache = new JarIndexCache(dir, { writeAsParsed: false });
    const jar = await freshJar();
    cache.put(jar);
    cache.addClasses(jar, [['a/One.class', summary('a/One')]]);
    cache.writeSoon(jar.path);
    // Give a background write every chance to start: there must be none.
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(readdirSync(dir), [], 'nothing written before flush');
    await cache.flush();
    assert.equal(readdirSync(join(dir, 'jars')).length, 2, 'the index and the classes file');
  });

  it('writes no classes file for a jar none of whose classes was parsed', async () => {
    const dir = tempDir('cache');
    const cache = new JarIndexCache(dir);
    cache.put(await freshJar());
    await cache.flush();
    const files = readdirSync(join(dir, 'jars'));
    assert.equal(files.length, 1);
    assert.ok(files[0]!.endsWith('.json'));
  });
});
