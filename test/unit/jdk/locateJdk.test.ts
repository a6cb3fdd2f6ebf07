import assert from 'node:assert/strict';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseReleaseFile } from '../../../src/core/jdk/jdkRelease';
import { locateJdk } from '../../../src/core/jdk/locateJdk';
import { tempDir } from '../helpers/tempDir';

/** A directory shaped like a JDK 9+ home (lib/modules and bin/java, contents irrelevant). */
function modularHome(): string {
  const home = tempDir('home');
  mkdirSync(join(home, 'lib'));
  mkdirSync(join(home, 'bin'));
  writeFileSync(join(home, 'lib', 'modules'), '');
  writeFileSync(join(home, 'bin', 'java'), '');
  return home;
}

describe('locateJdk', () => {
  it('prefers the explicit home, then JAVA_HOME', async () => {
    const explicit = modularHome();
    const fromEnv = modularHome();
    assert.deepEqual(await locateJdk({ javaHome: explicit, env: { JAVA_HOME: fromEnv } }), { found: true, home: explicit, source: 'option' });
    assert.deepEqual(await locateJdk({ env: { JAVA_HOME: fromEnv, PATH: '' } }), { found: true, home: fromEnv, source: 'JAVA_HOME' });
  });

  it('follows `java` on PATH through symbolic links to its home, skipping a JAVA_HOME that is no JDK', async () => {
    const home = modularHome();
    const bin = tempDir('bin');
    const alternatives = tempDir('alternatives');
    symlinkSync(join(home, 'bin', 'java'), join(alternatives, 'java'));
    symlinkSync(join(alternatives, 'java'), join(bin, 'java'));
    const notJdk = tempDir('notjdk');
    const located = await locateJdk({ env: { JAVA_HOME: notJdk, PATH: ['/nonexistent', bin].join(':') } });
    assert.deepEqual(located, { found: true, home, source: 'PATH' });
  });

  it('finds the JDK 8 home above jre/bin/java', async () => {
    const home = tempDir('jdk8');
    mkdirSync(join(home, 'jre', 'bin'), { recursive: true });
    mkdirSync(join(home, 'jre', 'lib'));
    writeFileSync(join(home, 'jre', 'lib', 'rt.jar'), '');
    writeFileSync(join(home, 'jre', 'bin', 'java'), '');
    assert.deepEqual(await locateJdk({ env: { PATH: join(home, 'jre', 'bin') } }), { found: true, home, source: 'PATH' });
    assert.deepEqual(await locateJdk({ javaHome: join(home, 'jre'), env: {} }), { found: true, home, source: 'option' });
  });

  it('says what it tried when there is no JDK', async () => {
    const notJdk = tempDir('notjdk');
    const located = await locateJdk({ javaHome: join(notJdk, 'absent'), env: { JAVA_HOME: notJdk, PATH: '/nonexistent' } });
    assert.equal(located.found, false);
    assert.deepEqual(
      located.found ? [] : located.tried.map((t) => t.source),
      ['option', 'JAVA_HOME'],
    );
    const nothing = await locateJdk({ env: { PATH: '' } });
    assert.equal(nothing.found, false);
  });

  it('finds this machine’s JDK from its own PATH', { skip: existsSync('/usr/bin/java') ? false : 'no java on PATH' }, async () => {
    const located = await locateJdk({ env: { PATH: '/usr/bin' } });
    assert.ok(located.found);
    assert.ok(existsSync(join(located.home, 'lib', 'modules')) || existsSync(join(located.home, 'jre', 'lib', 'rt.jar')));
  });
});

describe('parseReleaseFile', () => {
  it('reads JAVA_VERSION in both version schemes, and MODULES', () => {
    assert.deepEqual(parseReleaseFile('JAVA_VERSION="17.0.21.1"\nMODULES="java.base java.sql"\n'), {
      version: '17.0.21.1',
      featureVersion: 17,
      modules: ['java.base', 'java.sql'],
    });
    assert.equal(parseReleaseFile('JAVA_VERSION="1.8.0_392"').featureVersion, 8);
    assert.equal(parseReleaseFile('JAVA_VERSION="25"\r\n').featureVersion, 25);
    assert.deepEqual(parseReleaseFile(''), { version: undefined, featureVersion: undefined, modules: [] });
  });
});
