import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { locateLocalRepository, type LocateOptions } from '../../../src/core/repo/locateLocalRepository';
import { fixturePath } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

describe('locateLocalRepository', () => {
  let scratch = '';
  let home = '';
  let pathWithMvn = '';
  const mavenHome = fixturePath('settings', 'maven-home');

  before(() => {
    scratch = tempDir('locate');
    home = join(scratch, 'home');
    mkdirSync(join(home, '.m2'), { recursive: true });
    // Like Debian's /usr/bin/mvn -> /usr/share/maven/bin/mvn: MAVEN_HOME is found through the link.
    const bin = join(scratch, 'bin');
    mkdirSync(bin);
    symlinkSync(join(mavenHome, 'bin', 'mvn'), join(bin, 'mvn'));
    pathWithMvn = [join(scratch, 'empty-dir'), bin].join(':');
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  function options(overrides: Partial<LocateOptions>): LocateOptions {
    return { systemProperties: new Map(), env: {}, homeDir: home, ...overrides };
  }

  function writeUserSettings(content: string): void {
    writeFileSync(join(home, '.m2', 'settings.xml'), content);
  }

  it('defaults to ~/.m2/repository when nothing says otherwise', () => {
    rmSync(join(home, '.m2', 'settings.xml'), { force: true });
    const location = locateLocalRepository(options({}));
    assert.equal(location.root, join(home, '.m2', 'repository'));
    assert.equal(location.source, 'default');
    assert.deepEqual(location.problems, []);
    assert.equal(location.userSettings, undefined);
    assert.equal(location.globalSettings, undefined);
  });

  it('prefers an explicit option over everything', () => {
    writeUserSettings('<settings><localRepository>/from/user</localRepository></settings>');
    const location = locateLocalRepository(
      options({ localRepo: '/explicit', systemProperties: new Map([['maven.repo.local', '/from/property']]) }),
    );
    assert.equal(location.root, '/explicit');
    assert.equal(location.source, 'option');
    assert.equal(location.userSettings?.localRepository, '/from/user', 'settings are still read for their profiles');
  });

  it('prefers -Dmaven.repo.local over settings', () => {
    writeUserSettings('<settings><localRepository>/from/user</localRepository></settings>');
    const location = locateLocalRepository(options({ systemProperties: new Map([['maven.repo.local', '/from/property']]) }));
    assert.deepEqual([location.root, location.source], ['/from/property', 'system-property']);
  });

  it('uses the user settings from ~/.m2/settings.xml, expanding ${user.home}', () => {
    writeUserSettings('<settings><localRepository>${user.home}/repo</localRepository></settings>');
    const location = locateLocalRepository(options({ env: { PATH: pathWithMvn, GLOBAL_REPO_BASE: '/srv' } }));
    assert.deepEqual([location.root, location.source], [join(home, 'repo'), 'user-settings']);
    assert.equal(location.userSettings?.file, join(home, '.m2', 'settings.xml'));
  });

  it('reads -s settings instead of ~/.m2/settings.xml', () => {
    writeUserSettings('<settings><localRepository>/from/default/user</localRepository></settings>');
    const location = locateLocalRepository(options({ settingsFile: fixturePath('settings', 'user-settings.xml') }));
    assert.deepEqual([location.root, location.source], [join(home, 'custom-repo'), 'user-settings']);
  });

  it('reports a -s file that does not exist and carries on', () => {
    const missing = join(scratch, 'nope.xml');
    const location = locateLocalRepository(options({ settingsFile: missing }));
    assert.equal(location.source, 'default');
    assert.deepEqual(location.problems, [`The specified user settings file does not exist: ${missing}`]);
  });

  it('falls back to the global settings of the mvn found on PATH, through its symlink', () => {
    writeUserSettings('<settings><profiles><profile><id>shared</id></profile></profiles></settings>');
    const location = locateLocalRepository(options({ env: { PATH: pathWithMvn, GLOBAL_REPO_BASE: '/srv' } }));
    assert.deepEqual([location.root, location.source], ['/srv/global-repo', 'global-settings']);
    assert.equal(location.globalSettings?.file, join(mavenHome, 'conf', 'settings.xml'));
    assert.deepEqual(location.settings?.profiles.map((p) => p.id), ['shared', 'global-only']);
    assert.equal(location.settings?.file, join(home, '.m2', 'settings.xml'));
  });

  it('prefers the mvn on PATH over $MAVEN_HOME, as the mvn launcher ignores that variable', () => {
    writeUserSettings('<settings/>');
    const location = locateLocalRepository(
      options({ env: { PATH: pathWithMvn, MAVEN_HOME: fixturePath('settings', 'global-only'), GLOBAL_REPO_BASE: '/path' } }),
    );
    assert.equal(location.globalSettings?.file, join(mavenHome, 'conf', 'settings.xml'));
    assert.equal(location.root, '/path/global-repo');
  });

  it('finds the global settings from $MAVEN_HOME without mvn on PATH, and from maven.home and maven.conf properties', () => {
    writeUserSettings('<settings/>');
    const viaEnv = locateLocalRepository(options({ env: { MAVEN_HOME: mavenHome, GLOBAL_REPO_BASE: '/env' } }));
    assert.deepEqual([viaEnv.root, viaEnv.source], ['/env/global-repo', 'global-settings']);
    const viaHome = locateLocalRepository(
      options({ env: { MAVEN_HOME: '/nowhere' }, systemProperties: new Map([['maven.home', fixturePath('settings', 'global-only')]]) }),
    );
    assert.equal(viaHome.globalSettings?.profiles[0]?.id, 'from-conf');
    assert.equal(viaHome.source, 'default');
    const viaConf = locateLocalRepository(
      options({ env: { MAVEN_HOME: '/nowhere' }, systemProperties: new Map([['maven.conf', join(mavenHome, 'conf')]]) }),
    );
    assert.equal(viaConf.globalSettings?.file, join(mavenHome, 'conf', 'settings.xml'));
  });

  it('writes a relative repository from the working directory, keeping `.` and `..` and dropping doubled and trailing slashes, as Maven prints it', () => {
    writeUserSettings('<settings><localRepository>./from-settings</localRepository></settings>');
    const cwd = process.cwd();
    assert.equal(locateLocalRepository(options({ localRepo: 'm2//' })).root, `${cwd}/m2`);
    assert.equal(locateLocalRepository(options({ localRepo: '../up/m2' })).root, `${cwd}/../up/m2`);
    assert.equal(locateLocalRepository(options({ systemProperties: new Map([['maven.repo.local', './m2/']]) })).root, `${cwd}/./m2`);
    assert.equal(locateLocalRepository(options({})).root, `${cwd}/./from-settings`);
    assert.equal(locateLocalRepository(options({ localRepo: '/abs//./m2/' })).root, '/abs/./m2');
  });

  it('reports a malformed user settings file and still finds a repository', () => {
    writeUserSettings('<settings>\n  <localRepository>/x</localRepository>\n  <oops>\n</settings>\n');
    const location = locateLocalRepository(options({ env: { MAVEN_HOME: mavenHome, GLOBAL_REPO_BASE: '/srv' } }));
    assert.deepEqual([location.root, location.source], ['/srv/global-repo', 'global-settings']);
    assert.equal(location.problems.length, 1);
    assert.ok(location.problems[0]?.startsWith(`${join(home, '.m2', 'settings.xml')}:`), location.problems[0]);
    assert.equal(location.userSettings, undefined);
  });
});
