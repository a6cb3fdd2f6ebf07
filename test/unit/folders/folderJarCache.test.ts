import assert from 'node:assert/strict';
import { cpSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { JarIndexCache } from '../../../src/core/cache/jarIndexCache';
import { readJarFolder, type JarFolder } from '../../../src/core/folders/jarFolder';
import { fixturePath } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

/** Each jar's file name and identity, and the problems' messages: what the folder findings read. */
function summary(folder: JarFolder): { jars: string[]; problems: string[] } {
  const jars = folder.jars.map(({ fileName, identity, index }) => `${fileName} ${identity.artifact.groupId}:${identity.artifact.artifactId}:${identity.artifact.version} (${identity.artifact.source}, ${identity.pomProperties.length} pom.properties, ${index.entries.length} entries)`);
  return { jars: jars.sort(), problems: folder.problems.map((problem) => problem.message).sort() };
}

// A whole second: a modification time set back exactly (a Date keeps milliseconds only).
const FIXED_TIME = new Date('2026-01-02T03:04:05Z');

/** Overwrites a file with as many zero bytes, keeping its modification time: only a reader that opens it sees the change. */
function garbleKeepingVersion(path: string): void {
  writeFileSync(path, Buffer.alloc(statSync(path).size));
  utimesSync(path, FIXED_TIME, FIXED_TIME);
}

describe('jar folders through the jar cache', () => {
  it('reads an unchanged jar once: its index and identity come from the cache folder afterwards', async () => {
    const lib = join(tempDir('folder-cache'), 'lib');
    cpSync(fixturePath('folders', 'workspace', 'lib'), lib, { recursive: true });
    for (const name of readdirSync(lib)) utimesSync(join(lib, name), FIXED_TIME, FIXED_TIME);
    const cacheDir = tempDir('folder-cache-dir');
    const uncached = await readJarFolder(lib);
    const first = new JarIndexCache(cacheDir);
    assert.deepEqual(summary(await readJarFolder(lib, { cache: first })), summary(uncached));
    await first.flush();
    assert.ok(readdirSync(join(cacheDir, 'jars')).length > 0, 'the cache folder is written');

    const jar = join(lib, 'connector-a-1.1.jar');
    garbleKeepingVersion(jar);
    assert.ok((await readJarFolder(lib)).problems.some((problem) => problem.path === jar), 'read afresh, the garbled jar is a problem');
    // Same path, size and modification time: the cache answers, the jar is not opened.
    assert.deepEqual(summary(await readJarFolder(lib, { cache: new JarIndexCache(cacheDir) })), summary(uncached));

    // A new modification time is a new version of the jar: read again.
    utimesSync(jar, FIXED_TIME, new Date(FIXED_TIME.getTime() + 5000));
    const changed = await readJarFolder(lib, { cache: new JarIndexCache(cacheDir) });
    assert.ok(changed.problems.some((problem) => problem.path === jar), 'a changed jar is read again');
  });

  it('reports a jar that cannot be read from the cache as it was first reported', async () => {
    const cacheDir = tempDir('folder-cache-dir');
    const lib = fixturePath('folders', 'workspace', 'lib');
    const first = new JarIndexCache(cacheDir);
    const fresh = await readJarFolder(lib, { cache: first });
    await first.flush();
    const cached = await readJarFolder(lib, { cache: new JarIndexCache(cacheDir) });
    assert.ok(fresh.problems.some((problem) => problem.path.endsWith('corrupt-1.0.jar')), 'the fixture holds a corrupt jar');
    assert.deepEqual(summary(cached).problems, summary(fresh).problems);
  });
});
