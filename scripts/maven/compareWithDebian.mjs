// Compares `jarscope tree --verbose` with real Maven on the real poms of this machine's Debian repository
// (/usr/share/maven-repo). One reactor holds a module per artifact (its own version, not the `debian` alias;
// pom-packaged artifacts as type pom), modules that mix several artifacts, and for every pom with a
// <dependencyManagement> a module that imports it as a BOM and, when it is pom-packaged, one that has it as
// its parent. One `mvn -o dependency:tree -Dverbose` and one `jarscope tree --verbose` run over the whole
// reactor, then every module's text is compared byte for byte; with --classpath, every module's test classpath
// too (`mvn dependency:build-classpath` against `jarscope classpath --module`, one process per module: minutes
// for a large repository). What it finds depends on the Debian packages installed, so it is a check to run,
// not a unit test.
//
// Usage: node scripts/maven/compareWithDebian.mjs [--mixes N] [--mix-size N] [--classpath] [--keep]
//        (needs Debian's maven and its dependency plugin)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { debianRepo, DEPENDENCY_PLUGIN, mirrorDebianRepository, run } from './mavenTools.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const keep = process.argv.includes('--keep');
const numberAfter = (flag, fallback) => {
  const index = process.argv.indexOf(flag);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
};
const mixes = numberAfter('--mixes', 100);
const mixSize = numberAfter('--mix-size', 12);
const withClasspaths = process.argv.includes('--classpath');
/** How many of what a BOM or parent manages its module depends on. */
const bomDependencies = 5;

/** Every pom of the repository except the `debian` aliases, as {groupId, artifactId, version, dir}. */
function repositoryArtifacts() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory())) {
        walk(path);
      } else if (entry.name.endsWith('.pom')) {
        const segments = relative(debianRepo, dir).split('/');
        const version = segments.at(-1);
        const artifactId = segments.at(-2);
        if (version === 'debian' || entry.name !== `${artifactId}-${version}.pom`) continue;
        found.push({ groupId: segments.slice(0, -2).join('.'), artifactId, version, dir });
      }
    }
  };
  walk(debianRepo);
  return found.sort((a, b) => `${a.groupId}:${a.artifactId}:${a.version}`.localeCompare(`${b.groupId}:${b.artifactId}:${b.version}`));
}

/** The project's own <packaging>, not one inside <parent> or a plugin configuration. */
function packagingOf(artifact) {
  const pom = readFileSync(join(artifact.dir, `${artifact.artifactId}-${artifact.version}.pom`), 'utf8');
  const outside = pom.replace(/<parent>[\s\S]*?<\/parent>/, '').replace(/<build>[\s\S]*<\/build>/, '');
  return /<packaging>\s*([^<\s]+)\s*<\/packaging>/.exec(outside)?.[1] ?? 'jar';
}

/** The dependency element a module uses for the artifact, or undefined when it has nothing to depend on. */
function dependencyXml(artifact) {
  const packaging = packagingOf(artifact);
  const hasJar = existsSync(join(artifact.dir, `${artifact.artifactId}-${artifact.version}.jar`));
  if (packaging !== 'pom' && !hasJar) return undefined;
  const type = packaging === 'pom' ? '<type>pom</type>' : '';
  return `<dependency><groupId>${artifact.groupId}</groupId><artifactId>${artifact.artifactId}</artifactId><version>${artifact.version}</version>${type}</dependency>`;
}

function projectXml(artifactId, body, parent = '') {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
${parent}  <groupId>org.jarscope.debian</groupId>
  <artifactId>${artifactId}</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
${body}
</project>
`;
}

/**
 * The groupId:artifactId pairs a pom's own <dependencyManagement> names literally (no expression), plain jars
 * only, that the repository holds in some version: what a module importing it can depend on without a version.
 */
function managedArtifacts(artifact) {
  const pom = readFileSync(join(artifact.dir, `${artifact.artifactId}-${artifact.version}.pom`), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const section = /<dependencyManagement>([\s\S]*?)<\/dependencyManagement>/.exec(pom.replace(/<profiles>[\s\S]*<\/profiles>/, ''))?.[1];
  if (section === undefined) return [];
  const found = new Map();
  for (const [entry] of section.matchAll(/<dependency>[\s\S]*?<\/dependency>/g)) {
    const field = (name) => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(entry.replace(/<exclusions>[\s\S]*?<\/exclusions>/, ''))?.[1];
    const groupId = field('groupId');
    const artifactId = field('artifactId');
    if (!groupId || !artifactId || `${groupId}${artifactId}`.includes('$') || field('type') || field('classifier') || field('scope')) continue;
    if (existsSync(join(debianRepo, ...groupId.split('.'), artifactId))) found.set(`${groupId}:${artifactId}`, { groupId, artifactId });
  }
  return [...found.values()];
}

/** A repeatable shuffle (a linear congruential generator), so that every run builds the same mixes. */
function shuffled(items, seed) {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * One module per artifact; then mixes, modules that each depend on `mixSize` artifacts picked at random, where
 * real graphs meet and Maven's mediation (nearest, first declared, scopes, exclusions) decides between them;
 * then the BOM and parent modules.
 */
function writeReactor(projectDir, artifacts, mixes, mixSize) {
  const modules = [];
  const addModule = (description, dependencies, managed = [], parent = '') => {
    const name = `m${String(modules.length).padStart(4, '0')}`;
    modules.push({ name, description });
    mkdirSync(join(projectDir, name));
    const list = (entries) => `  <dependencies>\n${entries.map((entry) => `    ${entry}\n`).join('')}  </dependencies>`;
    const management = managed.length === 0 ? '' : `  <dependencyManagement>\n${list(managed).replace(/^/gm, '  ')}\n  </dependencyManagement>\n`;
    writeFileSync(join(projectDir, name, 'pom.xml'), projectXml(name, management + list(dependencies), parent));
  };
  const usable = [];
  for (const artifact of artifacts) {
    const dependency = dependencyXml(artifact);
    if (dependency === undefined) continue;
    usable.push({ artifact, dependency });
    addModule(`${artifact.groupId}:${artifact.artifactId}:${artifact.version}`, [dependency]);
  }
  for (let mix = 0; mix < mixes; mix++) {
    // One version per groupId:artifactId in a mix: Maven rejects a pom that declares one twice with different versions.
    const picked = new Map();
    for (const entry of shuffled(usable, mix + 1)) {
      const key = `${entry.artifact.groupId}:${entry.artifact.artifactId}`;
      if (!picked.has(key)) picked.set(key, entry);
      if (picked.size === mixSize) break;
    }
    addModule(`mix ${mix + 1} of ${picked.size} artifacts`, [...picked.values()].map((entry) => entry.dependency));
  }
  // Every pom that manages dependencies, imported as a BOM by a module that depends on some of what it manages
  // (without versions): real import-scope BOMs, their parents and their properties.
  for (const artifact of artifacts) {
    const managedCoordinates = managedArtifacts(artifact).slice(0, bomDependencies);
    if (managedCoordinates.length === 0) continue;
    const bom = `<dependency><groupId>${artifact.groupId}</groupId><artifactId>${artifact.artifactId}</artifactId><version>${artifact.version}</version><type>pom</type><scope>import</scope></dependency>`;
    const dependencies = managedCoordinates.map(({ groupId, artifactId }) => `<dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId></dependency>`);
    addModule(`imports ${artifact.groupId}:${artifact.artifactId}:${artifact.version}`, dependencies, [bom]);
    // The same pom as a parent, when it can be one: its properties, profiles, dependencies and management inherited.
    if (packagingOf(artifact) !== 'pom') continue;
    const parent = `  <parent>\n    <groupId>${artifact.groupId}</groupId>\n    <artifactId>${artifact.artifactId}</artifactId>\n    <version>${artifact.version}</version>\n    <relativePath/>\n  </parent>\n`;
    addModule(`child of ${artifact.groupId}:${artifact.artifactId}:${artifact.version}`, dependencies, [], parent);
  }
  writeRootPom(projectDir, modules);
  return modules;
}

function writeRootPom(projectDir, modules) {
  const moduleList = modules.map((module) => `    <module>${module.name}</module>`).join('\n');
  writeFileSync(join(projectDir, 'pom.xml'), projectXml('root', `  <modules>\n${moduleList}\n  </modules>`));
}

function runAsync(command, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout }));
  });
}

async function forEachFewAtATime(items, concurrency, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Whether Maven, run on the module alone, stops because a build plugin (or extension) cannot be resolved offline. */
function lacksBuildPlugin(moduleDir, common) {
  const alone = run('mvn', ['-o', '-B', '-ntp', '-Dstyle.color=never', ...common, `${DEPENDENCY_PLUGIN}:tree`, '-DoutputFile=tree-alone.txt'], { cwd: moduleDir });
  return /^\[ERROR\] .*(?:resolving version for plugin|Unresolveable build extension|Plugin \S+ or one of its dependencies could not be resolved)/m.test(alone.stdout);
}

/**
 * The test classpath of every module but those left out of the tree comparison: Maven writes it where it can
 * resolve every file, and fails the module where it cannot (-fae carries on); jarscope must then fail too.
 */
async function compareClasspaths(projectDir, modules, unreadable, leftOut, common) {
  writeRootPom(projectDir, modules.filter((module) => !unreadable.has(module.name)));
  run('mvn', ['-o', '-B', '-ntp', '-fae', '-q', '-Dstyle.color=never', ...common, `${DEPENDENCY_PLUGIN}:build-classpath`, '-Dmdep.outputFile=classpath.txt'], { cwd: projectDir });
  writeRootPom(projectDir, modules);
  let same = 0;
  const differing = [];
  const compared = modules.filter((module) => !leftOut.includes(module));
  await forEachFewAtATime(compared, 4, async (module) => {
    const args = [join(repoRoot, 'bin', 'jarscope.js'), 'classpath', projectDir, '--module', module.name, ...common];
    const printed = await runAsync(process.execPath, args);
    const expectedFile = join(projectDir, module.name, 'classpath.txt');
    const matches = existsSync(expectedFile) ? printed.status === 0 && printed.stdout === readFileSync(expectedFile, 'utf8') : printed.status !== 0;
    if (matches) same++;
    else differing.push(module);
  });
  for (const module of differing) console.log(`classpath differs: ${module.name} (${module.description})`);
  console.log(`classpath: ${same} same, ${differing.length} differ`);
  return differing;
}

const scratch = mkdtempSync(join(tmpdir(), 'jarscope-debian-'));
try {
  const projectDir = join(scratch, 'project');
  const settings = join(scratch, 'settings.xml');
  mkdirSync(projectDir);
  writeFileSync(settings, '<settings/>\n');
  const localRepo = mirrorDebianRepository(scratch);

  const modules = writeReactor(projectDir, repositoryArtifacts(), mixes, mixSize);
  console.log(`${modules.length} modules: one per artifact of ${debianRepo}, ${mixes} of ${mixSize} artifacts each, one per BOM, one per parent`);

  const common = ['-Dmaven.repo.local=' + localRepo, '-s', settings];
  const mavenStart = Date.now();
  const runMaven = () => run('mvn', ['-o', '-B', '-ntp', '-fae', '-Dstyle.color=never', ...common, `${DEPENDENCY_PLUGIN}:tree`, '-Dverbose', '-DoutputFile=tree-verbose.txt'], { cwd: projectDir });
  let maven = runMaven();
  // A module Maven cannot read stops the whole build: Maven runs again without those (they stay in jarscope's
  // run, which must print nothing for them either).
  const unreadable = new Set([...maven.stdout.matchAll(/The project \S+ \(.*?\/(m\d+)\/pom\.xml\) has \d+ errors?/g)].map((match) => match[1]));
  if (unreadable.size > 0) {
    console.log(`modules Maven cannot read: ${[...unreadable].join(', ')}`);
    writeRootPom(projectDir, modules.filter((module) => !unreadable.has(module.name)));
    maven = runMaven();
    writeRootPom(projectDir, modules);
  }
  console.log(`mvn -o dependency:tree -Dverbose: exit ${maven.status}, ${((Date.now() - mavenStart) / 1000).toFixed(1)} s`);
  const jarscopeStart = Date.now();
  // The same -Dmaven.repo.local as Maven gets: a user property, which profiles of some poms test for.
  const jarscope = run(process.execPath, [join(repoRoot, 'bin', 'jarscope.js'), 'tree', projectDir, '--verbose', ...common]);
  console.log(`jarscope tree --verbose: exit ${jarscope.status}, ${((Date.now() - jarscopeStart) / 1000).toFixed(1)} s`);

  // Every module's tree starts with its own project line; one blank line separates them.
  const printed = new Map();
  for (const block of jarscope.stdout.split('\n\n')) {
    const name = /^org\.jarscope\.debian:(\w+):/.exec(block)?.[1];
    if (name !== undefined) printed.set(name, block.endsWith('\n') ? block : `${block}\n`);
  }
  let same = 0;
  const differing = [];
  const needPlugins = [];
  for (const module of modules) {
    const expectedFile = join(projectDir, module.name, 'tree-verbose.txt');
    // Where Maven fails a module (it writes nothing), jarscope must print nothing for it either, unless what
    // Maven lacks is a build plugin: jarscope reads no build plugins, and Debian packages few of them.
    const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : undefined;
    if (expected === printed.get(module.name)) same++;
    else if (expected === undefined && lacksBuildPlugin(join(projectDir, module.name), common)) needPlugins.push(module);
    else differing.push(module);
  }
  for (const module of differing) console.log(`tree differs: ${module.name} (${module.description})`);
  if (needPlugins.length > 0) {
    console.log(`left out, Maven needs a build plugin the repository lacks: ${needPlugins.map((module) => `${module.name} (${module.description})`).join(', ')}`);
  }
  console.log(`tree --verbose: ${same} same, ${differing.length} differ, ${needPlugins.length} left out`);

  const differingClasspaths = withClasspaths ? await compareClasspaths(projectDir, modules, unreadable, needPlugins, common) : [];
  if (keep) console.log(`kept: ${scratch}`);
  process.exitCode = differing.length === 0 && differingClasspaths.length === 0 ? 0 : 1;
} finally {
  if (!keep) rmSync(scratch, { recursive: true, force: true });
}
