import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openAnalysisSession } from '../../../src/core/workspace/analysisSession';
import { tempDir } from '../helpers/tempDir';

// What real Maven 3.8.7 warned for the same reactor and -P lists: a profile of the root, of a module or of
// settings is found, wherever the module that has it sits; one only in a dependency's pom, or nowhere, is not;
// a deactivated one (-P !id) is never checked; the settings' <activeProfiles> are checked first.

function writeReactor(): { dir: string; settingsFile: string } {
  const dir = tempDir('requested-profiles');
  writeFileSync(
    join(dir, 'pom.xml'),
    '<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>' +
      '<modules><module>a</module></modules><profiles><profile><id>rootp</id></profile></profiles></project>\n',
  );
  mkdirSync(join(dir, 'a'));
  writeFileSync(
    join(dir, 'a', 'pom.xml'),
    '<project><modelVersion>4.0.0</modelVersion><parent><groupId>x</groupId><artifactId>root</artifactId><version>1</version></parent>' +
      '<artifactId>a</artifactId><profiles><profile><id>ap</id></profile></profiles></project>\n',
  );
  const settingsFile = join(dir, 'settings.xml');
  writeFileSync(settingsFile, '<settings><profiles><profile><id>sp</id></profile></profiles><activeProfiles><activeProfile>ghost</activeProfile><activeProfile>sp</activeProfile></activeProfiles></settings>\n');
  return { dir, settingsFile };
}

function warningsFor(dir: string, settingsFile: string, activeProfiles: string[], inactiveProfiles: string[] = []): readonly string[] {
  return openAnalysisSession({
    dir,
    runtime: { jdkVersion: '17', os: { name: 'Linux', family: 'unix', arch: 'amd64', version: '6' }, homeDir: '/nonexistent-home', systemProperties: new Map() },
    env: {},
    userProperties: new Map(),
    localRepo: tempDir('requested-profiles-repo'),
    settingsFile,
    activeProfiles,
    inactiveProfiles,
  }).warnings;
}

describe('profiles asked for with -P that do not exist', () => {
  const { dir, settingsFile } = writeReactor();

  it('warns, as Maven does, for each one no project of the reactor nor settings has', () => {
    assert.deepEqual(warningsFor(dir, settingsFile, ['nope', 'rootp', 'ap', 'sp', 'zz', 'nope'], ['gone']), [
      'The requested profile "ghost" could not be activated because it does not exist.',
      'The requested profile "nope" could not be activated because it does not exist.',
      'The requested profile "zz" could not be activated because it does not exist.',
    ]);
  });

  it('says nothing of one asked for and deactivated too (-P x -P !x; settings\' ghost and -P !ghost), as Maven', () => {
    assert.deepEqual(warningsFor(dir, settingsFile, ['nope'], ['nope', 'ghost']), []);
  });

  it('finds a parent\'s profile from a module built alone', () => {
    assert.deepEqual(warningsFor(join(dir, 'a'), settingsFile, ['rootp', 'x2']), [
      'The requested profile "ghost" could not be activated because it does not exist.',
      'The requested profile "x2" could not be activated because it does not exist.',
    ]);
  });
});
