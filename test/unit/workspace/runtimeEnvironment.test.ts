import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
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

  it('maven.version is the Maven jarscope answers as (real Maven 3.8.7 interpolates ${maven.version} to 3.8.7)', () => {
    assert.equal(runtimeEnvironment({ PATH: '' }, new Map()).systemProperties.get('maven.version'), '3.8.7');
  });
});
