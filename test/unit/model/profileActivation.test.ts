import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelBuilder } from '../../../src/core/model/modelBuilder';
import { isOsFamily, jdkMatches, osMatches, propertyMatches, type ProfileActivationContext } from '../../../src/core/model/profileActivation';
import type { MavenSettings } from '../../../src/core/repo/mavenSettings';
import { fixturePath } from '../helpers/paths';
import { describeDependency, modelContext } from './modelContext';

const profilesPom = fixturePath('model', 'profiles', 'pom.xml');

describe('profile activation', () => {
  it('activates by property absence, jdk range, os family and existing or missing file; drops activeByDefault then', () => {
    const model = new ModelBuilder(modelContext()).buildFromFile(profilesPom);
    assert.deepEqual(model.activeProfileIds, ['not-ci', 'no-skip', 'jdk17-up', 'unix', 'marker-exists', 'nope-missing']);
    assert.equal(model.properties.get('which'), 'base');
  });

  it('activates by property value (from -D) and needs every condition of a profile to hold', () => {
    const withCi = new ModelBuilder(modelContext({ userProperties: new Map([['env-type', 'ci']]) })).buildFromFile(profilesPom);
    assert.ok(withCi.activeProfileIds.includes('ci'));
    assert.ok(withCi.activeProfileIds.includes('both-conditions'));
    assert.ok(!withCi.activeProfileIds.includes('not-ci'));
    assert.equal(withCi.properties.get('which'), 'ci');
    assert.deepEqual(withCi.dependencies.map(describeDependency), ['com.example:ci-only:1.0']);

    const oldJdk = new ModelBuilder(modelContext({ userProperties: new Map([['env-type', 'ci']]), jdkVersion: '1.8.0_392' })).buildFromFile(profilesPom);
    assert.ok(oldJdk.activeProfileIds.includes('jdk8'));
    assert.ok(!oldJdk.activeProfileIds.includes('both-conditions'));
  });

  it('uses system properties for property activation, user properties first', () => {
    const model = new ModelBuilder(
      modelContext({ systemProperties: new Map([['skip.extra', 'true']]), userProperties: new Map() }),
    ).buildFromFile(profilesPom);
    assert.ok(!model.activeProfileIds.includes('no-skip'));
  });

  it('activates with -P and deactivates with -P !id, even a profile whose conditions hold', () => {
    const model = new ModelBuilder(modelContext({ activeProfiles: ['explicit'], inactiveProfiles: ['unix', 'no-skip'] })).buildFromFile(profilesPom);
    assert.ok(model.activeProfileIds.includes('explicit'));
    assert.ok(!model.activeProfileIds.includes('unix'));
    assert.ok(!model.activeProfileIds.includes('no-skip'));
    assert.equal(model.properties.get('which'), 'explicit');
    assert.deepEqual(model.modules, ['extra-module']);
    assert.deepEqual(
      model.problems.map((problem) => problem.code),
      ['aggregator-packaging'],
      'modules need pom packaging, as Maven validates',
    );
    assert.deepEqual(model.dependencies.map(describeDependency), ['com.example:explicit-only:1.0']);
  });

  it('applies activeByDefault when nothing else of that pom activates, and injects the profile dominantly', () => {
    const pomPath = fixturePath('model', 'profiles', 'defaultOnly', 'pom.xml');
    const byDefault = new ModelBuilder(modelContext()).buildFromFile(pomPath);
    assert.deepEqual(byDefault.activeProfileIds, ['by-default']);
    assert.deepEqual(byDefault.dependencies.map(describeDependency), ['com.example:lib-x:2.0:provided']);
    assert.equal(byDefault.dependencies[0]?.declaredAt.source.pomPath, pomPath);

    const onDemand = new ModelBuilder(modelContext({ userProperties: new Map([['demand', 'yes']]) })).buildFromFile(pomPath);
    assert.deepEqual(onDemand.activeProfileIds, ['on-demand']);
    assert.deepEqual(onDemand.dependencies.map(describeDependency), ['com.example:lib-x:1.0']);

    const deactivated = new ModelBuilder(modelContext({ inactiveProfiles: ['by-default'] })).buildFromFile(pomPath);
    assert.deepEqual(deactivated.activeProfileIds, []);
  });

  it('builds repository poms without -P but with activation conditions and -D', () => {
    const explicit = new ModelBuilder(modelContext({ activeProfiles: ['extra'] })).buildFromRepository('com.example', 'lib-with-profile', '1.0');
    assert.deepEqual(explicit?.dependencies.map(describeDependency), ['com.example:always:1.0']);
    const byProperty = new ModelBuilder(modelContext({ userProperties: new Map([['with.feature', '']]) })).buildFromRepository(
      'com.example',
      'lib-with-profile',
      '1.0',
    );
    assert.deepEqual(byProperty?.activeProfileIds, [], 'an empty property value counts as absent');
    const withFeature = new ModelBuilder(modelContext({ userProperties: new Map([['with.feature', 'on']]) })).buildFromRepository(
      'com.example',
      'lib-with-profile',
      '1.0',
    );
    assert.deepEqual(withFeature?.dependencies.map(describeDependency), ['com.example:always:1.0', 'com.example:feature:1.0']);
  });

  it('takes properties from active settings profiles, and settings activeProfiles work as -P', () => {
    const settings: MavenSettings = {
      file: '/home/user/.m2/settings.xml',
      profiles: [
        { id: 'settings-default', activeByDefault: true, properties: new Map([['which', 'settings-default']]) },
        { id: 'settings-listed', activeByDefault: false, properties: new Map([['which', 'settings-listed']]) },
      ],
      activeProfiles: ['settings-listed', 'explicit'],
    };
    const model = new ModelBuilder(modelContext({ settings })).buildFromFile(profilesPom);
    assert.equal(model.properties.get('which'), 'settings-listed', 'settings profiles beat the pom and its profiles');
    assert.ok(model.activeProfileIds.includes('explicit'));
    assert.ok(model.activeProfileIds.includes('settings-listed'));
    // Real Maven 3.8.7 keeps a settings profile that is activeByDefault whatever other settings profile is active
    // (unlike a pom's); the one declared later wins a property both set.
    assert.ok(model.activeProfileIds.includes('settings-default'));
  });

  it('activates a settings profile by a -D property, and never for a dependency pom', () => {
    const settings: MavenSettings = {
      file: '/home/user/.m2/settings.xml',
      profiles: [
        { id: 'on-flag', activeByDefault: false, activation: { property: { name: 'flag', value: 'on' } }, properties: new Map([['which', 'flagged']]) },
      ],
      activeProfiles: [],
    };
    const flagged = modelContext({ settings, userProperties: new Map([['flag', 'on']]) });
    const model = new ModelBuilder(flagged).buildFromFile(profilesPom);
    assert.equal(model.properties.get('which'), 'flagged');
    const unflagged = new ModelBuilder(modelContext({ settings })).buildFromFile(profilesPom);
    assert.equal(unflagged.properties.get('which'), 'base');
    const library = new ModelBuilder(flagged).buildFromRepository('com.example', 'lib-with-profile', '1.0');
    assert.equal(library?.properties.get('which'), undefined, 'settings profiles shape the project only');
  });

  it('keeps a settings profile activeByDefault beside one a property activates, unless -P !id (real Maven 3.8.7)', () => {
    const settings: MavenSettings = {
      file: '/home/user/.m2/settings.xml',
      profiles: [
        { id: 'by-default', activeByDefault: true, properties: new Map([['which', 'by-default'], ['version.from', 'by-default']]) },
        { id: 'by-flag', activeByDefault: false, activation: { property: { name: 'flag' } }, properties: new Map([['which', 'by-flag']]) },
      ],
      activeProfiles: [],
    };
    const flagged = new ModelBuilder(modelContext({ settings, userProperties: new Map([['flag', 'true']]) })).buildFromFile(profilesPom);
    assert.deepEqual([flagged.properties.get('which'), flagged.properties.get('version.from')], ['by-flag', 'by-default']);
    const deactivated = new ModelBuilder(modelContext({ settings, inactiveProfiles: ['by-default'] })).buildFromFile(profilesPom);
    assert.equal(deactivated.properties.get('version.from'), undefined);
  });

  it('activates settings profiles by jdk, os and file as well (real Maven 3.8.7 on JDK 17, Linux)', () => {
    const settings: MavenSettings = {
      file: '/home/user/.m2/settings.xml',
      profiles: [
        { id: 'jdk', activeByDefault: false, activation: { jdk: '17' }, properties: new Map([['by.jdk', 'yes']]) },
        { id: 'old-jdk', activeByDefault: false, activation: { jdk: '1.8' }, properties: new Map([['by.old.jdk', 'yes']]) },
        { id: 'os', activeByDefault: false, activation: { os: { family: 'unix' } }, properties: new Map([['by.os', 'yes']]) },
        { id: 'file', activeByDefault: false, activation: { file: { exists: profilesPom } }, properties: new Map([['by.file', 'yes']]) },
        { id: 'based', activeByDefault: false, activation: { file: { exists: '${basedir}/pom.xml' } }, properties: new Map([['by.basedir', 'yes']]) },
        { id: 'relative', activeByDefault: false, activation: { file: { exists: 'pom.xml' } }, properties: new Map([['by.relative', 'yes']]) },
      ],
      activeProfiles: [],
    };
    const model = new ModelBuilder(modelContext({ settings })).buildFromFile(profilesPom);
    assert.deepEqual(
      ['by.jdk', 'by.old.jdk', 'by.os', 'by.file', 'by.basedir', 'by.relative'].map((name) => model.properties.get(name)),
      ['yes', undefined, 'yes', 'yes', 'yes', 'yes'],
      '${basedir} and a relative path are the project\'s folder, as for its own profiles (Maven run from another folder)',
    );
  });
});

describe('activation conditions', () => {
  it('matches jdk prefixes, negations and ranges as JdkVersionProfileActivator', () => {
    assert.equal(jdkMatches('17', '17.0.21'), true);
    assert.equal(jdkMatches('1.8', '17.0.21'), false);
    assert.equal(jdkMatches('!1.8', '17.0.21'), true);
    assert.equal(jdkMatches('[11,17)', '17.0.21'), false);
    assert.equal(jdkMatches('[11,17]', '17.0.21'), false, 'the bound 17 means 17.0.0');
    assert.equal(jdkMatches('[11,18)', '17.0.21'), true);
    assert.equal(jdkMatches('(,11]', '1.8.0_392'), true);
    assert.equal(jdkMatches('[17,)', '17'), true);
    assert.equal(jdkMatches('(17,)', '17'), false);
    assert.equal(jdkMatches('[1.8,9)', '1.8.0_392'), true, 'underscores separate like dots');
    assert.equal(jdkMatches('[11,)', '21-ea'), true);
  });

  it('matches properties from -D first, then system properties, then env.* from the environment', () => {
    const context: ProfileActivationContext = {
      activeProfileIds: new Set(),
      inactiveProfileIds: new Set(),
      userProperties: new Map([['mode', 'fast']]),
      systemProperties: new Map([['mode', 'slow'], ['empty', '']]),
      env: { CI: 'true' },
      jdkVersion: '17',
      os: { name: 'Linux', family: 'unix', arch: 'amd64', version: '6' },
      projectProperties: new Map(),
    };
    assert.equal(propertyMatches({ name: 'mode', value: 'fast' }, context), true);
    assert.equal(propertyMatches({ name: 'mode', value: '!slow' }, context), true);
    assert.equal(propertyMatches({ name: 'env.CI', value: 'true' }, context), true);
    assert.equal(propertyMatches({ name: '!env.CI' }, context), false);
    assert.equal(propertyMatches({ name: 'empty' }, context), false, 'an empty value is absent');
    assert.equal(propertyMatches({ name: '!' }, context), false, 'no name never matches');
  });

  it('matches os families, names and negations as plexus Os', () => {
    assert.equal(isOsFamily('unix', 'linux'), true);
    assert.equal(isOsFamily('unix', 'mac os x'), true);
    assert.equal(isOsFamily('mac', 'mac os x'), true);
    assert.equal(isOsFamily('windows', 'windows 11'), true);
    assert.equal(isOsFamily('unix', 'windows 11'), false);
    assert.equal(isOsFamily('dos', 'windows 11'), false);
    const linux = { name: 'Linux', family: 'unix', arch: 'amd64', version: '6.1.0' };
    assert.equal(osMatches({ family: '!windows', name: 'linux' }, linux), true);
    assert.equal(osMatches({ family: 'unix', arch: 'aarch64' }, linux), false);
    assert.equal(osMatches({ name: '!linux' }, linux), false);
  });
});
