import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadJdkClassIndex } from '../../../src/core/jdk/jdkClassIndex';
import { jdkPackagesFile } from '../../../src/core/jdk/jdkPackagesCache';
import { tempDir } from '../helpers/tempDir';
import { writeJImage, type JImageResourceSpec } from './jimageWriter';

function resource(module: string, binaryName: string): JImageResourceSpec {
  const slash = binaryName.lastIndexOf('/');
  return { module, parent: binaryName.slice(0, slash), base: binaryName.slice(slash + 1), extension: 'class', data: Buffer.from(binaryName) };
}

function jdkHome(resources: JImageResourceSpec[]): string {
  const home = tempDir('jdk');
  mkdirSync(join(home, 'lib'));
  writeFileSync(join(home, 'lib', 'modules'), writeJImage(resources));
  writeFileSync(join(home, 'release'), 'JAVA_VERSION="21.0.1"\n');
  return home;
}

async function answers(home: string, packagesFile: string, names: readonly string[]): Promise<(string | undefined)[]> {
  const jdk = await loadJdkClassIndex(home, packagesFile);
  try {
    return names.map((name) => jdk.moduleOf(name));
  } finally {
    await jdk.close();
  }
}

describe('the kept package table of a JDK image', () => {
  const names = ['a/One', 'b/Two', 'c/Three'];

  it('is written on the first load and gives the same answers on the next', async () => {
    const home = jdkHome([resource('m.one', 'a/One'), resource('m.two', 'b/Two')]);
    const file = jdkPackagesFile(join(tempDir('cache'), 'nested'));
    const first = await answers(home, file, names);
    assert.deepEqual(first, ['m.one', 'm.two', undefined]);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { packages: [string, string[]][] };
    assert.deepEqual([...kept.packages].sort(), [['a', ['m.one']], ['b', ['m.two']]]);
    assert.deepEqual(await answers(home, file, names), first);
    // The next load reads the table from the file: one that names another module for a/ is believed.
    writeFileSync(file, JSON.stringify({ ...kept, packages: [['a', ['m.other']], ['b', ['m.two']]] }));
    assert.deepEqual(await answers(home, file, names), [undefined, 'm.two', undefined]);
  });

  it('is not used for another version of the image, nor when it is not a table', async () => {
    const home = jdkHome([resource('m.one', 'a/One')]);
    const file = jdkPackagesFile(tempDir('cache'));
    assert.deepEqual(await answers(home, file, names), ['m.one', undefined, undefined]);
    // The image changes (a JDK update): a table kept for the old one would hide c/Three.
    const image = join(home, 'lib', 'modules');
    writeFileSync(image, writeJImage([resource('m.one', 'a/One'), resource('m.three', 'c/Three')]));
    utimesSync(image, new Date(), new Date(Date.now() + 5000));
    assert.deepEqual(await answers(home, file, names), ['m.one', undefined, 'm.three']);
    writeFileSync(file, '{"format":1,"packages":[["a",[1]]]');
    assert.deepEqual(await answers(home, file, names), ['m.one', undefined, 'm.three']);
  });
});
