import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ModelBuilder } from '../../../src/core/model/modelBuilder';
import { fixturePath } from '../helpers/paths';
import { describeDependency, modelContext } from './modelContext';
import { tempDir } from '../helpers/tempDir';

describe('ModelBuilder', () => {
  const childPom = fixturePath('model', 'ciFriendly', 'child', 'pom.xml');

  it('resolves CI-friendly ${revision}${changelist} versions from the parent properties or -D', () => {
    const context = modelContext({ env: { JARSCOPE_TEST_VERSION: '4.5' } });
    const model = new ModelBuilder(context).buildFromFile(childPom);
    assert.equal(model.version, '1.2.3-SNAPSHOT');
    assert.deepEqual(model.dependencies.map(describeDependency), [
      'com.example.ci:ci-sibling:1.2.3-SNAPSHOT',
      'com.example:from-env:4.5',
      'com.example:from-system:17.0.21',
    ]);
    assert.deepEqual(model.problems, []);

    const release = new ModelBuilder(modelContext({ userProperties: new Map([['changelist', '']]) })).buildFromFile(childPom);
    assert.equal(release.version, '1.2.3');
    assert.equal(release.source.version, '1.2.3');
    const unknownEnv = release.problems.find((problem) => problem.code === 'property-unknown');
    assert.match(unknownEnv?.message ?? '', /env\.JARSCOPE_TEST_VERSION/);
  });

  it('builds a reactor module asked for by coordinates from its workspace pom', () => {
    const rootPom = fixturePath('model', 'ciFriendly', 'pom.xml');
    const builder = new ModelBuilder(modelContext({ workspacePoms: new Map([['com.example.ci:ci-child:1.2.3-SNAPSHOT', childPom]]) }));
    const model = builder.buildFromRepository('com.example.ci', 'ci-child', '1.2.3-SNAPSHOT');
    assert.equal(model?.source.kind, 'workspace');
    assert.equal(model?.source.pomPath, childPom);
    assert.equal(builder.buildFromFile(rootPom).modules[0], 'child');
  });

  it('builds a reactor module as its project (with -P), a repository pom without -P', () => {
    const profilesPom = fixturePath('model', 'profiles', 'pom.xml');
    const context = modelContext({ activeProfiles: ['explicit', 'extra'], workspacePoms: new Map([['com.example.ws:profiles:1.0', profilesPom]]) });
    const builder = new ModelBuilder(context);
    const module = builder.buildFromRepository('com.example.ws', 'profiles', '1.0');
    assert.deepEqual(module?.dependencies.map(describeDependency), ['com.example:explicit-only:1.0']);
    assert.equal(module, builder.buildFromFile(profilesPom));
    const library = builder.buildFromRepository('com.example', 'lib-with-profile', '1.0');
    assert.deepEqual(library?.dependencies.map(describeDependency), ['com.example:always:1.0']);
  });

  it('keeps a system dependency systemPath, interpolated, and optional flags', () => {
    const pomPath = fixturePath('model', 'systemScope', 'pom.xml');
    const model = new ModelBuilder(modelContext()).buildFromFile(pomPath);
    const [vendor, oldLib] = model.dependencies;
    assert.equal(vendor?.scope, 'system');
    assert.equal(vendor?.systemPath, join(fixturePath('model', 'systemScope'), 'lib', 'vendor.jar'));
    assert.equal(vendor?.optional, undefined, 'an unwritten optional stays undefined (maven-resolver: null, not false)');
    assert.equal(oldLib?.optional, true);
    assert.equal(oldLib?.scope, undefined, 'an unwritten scope stays undefined');
    assert.deepEqual(
      model.problems.map((problem) => [problem.code, problem.severity]),
      [['dependency-systemPath-no-file', 'warning']],
    );
  });

  it('gives ${project.baseUri} as Path.toUri gives the project folder, with its trailing slash (real Maven: file:///dir/x.jar), and the super POM\'s other values', () => {
    const dir = tempDir('base-uri');
    try {
      writeFileSync(join(dir, 'x.jar'), '');
      const pom = '<project><modelVersion>4.0.0</modelVersion><groupId>t</groupId><artifactId>a</artifactId><version>1</version>' +
        '<properties><where>${project.baseUri}x.jar</where><id>${project.id}</id><site>${project.reporting.outputDirectory}</site>' +
        '<scripts>${project.build.scriptSourceDirectory}</scripts><tests>${project.build.testSourceDirectory}</tests></properties></project>\n';
      writeFileSync(join(dir, 'pom.xml'), pom);
      const model = new ModelBuilder(modelContext()).buildFromFile(join(dir, 'pom.xml'));
      assert.equal(model.properties.get('where'), `file://${dir}/x.jar`);
      // The other super-POM values real Maven gave.
      assert.equal(model.properties.get('id'), 't:a:jar:1');
      assert.equal(model.properties.get('site'), `${dir}/target/site`);
      assert.equal(model.properties.get('scripts'), `${dir}/src/main/scripts`);
      assert.equal(model.properties.get('tests'), `${dir}/src/test/java`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a project id that is no id, as DefaultModelValidator.validateId (an expression left unexpanded)', () => {
    const dir = tempDir('invalid-id');
    try {
      writeFileSync(join(dir, 'pom.xml'), '<project><modelVersion>4.0.0</modelVersion><groupId>t</groupId><artifactId>app-${nowhere}</artifactId><version>1</version></project>\n');
      const model = new ModelBuilder(modelContext()).buildFromFile(join(dir, 'pom.xml'));
      const invalid = model.problems.find((problem) => problem.code === 'artifactId-invalid');
      assert.equal(invalid?.severity, 'error');
      assert.equal(invalid?.message, "'artifactId' with value 'app-${nowhere}' does not match a valid id pattern.");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a relocation from distributionManagement', () => {
    const model = new ModelBuilder(modelContext()).buildFromRepository('com.example', 'old-lib', '1.0');
    assert.deepEqual(model?.relocation, { groupId: 'com.example.new', artifactId: 'new-lib', version: undefined, message: 'old-lib moved' });
    assert.equal(model?.source.kind, 'repository');
  });

  it('builds a 10,000-line pom with thousands of properties and dependencies', () => {
    const folder = tempDir('model');
    try {
      const count = 1000;
      const properties: string[] = [];
      const dependencies: string[] = [];
      for (let i = 0; i < count; i++) {
        // Each property refers to the previous one, so expansion must be remembered to stay linear.
        properties.push(`    <p${i}>${i === 0 ? '1' : `\${p${i - 1}}`}</p${i}>`);
        dependencies.push(
          ['    <dependency>', '      <groupId>g</groupId>', `      <artifactId>a${i}</artifactId>`, `      <version>\${p${i}}.${i}</version>`, '    </dependency>'].join('\n'),
        );
      }
      const text = [
        '<project>',
        '  <modelVersion>4.0.0</modelVersion>',
        '  <groupId>g</groupId><artifactId>big</artifactId><version>1</version>',
        '  <properties>',
        ...properties,
        '  </properties>',
        '  <dependencyManagement><dependencies>',
        ...dependencies.map((dependency) => dependency.replace('<version>', '<scope>test</scope><version>')),
        '  </dependencies></dependencyManagement>',
        '  <dependencies>',
        ...dependencies.map((dependency) => dependency.replace(/ *<version>.*<\/version>\n/, '')),
        '  </dependencies>',
        '</project>',
      ].join('\n');
      assert.ok(text.split('\n').length >= 10000);
      const pomPath = join(folder, 'pom.xml');
      writeFileSync(pomPath, text);
      const model = new ModelBuilder(modelContext()).buildFromFile(pomPath);
      assert.equal(model.dependencies.length, count);
      assert.equal(describeDependency(model.dependencies[count - 1]!), `g:a${count - 1}:1.${count - 1}:test`);
      assert.equal(model.properties.get(`p${count - 1}`), '1');
      assert.deepEqual(model.problems, []);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
