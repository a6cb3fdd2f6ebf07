import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readProjectConfig } from '../../../src/core/workspace/projectConfig';
import { fixturePath, repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

// What Maven 3.8.7 took from a project's .mvn folder and MAVEN_OPTS, seen with real Maven on the same files
// (corpus case 68 holds the goldens): the expectations below are its behaviour.

describe('readProjectConfig (.mvn/maven.config, .mvn/jvm.config, MAVEN_OPTS)', () => {
  it('finds .mvn in the project folder or above it, and otherwise takes the project folder', () => {
    const top = tempDir('project-config');
    const project = join(top, 'nested', 'project');
    mkdirSync(project, { recursive: true });
    assert.equal(readProjectConfig(project, {}, top).baseDir, project);
    mkdirSync(join(top, '.mvn'));
    assert.equal(readProjectConfig(project, {}, top).baseDir, top);
  });

  it('reads -D, -P and -s of maven.config in Maven\'s spellings, skips the values of the options it does not model, and names entries that are no option', () => {
    const project = tempDir('project-config-words');
    mkdirSync(join(project, '.mvn'));
    writeFileSync(join(project, '.mvn', 'maven.config'), '-Da=1 -D b=2 -Dflag\n-P one,!two -Pthree --activate-profiles +four\n-T 4 -pl app -B --fail-at-end -s conf/settings.xml stray\n');
    const config = readProjectConfig(project, {}, '/work');
    assert.deepEqual([...config.userProperties], [['a', '1'], ['b', '2'], ['flag', 'true']]);
    assert.deepEqual(config.activeProfiles, ['one', 'three', 'four']);
    assert.deepEqual(config.inactiveProfiles, ['two']);
    assert.equal(config.settingsFile, '/work/conf/settings.xml', 'from the working directory, as Maven resolves -s');
    assert.deepEqual(config.warnings, [`${join(project, '.mvn', 'maven.config')}: unrecognized maven.config entries: [stray]`]);
  });

  it('reads nothing, and warns of nothing, from a file named .mvn or a .mvn folder without config', () => {
    const project = tempDir('project-config-file');
    writeFileSync(join(project, '.mvn'), 'not a folder');
    const config = readProjectConfig(project, {}, project);
    assert.deepEqual([config.baseDir, config.userProperties.size, config.warnings], [project, 0, []]);
    const empty = tempDir('project-config-empty');
    mkdirSync(join(empty, '.mvn'));
    assert.deepEqual(readProjectConfig(empty, {}, empty).warnings, []);
  });

  it('takes the JVM\'s -D from jvm.config, then MAVEN_OPTS, the later winning', () => {
    const project = tempDir('project-config-jvm');
    mkdirSync(join(project, '.mvn'));
    writeFileSync(join(project, '.mvn', 'jvm.config'), '-Xmx1g -Dx=jvm\n-Dy=jvm\n');
    const config = readProjectConfig(project, { MAVEN_OPTS: '-Xss4m  -Dy=opts -Dz' }, project);
    assert.deepEqual([...config.jvmProperties], [['x', 'jvm'], ['y', 'opts'], ['z', 'true']]);
    assert.deepEqual(config.warnings, []);
  });

  it('puts the command line\'s -D and -P over maven.config\'s (real Maven: shared 1.0, no extra profile)', () => {
    const result = spawnSync(
      process.execPath,
      [join(repoRoot, 'dist', 'cli.js'), 'tree', fixturePath('maven-corpus', '68-mvn-folder-config'), '--module', 'app', '-Dshared.version=1.0', '-P!extra', '--local-repo', fixturePath('maven-repo')],
      { encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      'org.fixture.case68:app-from-config-from-jvm-config:jar:1.0\n+- org.fixture.first:shared:jar:1.0:compile\n\\- org.fixture.case68:local:jar:1.0:system\n',
    );
    assert.equal(result.stderr, '', 'a profile asked for in maven.config and deactivated on the command line is not warned of');
  });
});
