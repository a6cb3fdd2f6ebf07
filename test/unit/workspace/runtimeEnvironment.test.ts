import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runtimeEnvironment } from '../../../src/core/workspace/runtimeEnvironment';
import { tempDir } from '../helpers/tempDir';

/** A JDK folder as far as Maven's properties go: its `release` file (and, for Java 8, a `jre` folder). */
function fakeJdk(version: string, withJre: boolean): string {
  const home = tempDir('jdk');
  writeFileSync(join(home, 'release'), `IMPLEMENTOR="test"\nJAVA_VERSION="${version}"\n`);
  if (withJre) mkdirSync(join(home, 'jre'));
  return home;
}

describe('the JVM properties Maven exposes to poms', () => {
  it('java.version and java.home of $JAVA_HOME (the JDK itself from Java 9 on)', () => {
    const home = fakeJdk('17.0.15', false);
    const { systemProperties, jdkVersion } = runtimeEnvironment({ JAVA_HOME: home, PATH: '' }, new Map());
    assert.equal(jdkVersion, '17.0.15');
    assert.equal(systemProperties.get('java.version'), '17.0.15');
    assert.equal(systemProperties.get('java.home'), home);
  });

  it('java.home is the jre folder of a Java 8 JDK', () => {
    const home = fakeJdk('1.8.0_402', true);
    const { systemProperties } = runtimeEnvironment({ JAVA_HOME: home, PATH: '' }, new Map());
    assert.equal(systemProperties.get('java.home'), join(home, 'jre'));
  });

  it('no JDK found: no java.home, and -D overrides what was found', () => {
    const none = runtimeEnvironment({ PATH: '' }, new Map());
    assert.equal(none.systemProperties.has('java.home'), false);
    const home = fakeJdk('21.0.2', false);
    const overridden = runtimeEnvironment({ JAVA_HOME: home, PATH: '' }, new Map([['java.home', '/opt/other']]));
    assert.equal(overridden.systemProperties.get('java.home'), '/opt/other');
  });

  it('the JVM and Maven properties real Maven 3.8.7 on Debian\'s OpenJDK 17 gave the same ${…} expressions', () => {
    const { systemProperties } = runtimeEnvironment({ JAVA_HOME: fakeJdk('17.0.21.1', false), PATH: '' }, new Map());
    assert.equal(systemProperties.get('maven.version'), '3.8.7');
    assert.equal(systemProperties.get('maven.build.version'), 'Apache Maven 3.8.7');
    assert.equal(systemProperties.get('java.specification.version'), '17');
    assert.equal(systemProperties.get('java.vendor'), 'test', 'the release file\'s IMPLEMENTOR');
    assert.equal(systemProperties.get('sun.arch.data.model'), '64');
    assert.equal(systemProperties.get('java.io.tmpdir'), '/tmp');
    assert.equal(runtimeEnvironment({ JAVA_HOME: fakeJdk('1.8.0_402', true), PATH: '' }, new Map()).systemProperties.get('java.specification.version'), '1.8');
  });

  it('maven.home and maven.conf of the mvn on PATH, through its symlink (Debian: /usr/share/maven)', () => {
    const dir = tempDir('maven-home');
    mkdirSync(join(dir, 'maven', 'bin'), { recursive: true });
    writeFileSync(join(dir, 'maven', 'bin', 'mvn'), '');
    mkdirSync(join(dir, 'usr-bin'));
    symlinkSync(join(dir, 'maven', 'bin', 'mvn'), join(dir, 'usr-bin', 'mvn'));
    const { systemProperties } = runtimeEnvironment({ PATH: join(dir, 'usr-bin') }, new Map());
    assert.equal(systemProperties.get('maven.home'), join(dir, 'maven'));
    assert.equal(systemProperties.get('maven.conf'), join(dir, 'maven', 'conf'));
  });
});
