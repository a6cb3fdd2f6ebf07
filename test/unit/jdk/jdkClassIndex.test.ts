import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseClassFile } from '../../../src/core/classfile/parseClassFile';
import { loadJdkClassIndex } from '../../../src/core/jdk/jdkClassIndex';
import { JdkError } from '../../../src/core/jdk/jdkError';
import { tempDir } from '../helpers/tempDir';
import { writeZip } from '../archive/zipWriter';
import { fixturePath } from '../helpers/paths';
import { writeJImage, type JImageResourceSpec } from './jimageWriter';

const JDK17 = '/usr/lib/jvm/java-17-openjdk-amd64';
const noJdk17 = existsSync(join(JDK17, 'lib', 'modules')) ? false : `no JDK 17 at ${JDK17}`;
const legacyClass = readFileSync(fixturePath('classfile', 'classes', 'java8', 'legacy', 'Legacy.class'));
const pointClass = readFileSync(fixturePath('classfile', 'classes', 'java17', 'sample', 'Point.class'));

/** A JDK home holding `image` as lib/modules and a release file. */
function fakeJdkHome(image: Buffer, version = '21.0.1'): string {
  const home = tempDir('jdk');
  mkdirSync(join(home, 'lib'));
  writeFileSync(join(home, 'lib', 'modules'), image);
  writeFileSync(join(home, 'release'), `IMPLEMENTOR="test"\nJAVA_VERSION="${version}"\nMODULES="java.base test.mod"\n`);
  return home;
}

function classResource(module: string, binaryName: string, data: Buffer, compressWith?: string): JImageResourceSpec {
  const slash = binaryName.lastIndexOf('/');
  return { module, parent: binaryName.slice(0, slash), base: binaryName.slice(slash + 1), extension: 'class', data, compressWith };
}

async function assertJdkError(promise: Promise<unknown>, reason: JdkError['reason']): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof JdkError && error.reason === reason);
}

describe('loadJdkClassIndex on the installed JDK 17', () => {
  it('knows public and internal classes and their modules', { skip: noJdk17 }, async () => {
    const jdk = await loadJdkClassIndex(JDK17);
    try {
      assert.equal(jdk.source, 'jimage');
      assert.equal(jdk.release.featureVersion, 17);
      assert.match(jdk.release.version ?? '', /^17\./);
      assert.ok(jdk.has('java/lang/String'));
      assert.ok(jdk.has('java/util/Map$Entry'));
      assert.ok(jdk.has('jdk/internal/misc/Unsafe'));
      assert.ok(jdk.has('sun/misc/Unsafe'));
      assert.equal(jdk.moduleOf('sun/misc/Unsafe'), 'jdk.unsupported');
      assert.equal(jdk.moduleOf('java/lang/String'), 'java.base');
      assert.ok(!jdk.has('org/apache/Foo'));
      assert.ok(!jdk.has('java/lang/NoSuchThing'));
      assert.ok(!jdk.has('Unnamed'));
    } finally {
      await jdk.close();
    }
  });

  it("reads java/lang/Object's bytes, which the class parser reads", { skip: noJdk17 }, async () => {
    const jdk = await loadJdkClassIndex(JDK17);
    try {
      const object = parseClassFile((await jdk.readClass('java/lang/Object'))!);
      assert.equal(object.thisClass, 'java/lang/Object');
      assert.equal(object.superClass, undefined);
      assert.equal(object.majorVersion, 61);
      assert.ok(object.methods.some((m) => m.name === 'hashCode' && m.descriptor === '()I'));
      assert.equal(await jdk.readClass('org/apache/Foo'), undefined);
    } finally {
      await jdk.close();
    }
  });

  it('lists every class, and each one it lists is found', { skip: noJdk17 }, async () => {
    const jdk = await loadJdkClassIndex(JDK17);
    try {
      const names = [...jdk.classNames()];
      assert.ok(names.length > 20_000, `${names.length} classes`);
      assert.ok(names.includes('jdk/internal/misc/Unsafe'));
      assert.ok(!names.some((n) => n.endsWith('module-info')));
      for (let i = 0; i < names.length; i += 97) assert.ok(jdk.has(names[i]!), names[i]);
    } finally {
      await jdk.close();
    }
  });
});

describe('loadJdkClassIndex on written images', () => {
  it('finds classes through the redirect table and the package list, compressed or not', async () => {
    const home = fakeJdkHome(
      writeJImage([
        classResource('java.base', 'legacy/Legacy', legacyClass),
        classResource('test.mod', 'sample/Point', pointClass, 'zip'),
        ...Array.from({ length: 40 }, (_, i) => classResource('java.base', `pkg${i % 3}/C${i}`, Buffer.from([i]))),
        { module: 'java.base', parent: '', base: 'module-info', extension: 'class', data: Buffer.from('m') },
      ]),
    );
    const jdk = await loadJdkClassIndex(home);
    try {
      assert.equal(jdk.release.featureVersion, 21);
      assert.ok(jdk.has('legacy/Legacy'));
      assert.ok(jdk.has('pkg2/C38'));
      assert.ok(!jdk.has('pkg2/C37'), 'C37 is in pkg1');
      assert.equal(jdk.moduleOf('sample/Point'), 'test.mod');
      assert.deepEqual(await jdk.readClass('legacy/Legacy'), legacyClass);
      assert.deepEqual(await jdk.readClass('sample/Point'), pointClass, 'zip-compressed resource inflated');
      assert.deepEqual(await jdk.readClass('pkg1/C4'), Buffer.from([4]));
      assert.equal([...jdk.classNames()].length, 42);
    } finally {
      await jdk.close();
    }
  });

  it('says clearly when a resource uses a compression it cannot undo', async () => {
    const home = fakeJdkHome(writeJImage([classResource('java.base', 'sample/Point', pointClass, 'compact-cp')]));
    const jdk = await loadJdkClassIndex(home);
    try {
      assert.ok(jdk.has('sample/Point'));
      await assertJdkError(jdk.readClass('sample/Point'), 'compression-unsupported');
    } finally {
      await jdk.close();
    }
  });

  it('rejects a file that is not a jimage, a cut-off one, and a home without classes', async () => {
    await assertJdkError(loadJdkClassIndex(fakeJdkHome(Buffer.from('<html>this is not a run-time image at all</html>'))), 'bad-magic');
    const image = writeJImage([classResource('java.base', 'legacy/Legacy', legacyClass)]);
    await assertJdkError(loadJdkClassIndex(fakeJdkHome(image.subarray(0, 60))), 'truncated');
    await assertJdkError(loadJdkClassIndex(tempDir('empty')), 'no-class-source');
  });
});

describe('loadJdkClassIndex on a JDK 8 layout', () => {
  it('reads jre/lib/rt.jar and the ext jars, and the 1.8 version scheme', async () => {
    const home = tempDir('jdk8');
    mkdirSync(join(home, 'jre', 'lib', 'ext'), { recursive: true });
    writeFileSync(join(home, 'release'), 'JAVA_VERSION="1.8.0_392"\n');
    writeFileSync(join(home, 'jre', 'lib', 'rt.jar'), writeZip([{ name: 'legacy/Legacy.class', data: legacyClass, method: 'deflated' }]));
    writeFileSync(join(home, 'jre', 'lib', 'ext', 'extra.jar'), writeZip([{ name: 'sample/Point.class', data: pointClass }]));
    const jdk = await loadJdkClassIndex(home);
    try {
      assert.equal(jdk.source, 'rt.jar');
      assert.equal(jdk.release.featureVersion, 8);
      assert.ok(jdk.has('legacy/Legacy'));
      assert.ok(jdk.has('sample/Point'));
      assert.ok(!jdk.has('java/lang/String'), 'only what the jars hold');
      assert.equal(jdk.moduleOf('legacy/Legacy'), undefined);
      assert.deepEqual(await jdk.readClass('legacy/Legacy'), legacyClass);
      assert.deepEqual([...jdk.classNames()].sort(), ['legacy/Legacy', 'sample/Point']);
    } finally {
      await jdk.close();
    }
  });
});
