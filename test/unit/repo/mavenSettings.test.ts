import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readMavenSettings } from '../../../src/core/repo/mavenSettings';
import { mergeSettings } from '../../../src/core/repo/mergeSettings';
import { fixturePath } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

const home = '/home/tester';

describe('readMavenSettings', () => {
  const env = { TOOLS_HOME: '/opt/tools', EXTRA_PROFILE: 'extra' };

  it('reads localRepository with ${user.home} expanded', () => {
    const { settings, problem } = readMavenSettings(fixturePath('settings', 'user-settings.xml'), env, home);
    assert.equal(problem, undefined);
    assert.equal(settings?.file, fixturePath('settings', 'user-settings.xml'));
    assert.equal(settings?.localRepository, '/home/tester/custom-repo');
  });

  it('reads profiles: id, activeByDefault, activation conditions and properties', () => {
    const { settings } = readMavenSettings(fixturePath('settings', 'user-settings.xml'), env, home);
    assert.ok(settings);
    assert.deepEqual(settings.profiles.map((p) => p.id), ['always', 'ci', 'release', 'default']);
    const [always, ci, release, unnamed] = settings.profiles;
    assert.equal(always?.activeByDefault, true);
    assert.equal(always?.activation?.property, undefined);
    assert.deepEqual([...(always?.properties ?? [])], [
      ['build.tools', '/opt/tools/bin'],
      ['unknown.kept', '${no.such.property}'],
      ['chained', '/home/tester'],
      ['empty.value', ''],
    ]);
    assert.equal(ci?.activeByDefault, false);
    assert.deepEqual(ci?.activation?.property, { name: 'env.CI', value: 'true' });
    assert.deepEqual([...(ci?.properties ?? [])], [['skip.slow', 'true']]);
    assert.deepEqual(release?.activation?.property, { name: '!snapshot', value: undefined });
    assert.equal(release?.properties.size, 0);
    assert.deepEqual([...(unnamed?.properties ?? [])], [['no.id', 'yes']]);
  });

  it('reads activeProfiles, expanding ${env.X} and keeping unknown expressions as written', () => {
    const withEnv = readMavenSettings(fixturePath('settings', 'user-settings.xml'), env, home).settings;
    assert.deepEqual(withEnv?.activeProfiles, ['ci', 'extra']);
    const withoutEnv = readMavenSettings(fixturePath('settings', 'user-settings.xml'), {}, home).settings;
    assert.deepEqual(withoutEnv?.activeProfiles, ['ci', '${env.EXTRA_PROFILE}']);
    assert.equal(withoutEnv?.profiles[0]?.properties.get('build.tools'), '${env.TOOLS_HOME}/bin');
  });

  it('lets given properties win over ${user.home}', () => {
    const { settings } = readMavenSettings(fixturePath('settings', 'user-settings.xml'), env, home, new Map([['user.home', '/elsewhere']]));
    assert.equal(settings?.localRepository, '/elsewhere/custom-repo');
  });

  it('leaves localRepository undefined when not written', () => {
    const { settings } = readMavenSettings(fixturePath('settings', 'no-repository.xml'), {}, home);
    assert.ok(settings);
    assert.equal(settings.localRepository, undefined);
    assert.deepEqual(settings.activeProfiles, ['shared']);
  });

  it('gives neither settings nor a problem for a missing file', () => {
    assert.deepEqual(readMavenSettings(fixturePath('settings', 'absent.xml'), {}, home), {});
  });

  it('reports a malformed file with its path, line and column instead of throwing', () => {
    const file = fixturePath('settings', 'malformed.xml');
    const { settings, problem } = readMavenSettings(file, {}, home);
    assert.equal(settings, undefined);
    assert.ok(problem?.startsWith(`${file}:7:`), problem);
    assert.match(problem ?? '', /malformed settings/);
  });

  it('reports a document whose root is not <settings>', () => {
    const { settings, problem } = readMavenSettings(fixturePath('settings', 'not-settings.xml'), {}, home);
    assert.equal(settings, undefined);
    assert.match(problem ?? '', /not-settings\.xml: expected root element 'settings' but found 'project'/);
  });

  it('reports a path that cannot be read as a file', () => {
    const directory = tempDir('settings');
    try {
      const { settings, problem } = readMavenSettings(directory, {}, home);
      assert.equal(settings, undefined);
      assert.ok(problem?.startsWith(`${directory}: cannot read the settings`), problem);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('stops expanding a cycle of expressions', () => {
    const properties = new Map([['a', '${b}'], ['b', '${a}']]);
    const directory = tempDir('settings');
    try {
      const file = join(directory, 'settings.xml');
      writeFileSync(file, '<settings><localRepository>${a}</localRepository></settings>');
      const { settings } = readMavenSettings(file, {}, home, properties);
      assert.match(settings?.localRepository ?? '', /^\$\{[ab]\}$/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('mergeSettings', () => {
  it('lays user settings over global ones as Maven does', () => {
    const user = readMavenSettings(fixturePath('settings', 'no-repository.xml'), {}, home).settings;
    const global = readMavenSettings(fixturePath('settings', 'maven-home', 'conf', 'settings.xml'), { GLOBAL_REPO_BASE: '/srv' }, home).settings;
    const merged = mergeSettings(user, global);
    assert.equal(merged?.file, user?.file);
    assert.equal(merged?.localRepository, '/srv/global-repo');
    assert.deepEqual(merged?.profiles.map((p) => `${p.id}:${p.properties.get('owner') ?? ''}`), ['shared:user', 'global-only:']);
    assert.deepEqual(merged?.activeProfiles, ['shared', 'global-only']);
    assert.equal(mergeSettings(undefined, global), global);
    assert.equal(mergeSettings(user, undefined), user);
    assert.equal(mergeSettings(undefined, undefined), undefined);
  });
});
