import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fixturePath, repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';

const cli = join(repoRoot, 'dist', 'cli.js');
const localRepo = fixturePath('maven-repo');

function run(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', ...(cwd === undefined ? {} : { cwd }) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = tempDir('cli');
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('jarscope command line (dist/cli.js, built by scripts/build.mjs)', () => {
  it('--help prints the usage and exits 0; no command prints it to stderr and exits 2', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: jarscope <command>/);
    const none = run([]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /Usage: jarscope <command>/);
  });

  it('bad usage exits 2 with the reason', () => {
    const result = run(['tree', '--scope', 'nope']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--scope must be one of/);
  });

  it('a --module that is not in the reactor exits 2 and lists the modules', () => {
    const project = fixturePath('maven-corpus', '01-nearest-wins');
    const result = run(['tree', project, '--module', 'nowhere', '--local-repo', localRepo]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no module "nowhere".*modules: \./);
  });

  it('a --settings file that does not exist is bad usage, as Maven refuses to run', () => {
    const project = fixturePath('maven-corpus', '01-nearest-wins');
    for (const command of ['tree', 'classpath', 'check']) {
      const result = run([command, project, '--settings', join(scratch, 'no-such-settings.xml'), '--local-repo', localRepo]);
      assert.equal(result.status, 2, command);
      assert.equal(result.stdout, '', command);
      assert.match(result.stderr, /error: The specified user settings file does not exist: \S+no-such-settings\.xml/, command);
    }
  });

  it('a settings file that is not well-formed stops tree and classpath, as "Error executing Maven" does', () => {
    const settings = join(scratch, 'malformed-settings.xml');
    writeFileSync(settings, '<settings>\n  <oops>\n</settings>\n');
    const project = fixturePath('maven-corpus', '01-nearest-wins');
    for (const command of ['tree', 'classpath']) {
      const result = run([command, project, '--settings', settings, '--local-repo', localRepo]);
      assert.equal(result.status, 1, command);
      assert.equal(result.stdout, '', command);
      assert.match(result.stderr, /error: \S+malformed-settings\.xml:3:1: malformed settings/, command);
    }
  });

  it('a folder without pom.xml exits 1 and says so', () => {
    const result = run(['tree', scratch, '--local-repo', localRepo]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no pom\.xml in/);
  });

  it('a malformed pom is reported as path:line:col: error and exits 1', () => {
    const project = join(scratch, 'broken');
    cpSync(fixturePath('maven-corpus', '01-nearest-wins'), project, { recursive: true });
    writeFileSync(join(project, 'pom.xml'), '<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>x\n</project>\n');
    const result = run(['tree', project, '--local-repo', localRepo]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /pom\.xml:\d+:\d+: error: /);
  });

  it('a dependency with no pom in the repository is a warning naming it, and the tree still prints', () => {
    const project = join(scratch, 'missing');
    cpSync(fixturePath('maven-corpus', '01-nearest-wins'), project, { recursive: true });
    const pom = `<project><modelVersion>4.0.0</modelVersion><groupId>t</groupId><artifactId>app</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.nowhere</groupId><artifactId>ghost</artifactId><version>9.9</version></dependency></dependencies>
</project>\n`;
    writeFileSync(join(project, 'pom.xml'), pom);
    const result = run(['tree', project, '--local-repo', localRepo]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 't:app:jar:1\n\\- org.nowhere:ghost:jar:9.9:compile\n');
    assert.match(result.stderr, /pom\.xml:2:17: warning: The POM for org\.nowhere:ghost:jar:9\.9 is missing/);
    const classpath = run(['classpath', project, '--local-repo', localRepo]);
    assert.equal(classpath.status, 1);
    assert.match(classpath.stderr, /error: Could not find artifact org\.nowhere:ghost:jar:9\.9/);
  });

  it('classpath writes a relative local repository from the working directory, `./` kept, as Maven prints it', () => {
    // mvn -Dmaven.repo.local=./m2 dependency:build-classpath writes /work/dir/./m2/org/...: File.toURI of the path.
    const work = realpathSync(tempDir('relative-repo'));
    try {
      cpSync(localRepo, join(work, 'm2'), { recursive: true });
      const project = fixturePath('maven-corpus', '01-nearest-wins');
      const result = run(['classpath', project, '--local-repo', './m2/'], work);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(result.stdout.startsWith(`${work}/./m2/org/fixture/nearest/far/1.0/far-1.0.jar:`), result.stdout);
      assert.equal(run(['classpath', project, '-Dmaven.repo.local=m2'], work).stdout, result.stdout.split(`${work}/./m2/`).join(`${work}/m2/`));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('classpath --scope provided and system give that scope alone, as -DincludeScope (real Maven on corpus case 19)', () => {
    const project = fixturePath('maven-corpus', '19-scope-derivation-table');
    const jars = (scope: string): string[] => {
      const result = run(['classpath', project, '--scope', scope, '--local-repo', localRepo]);
      assert.equal(result.status, 0, result.stderr);
      return result.stdout === '' ? [] : result.stdout.split(':').map((path) => path.slice(path.lastIndexOf('/') + 1));
    };
    assert.deepEqual(jars('provided'), ['hub-provided-1.0.jar', 'provided-compile-1.0.jar', 'provided-compile-child-1.0.jar', 'provided-runtime-1.0.jar', 'provided-runtime-child-1.0.jar']);
    assert.deepEqual(jars('system'), []);
    assert.equal(run(['check', project, '--scope', 'provided']).status, 2, 'check analyses classpaths only');
  });

  it('prints nothing where Maven cannot read the reactor: a module that does not exist, one listed twice, two projects with one id', () => {
    // Real Maven 3.8.7 on the same three reactors: "The build could not read 1 project" or
    // DuplicateProjectException, and no module's tree written.
    const writeReactor = (name: string, modules: string, projects: Record<string, string>): string => {
      const root = join(scratch, name);
      for (const [dir, artifactId] of Object.entries(projects)) {
        cpSync(fixturePath('maven-corpus', '01-nearest-wins'), join(root, dir), { recursive: true });
        writeFileSync(join(root, dir, 'pom.xml'), `<project><modelVersion>4.0.0</modelVersion><groupId>t.rx</groupId><artifactId>${artifactId}</artifactId><version>1</version></project>\n`);
      }
      writeFileSync(join(root, 'pom.xml'), `<project><modelVersion>4.0.0</modelVersion><groupId>t.rx</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>\n<modules>${modules}</modules></project>\n`);
      return root;
    };
    const cases: Array<[string, string, Record<string, string>, RegExp]> = [
      ['missing-module', '<module>a</module><module>missing</module>', { a: 'a' }, /error: Child module \S+missing of \S+pom\.xml does not exist/],
      ['module-twice', '<module>a</module><module>a</module>', { a: 'a' }, /pom\.xml:2:28: error: 'modules\.module\[1\]' specifies duplicate child module a/],
      ['same-id', '<module>a</module><module>b</module>', { a: 'a', b: 'a' }, /b[/\\]pom\.xml:1:1: error: Project 't\.rx:a:1' is duplicated in the reactor/],
    ];
    for (const [name, modules, projects, message] of cases) {
      const result = run(['tree', writeReactor(name, modules, projects), '--local-repo', localRepo]);
      assert.equal(result.status, 1, `${name}: ${result.stderr}`);
      assert.equal(result.stdout, '', name);
      assert.match(result.stderr, message, name);
    }
  });
});
