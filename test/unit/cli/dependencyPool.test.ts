import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeModules } from '../../../src/core/analysis/analyzeModules';
import { dependencyTreeText } from '../../../src/core/report/dependencyTreeText';
import { repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/tempDir';
import { fixtureSession } from '../analysis/analysisTestKit';

// Maven interns every collected dependency in one pool per build, and loads maven-dependency-plugin (collecting
// its own dependencies into that pool) once the first module's dependencies are resolved. Which equal
// dependency reaches the pool first decides whether a verbose tree says "(scope not updated to compile)".
// The orders below behave as Maven 3.8.7 does with the real plugin and Debian's artifacts
// (scripts/maven/compareWithDebian.mjs checks that on every artifact of the repository).

const cli = join(repoRoot, 'dist', 'cli.js');

function dependencyXml(artifactId: string, scope?: string): string {
  const scopeXml = scope === undefined ? '' : `<scope>${scope}</scope>`;
  return `<dependency><groupId>org.pool</groupId><artifactId>${artifactId}</artifactId><version>1.0</version>${scopeXml}</dependency>`;
}

function pomXml(groupId: string, artifactId: string, version: string, dependencies: string[], extra = ''): string {
  return (
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>` +
    `<groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version>${extra}` +
    `<dependencies>${dependencies.join('')}</dependencies></project>\n`
  );
}

function writeRepositoryPom(repository: string, groupId: string, artifactId: string, version: string, dependencies: string[]): void {
  const dir = join(repository, ...groupId.split('.'), artifactId, version);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${artifactId}-${version}.pom`), pomXml(groupId, artifactId, version, dependencies));
}

/** writer writes <scope>compile</scope> on shared; compile-path and runtime-path reach it without one; so does the plugin. */
function writeRepository(): string {
  const repository = tempDir('pool-repo');
  writeRepositoryPom(repository, 'org.pool', 'shared', '1.0', []);
  writeRepositoryPom(repository, 'org.pool', 'leaf', '1.0', []);
  writeRepositoryPom(repository, 'org.pool', 'writer', '1.0', [dependencyXml('shared', 'compile')]);
  writeRepositoryPom(repository, 'org.pool', 'compile-path', '1.0', [dependencyXml('shared')]);
  writeRepositoryPom(repository, 'org.pool', 'runtime-path', '1.0', [dependencyXml('shared')]);
  writeRepositoryPom(repository, 'org.apache.maven.plugins', 'maven-dependency-plugin', '3.5.0', [dependencyXml('shared')]);
  return repository;
}

const moduleDependencies: Record<string, string[]> = {
  early: [dependencyXml('leaf')],
  writes: [dependencyXml('writer')],
  reaches: [dependencyXml('compile-path'), dependencyXml('runtime-path', 'runtime')],
  // No version of gone is in the range: the module fails, and Maven (--fail-at-end) skips the modules that need it.
  broken: ['<dependency><groupId>org.gone</groupId><artifactId>gone</artifactId><version>[1.0,)</version></dependency>'],
  'writes-after-broken': [dependencyXml('writer'), '<dependency><groupId>org.pool.build</groupId><artifactId>broken</artifactId><version>1</version></dependency>'],
};

function writeReactor(modules: string[]): string {
  const project = tempDir('pool-project');
  const moduleList = modules.map((name) => `<module>${name}</module>`).join('');
  writeFileSync(join(project, 'pom.xml'), pomXml('org.pool.build', 'root', '1', [], `<packaging>pom</packaging><modules>${moduleList}</modules>`));
  for (const name of modules) {
    mkdirSync(join(project, name));
    writeFileSync(join(project, name, 'pom.xml'), pomXml('org.pool.build', name, '1', moduleDependencies[name] ?? []));
  }
  return project;
}

function verboseTree(project: string, repository: string, module?: string): string {
  const args = [cli, 'tree', project, '--verbose', '--local-repo', repository, ...(module === undefined ? [] : ['--module', module])];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

const reachesShared = 'org.pool:shared:jar:1.0:compile';

describe('the dependency pool of a reactor run (tree --verbose)', () => {
  const repository = writeRepository();

  it('a dependency written with <scope>compile</scope> in the first module reaches the later modules', () => {
    const project = writeReactor(['writes', 'reaches']);
    const text = verboseTree(project, repository, 'reaches');
    assert.match(text, new RegExp(`${reachesShared} \\(scope not updated to compile\\)`));
  });

  it('after the first module the plugin is loaded: its unwritten scope comes first and nothing is noted', () => {
    const project = writeReactor(['early', 'writes', 'reaches']);
    const whole = verboseTree(project, repository);
    assert.match(whole, new RegExp(`${reachesShared}\\n`));
    assert.doesNotMatch(whole, /scope not updated/);
    // --module prints that module's part of the whole run, its predecessors collected first.
    const alone = verboseTree(project, repository, 'reaches');
    const part = whole.split('\n\n').find((tree) => tree.startsWith('org.pool.build:reaches:'));
    assert.equal(alone, `${part}\n`);
  });

  it('the editor analyses a reactor as one run: its trees are the whole run\'s, in both orders', async () => {
    for (const modules of [['writes', 'reaches'], ['early', 'writes', 'reaches']]) {
      const project = writeReactor(modules);
      const session = fixtureSession(project, repository);
      const analysis = await analyzeModules(session, session.reactor.modules, { cacheDir: null, env: process.env });
      const trees = analysis.modules.map(({ resolution }) => {
        assert.ok(resolution);
        return dependencyTreeText({ node: resolution.root, projectArtifact: resolution.projectArtifact }, true);
      });
      assert.equal(trees.join('\n'), verboseTree(project, repository), modules.join(', '));
    }
  });

  it('the editor still resolves a module Maven skips, but leaves the pool as Maven\'s run does', async () => {
    const project = writeReactor(['broken', 'writes-after-broken', 'reaches']);
    const cliRun = spawnSync(process.execPath, [cli, 'tree', project, '--verbose', '--local-repo', repository], { encoding: 'utf8' });
    assert.equal(cliRun.status, 1);
    assert.doesNotMatch(cliRun.stdout, /scope not updated/);
    const session = fixtureSession(project, repository);
    const analysis = await analyzeModules(session, session.reactor.modules, { cacheDir: null, env: process.env });
    const treeOf = (artifactId: string): string => {
      const resolution = analysis.modules.find(({ module }) => module.model.artifactId === artifactId)?.resolution;
      assert.ok(resolution, artifactId);
      return dependencyTreeText({ node: resolution.root, projectArtifact: resolution.projectArtifact }, true);
    };
    assert.match(treeOf('writes-after-broken'), /org\.pool:writer:jar:1\.0:compile/);
    assert.equal(`${treeOf('reaches')}\n${treeOf('root')}`, cliRun.stdout);
  });
});
