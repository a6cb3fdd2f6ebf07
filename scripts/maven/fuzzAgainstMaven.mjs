// Compares jarscope with real Maven on random dependency graphs. Each round writes a random local repository of
// small artifacts (several versions each, dependencies on versions or ranges with every scope, optional ones,
// exclusions with wildcards, classifiers and test-jars, parents that manage and add dependencies, import-scope
// BOMs, relocations and a relocation chain, cycles, now and then a version whose jar is missing) and a random reactor over it (a root that manages and imports, modules that depend
// without versions on what is managed, and on each other in an order Maven must sort), then runs
// `mvn -o dependency:tree` with and without -Dverbose and `compile dependency:build-classpath` (a sibling module
// resolves offline only as the classes `compile` makes in the same run) once each over the whole reactor, and
// `jarscope tree` / `jarscope classpath` the same way: every module's output must be Maven's, byte for byte, and
// where Maven fails a module, or skips one that depends on a failed one, jarscope must too. Rounds are seeded, so
// a difference can be replayed with --seed and kept with --keep. A check to run, not a
// unit test: a round takes Maven several seconds.
//
// Usage: node scripts/maven/fuzzAgainstMaven.mjs [--rounds N] [--seed N] [--artifacts N] [--modules N] [--keep]
//        (needs Debian's maven and its dependency, compiler and resources plugins)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEPENDENCY_PLUGIN, metadataXml, mirrorDebianRepository, run } from './mavenTools.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const numberAfter = (flag, fallback) => {
  const index = process.argv.indexOf(flag);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
};
const rounds = numberAfter('--rounds', 10);
const firstSeed = numberAfter('--seed', 1);
const artifactCount = numberAfter('--artifacts', 40);
const moduleCount = numberAfter('--modules', 12);
const keep = process.argv.includes('--keep');

// Maven's dependency pool holds its entries weakly, so a garbage collection can change which scope string a
// later module's dependency gets, and with it a verbose note. Without any collection (Epsilon), Maven's output is
// the one jarscope models; these reactors fit in memory.
const mavenEnv = { ...process.env, MAVEN_OPTS: '-XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xmx6g' };

const GROUP = 'org.fuzz';
const BUILD_GROUP = 'org.fuzz.build';
const VERSIONS = ['1.0', '1.1', '2.0'];
const PARENTS = 3;
const BOMS = 2;

/** A seeded generator (mulberry32): the same seed writes the same round. */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const below = (n) => Math.floor(next() * n);
  const shuffled = (items) => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = below(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return { chance: (p) => next() < p, below, pick: (items) => items[below(items.length)], shuffled };
}

const name = (index) => `a${String(index).padStart(3, '0')}`;

function element(tag, value) {
  return value === undefined ? '' : `<${tag}>${value}</${tag}>`;
}

/** A <dependency> element from its fields (undefined fields are not written). */
function dependencyXml(d) {
  const exclusions = d.exclusions?.length
    ? `<exclusions>${d.exclusions.map((e) => `<exclusion>${element('groupId', e.groupId)}${element('artifactId', e.artifactId)}</exclusion>`).join('')}</exclusions>`
    : '';
  return (
    `<dependency>${element('groupId', d.groupId ?? GROUP)}${element('artifactId', d.artifactId)}${element('version', d.version)}` +
    `${element('type', d.type)}${element('classifier', d.classifier)}${element('scope', d.scope)}${element('optional', d.optional)}${exclusions}</dependency>`
  );
}

function pomXml({ artifactId, version, packaging, parent, management = [], dependencies = [], extra = '', groupId = GROUP }) {
  const parentXml = parent
    ? `  <parent><groupId>${parent.groupId ?? GROUP}</groupId><artifactId>${parent.artifactId}</artifactId><version>${parent.version}</version>${parent.relativePath ?? ''}</parent>\n`
    : '';
  const list = (entries) => `<dependencies>\n${entries.map((entry) => `    ${dependencyXml(entry)}\n`).join('')}  </dependencies>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n${parentXml}` +
    `  <groupId>${groupId}</groupId>\n  <artifactId>${artifactId}</artifactId>\n  <version>${version}</version>\n` +
    `  <packaging>${packaging ?? 'jar'}</packaging>\n${extra}` +
    (management.length > 0 ? `  <dependencyManagement>${list(management)}</dependencyManagement>\n` : '') +
    (dependencies.length > 0 ? `  ${list(dependencies)}\n` : '') +
    '</project>\n'
  );
}

/** A random exclusion: one artifact, all of org.fuzz, or one artifactId in any group. */
function randomExclusion(random) {
  const target = name(random.below(artifactCount));
  const roll = random.below(10);
  if (roll === 0) return { groupId: GROUP, artifactId: '*' };
  if (roll === 1) return { groupId: '*', artifactId: target };
  return { groupId: GROUP, artifactId: target };
}

/** A version range that admits some of VERSIONS (which the artifact may not have: Maven then fails, and so must jarscope). */
const RANGES = ['[1.0,2.0)', '[1.1,)', '(,1.1]', '[1.0,1.1]', '[2.0]'];

/** A random dependency on artifact `index`: any of its versions or a range, scope, optional, exclusions, sometimes a test-jar or classifier. */
function randomDependency(random, versionsOf, index, { versionless = false } = {}) {
  const version = random.chance(0.06) ? random.pick(RANGES) : random.pick(versionsOf[index]);
  const dependency = { artifactId: name(index), version: versionless ? undefined : version };
  const scopeRoll = random.below(20);
  dependency.scope = scopeRoll < 3 ? 'runtime' : scopeRoll < 5 ? 'test' : scopeRoll < 7 ? 'provided' : scopeRoll < 9 ? 'compile' : undefined;
  if (random.chance(0.08)) dependency.optional = random.chance(0.8) ? 'true' : 'false';
  if (random.chance(0.12)) dependency.exclusions = [randomExclusion(random)];
  // Management is keyed by type and classifier too: a dependency without a version stays a plain jar.
  const typeRoll = versionless ? -1 : random.below(40);
  if (typeRoll === 0) dependency.type = 'test-jar';
  else if (typeRoll === 1) dependency.classifier = 'linux';
  return dependency;
}

/** Management entries: a version, sometimes a scope or exclusions, for random artifacts. */
function randomManagement(random, versionsOf, count) {
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const index = random.below(artifactCount);
    const entry = { artifactId: name(index), version: random.pick(versionsOf[index]) };
    if (random.chance(0.25)) entry.scope = random.pick(['compile', 'runtime', 'test', 'provided']);
    if (random.chance(0.15)) entry.exclusions = [randomExclusion(random)];
    entries.set(entry.artifactId, entry);
  }
  return [...entries.values()];
}

function writeMetadata(repository, artifactId, versions) {
  writeFileSync(join(repository, ...GROUP.split('.'), artifactId, 'maven-metadata-local.xml'), metadataXml(GROUP, artifactId, versions));
}

function writeArtifact(repository, artifactId, version, pom, jars = true) {
  const dir = join(repository, ...GROUP.split('.'), artifactId, version);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${artifactId}-${version}.pom`), pom);
  if (!jars) return;
  for (const suffix of ['', '-tests', '-linux']) writeFileSync(join(dir, `${artifactId}-${version}${suffix}.jar`), '');
}

/**
 * In half the rounds, one artifact version keeps its pom and loses its main jar: its trees resolve, but
 * build-classpath fails a module that has it in test scope, and Maven skips the modules that need that one.
 */
function removeOneJar(repository, random, versionsOf) {
  if (!random.chance(0.5)) return;
  const index = random.below(artifactCount);
  const version = random.pick(versionsOf[index]);
  rmSync(join(repository, ...GROUP.split('.'), name(index), version, `${name(index)}-${version}.jar`));
}

/** The round's artifacts: parents and BOMs first, then aNNN in every version, a few relocated names. */
function writeRepository(repository, random) {
  const versionsOf = Array.from({ length: artifactCount }, () => VERSIONS.filter(() => random.chance(0.6)));
  versionsOf.forEach((versions, index) => versions.length === 0 && (versionsOf[index] = [random.pick(VERSIONS)]));
  const parents = [];
  for (let p = 0; p < PARENTS; p++) {
    const parent = p > 0 && random.chance(0.5) ? { artifactId: `parent-${p - 1}`, version: '1.0' } : undefined;
    const management = randomManagement(random, versionsOf, 4);
    const dependencies = random.chance(0.4) ? [randomDependency(random, versionsOf, random.below(artifactCount))] : [];
    writeArtifact(repository, `parent-${p}`, '1.0', pomXml({ artifactId: `parent-${p}`, version: '1.0', packaging: 'pom', parent, management, dependencies }), false);
    parents.push({ artifactId: `parent-${p}`, managed: management.map((entry) => entry.artifactId), parent });
  }
  for (let b = 0; b < BOMS; b++) {
    const management = randomManagement(random, versionsOf, 6);
    if (b > 0 && random.chance(0.5)) management.push({ artifactId: 'bom-0', version: '1.0', type: 'pom', scope: 'import' });
    writeArtifact(repository, `bom-${b}`, '1.0', pomXml({ artifactId: `bom-${b}`, version: '1.0', packaging: 'pom', management }), false);
  }
  for (let index = 0; index < artifactCount; index++) {
    for (const version of versionsOf[index]) {
      const parentEntry = random.chance(0.25) ? random.pick(parents) : undefined;
      const dependencies = [];
      const seen = new Set();
      const count = random.below(5);
      for (let k = 0; k < count; k++) {
        // Mostly towards later artifacts; now and then back, which makes cycles.
        const target = random.chance(0.06) ? random.below(artifactCount) : index + 1 + random.below(Math.max(1, artifactCount - index - 1));
        if (target >= artifactCount || target === index || seen.has(target)) continue;
        seen.add(target);
        const managedByParent = parentEntry?.managed.includes(name(target)) ?? false;
        dependencies.push(randomDependency(random, versionsOf, target, { versionless: managedByParent && random.chance(0.5) }));
      }
      const management = random.chance(0.1) ? randomManagement(random, versionsOf, 2) : [];
      const parent = parentEntry && { artifactId: parentEntry.artifactId, version: '1.0' };
      writeArtifact(repository, name(index), version, pomXml({ artifactId: name(index), version, parent, management, dependencies }));
    }
    writeMetadata(repository, name(index), versionsOf[index]);
  }
  // Relocated names: rNNN:v moves to aNNN:v, whose pom and jars are there.
  const relocated = [];
  for (let r = 0; r < 3; r++) {
    const index = random.below(artifactCount);
    const version = random.pick(versionsOf[index]);
    const extra = `  <distributionManagement><relocation><artifactId>${name(index)}</artifactId></relocation></distributionManagement>\n`;
    writeArtifact(repository, `r${r}`, version, pomXml({ artifactId: `r${r}`, version, extra }), false);
    relocated.push({ artifactId: `r${r}`, version });
  }
  // A chain of two relocations: chain:v moves to r0:v, which moves on to an aNNN.
  const { version: chainVersion } = relocated[0];
  const chainExtra = '  <distributionManagement><relocation><artifactId>r0</artifactId></relocation></distributionManagement>\n';
  writeArtifact(repository, 'chain', chainVersion, pomXml({ artifactId: 'chain', version: chainVersion, extra: chainExtra }), false);
  relocated.push({ artifactId: 'chain', version: chainVersion });
  return { versionsOf, relocated };
}

/**
 * Dependencies between the modules: an acyclic random order (not the declaration order, so that Maven sorts the
 * reactor), each module depending on up to two modules before it, with a scope, optional, an exclusion, and
 * sometimes no version where the root manages the sibling. Drawn from their own generator, so that a seed's
 * repository and its modules' other dependencies stay as they were before siblings were added.
 */
function siblingDependencies(random, modules) {
  const order = random.shuffled(modules);
  const managed = modules.filter(() => random.chance(0.2));
  const byModule = new Map();
  order.forEach((module, position) => {
    const dependencies = [];
    if (position > 0 && random.chance(0.6)) {
      for (const sibling of new Set([random.pick(order.slice(0, position)), random.pick(order.slice(0, position))])) {
        const dependency = { groupId: BUILD_GROUP, artifactId: sibling };
        dependency.version = managed.includes(sibling) && random.chance(0.6) ? undefined : random.pick(['1', '${project.version}']);
        const scopeRoll = random.below(10);
        dependency.scope = scopeRoll < 1 ? 'runtime' : scopeRoll < 2 ? 'test' : scopeRoll < 3 ? 'provided' : scopeRoll < 4 ? 'compile' : undefined;
        if (random.chance(0.1)) dependency.optional = 'true';
        if (random.chance(0.15)) dependency.exclusions = [randomExclusion(random)];
        dependencies.push(dependency);
      }
    }
    byModule.set(module, dependencies);
  });
  return { byModule, management: managed.map((artifactId) => ({ groupId: BUILD_GROUP, artifactId, version: '1' })) };
}

/** The reactor: a root that manages (and may import a BOM), modules that inherit from it and depend on each other. */
function writeReactor(projectDir, random, siblingRandom, { versionsOf, relocated }) {
  const rootManagement = randomManagement(random, versionsOf, 8);
  if (random.chance(0.6)) rootManagement.push({ artifactId: `bom-${random.below(BOMS)}`, version: '1.0', type: 'pom', scope: 'import' });
  const managed = new Set(rootManagement.filter((entry) => entry.scope !== 'import').map((entry) => entry.artifactId));
  // The middle of the relocation chain, managed to a version that has no pom: Maven follows the chain in one
  // read, so below a module this management never applies.
  rootManagement.push({ artifactId: 'r0', version: '9.9' });
  const modules = Array.from({ length: moduleCount }, (_, m) => `m${String(m).padStart(2, '0')}`);
  const siblings = siblingDependencies(siblingRandom, modules);
  rootManagement.push(...siblings.management);
  const moduleList = `  <modules>${modules.map((module) => `<module>${module}</module>`).join('')}</modules>\n`;
  const root = { artifactId: 'root', version: '1', packaging: 'pom', groupId: BUILD_GROUP, extra: moduleList, management: rootManagement };
  if (random.chance(0.3)) root.dependencies = [randomDependency(random, versionsOf, random.below(artifactCount))];
  writeFileSync(join(projectDir, 'pom.xml'), pomXml(root));
  for (const module of modules) {
    const dependencies = [];
    const seen = new Set();
    const count = 2 + random.below(6);
    for (let k = 0; k < count; k++) {
      const index = random.below(artifactCount);
      if (seen.has(index)) continue;
      seen.add(index);
      dependencies.push(randomDependency(random, versionsOf, index, { versionless: managed.has(name(index)) && random.chance(0.5) }));
    }
    if (random.chance(0.2)) {
      const { artifactId, version } = random.pick(relocated);
      dependencies.push({ artifactId, version });
    }
    dependencies.push(...siblings.byModule.get(module));
    const ownManagement = random.chance(0.2) ? randomManagement(random, versionsOf, 2) : [];
    const parent = { groupId: BUILD_GROUP, artifactId: 'root', version: '1' };
    mkdirSync(join(projectDir, module));
    writeFileSync(join(projectDir, module, 'pom.xml'), pomXml({ artifactId: module, version: '1', groupId: BUILD_GROUP, parent, management: ownManagement, dependencies }));
  }
  return ['.', ...modules];
}

/** Splits the CLI's all-modules tree into each module's text, by its first line's artifactId. */
function treesByModule(text) {
  const trees = new Map();
  for (const block of text.split('\n\n')) {
    const artifactId = /^org\.fuzz\.build:([\w-]+):/.exec(block)?.[1];
    if (artifactId !== undefined) trees.set(artifactId === 'root' ? '.' : artifactId, block.endsWith('\n') ? block : `${block}\n`);
  }
  return trees;
}

function compareRound(seed, scratch, settings) {
  const random = generator(seed);
  const roundDir = join(scratch, `round-${seed}`);
  const projectDir = join(roundDir, 'project');
  mkdirSync(projectDir, { recursive: true });
  // A repository per round, so that a round kept with its differences can be run again as it was.
  const localRepo = mirrorDebianRepository(roundDir);
  const layout = writeRepository(localRepo, random);
  const modules = writeReactor(projectDir, random, generator(seed ^ 0x5eed), layout);
  removeOneJar(localRepo, generator(seed ^ 0x7a11), layout.versionsOf);
  const common = ['-Dmaven.repo.local=' + localRepo, '-s', settings];
  const mvn = (goals, ...args) =>
    run('mvn', ['-o', '-B', '-ntp', '-fae', '-Dstyle.color=never', ...common, ...goals, ...args], { cwd: projectDir, env: mavenEnv });
  const cli = (...args) => run(process.execPath, [join(repoRoot, 'bin', 'jarscope.js'), ...args, ...common]);
  const differences = [];
  const check = (what, expectedFile, printed, printedStatus) => {
    const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : undefined;
    const same = expected === undefined ? printedStatus !== 0 || printed === undefined : printed === expected;
    if (!same) differences.push({ what, expected: expected ?? '(Maven failed)\n', printed: printed ?? '(nothing)\n' });
  };
  for (const verbose of [false, true]) {
    const file = verbose ? 'tree-verbose.txt' : 'tree.txt';
    const maven = mvn([`${DEPENDENCY_PLUGIN}:tree`], ...(verbose ? ['-Dverbose'] : []), `-DoutputFile=${file}`);
    if (/The build could not read/.test(maven.stdout)) return { seed, modules: modules.length, invalid: maven.stdout.split('\n').filter((line) => line.startsWith('[ERROR]')).slice(0, 3) };
    const printed = cli('tree', projectDir, ...(verbose ? ['--verbose'] : []));
    const trees = treesByModule(printed.stdout);
    for (const module of modules) check(`${module} ${file}`, join(projectDir, module, file), trees.get(module), trees.has(module) ? 0 : 1);
  }
  // With -fae a module after a failed one it needs is SKIPPED and writes nothing: jarscope must print nothing either.
  mvn(['compile', `${DEPENDENCY_PLUGIN}:build-classpath`], '-Dmdep.outputFile=classpath.txt');
  let noClasspath = 0;
  for (const module of modules) {
    const printed = cli('classpath', projectDir, '--module', module);
    const expectedFile = join(projectDir, module, 'classpath.txt');
    if (!existsSync(expectedFile)) noClasspath++;
    check(`${module} classpath`, expectedFile, printed.status === 0 ? printed.stdout : undefined, printed.status);
  }
  if (differences.length === 0 && !keep) rmSync(roundDir, { recursive: true, force: true });
  return { seed, modules: modules.length, noClasspath, differences, projectDir, localRepo };
}

const scratch = mkdtempSync(join(tmpdir(), 'jarscope-fuzz-'));
const settings = join(scratch, 'settings.xml');
writeFileSync(settings, '<settings/>\n');
let compared = 0;
let differing = 0;
try {
  for (let seed = firstSeed; seed < firstSeed + rounds; seed++) {
    const result = compareRound(seed, scratch, settings);
    if (result.invalid) {
      console.log(`seed ${seed}: Maven cannot read the reactor (the generator made an invalid pom): ${result.invalid.join(' | ')}`);
      continue;
    }
    compared += result.modules;
    if (result.differences.length === 0) {
      console.log(`seed ${seed}: ${result.modules} modules, trees and classpaths the same (${result.noClasspath} failed or skipped by Maven's build-classpath)`);
      continue;
    }
    differing++;
    console.log(`seed ${seed}: ${result.differences.length} outputs differ (kept: ${result.projectDir}, repository ${result.localRepo})`);
    for (const { what, expected, printed } of result.differences.slice(0, 3)) {
      console.log(`  ${what}\n  --- mvn\n${expected.replace(/^/gm, '    ')}  --- jarscope\n${printed.replace(/^/gm, '    ')}`);
    }
  }
  console.log(`${rounds} rounds, ${compared} modules compared, ${differing} rounds with differences`);
} finally {
  if (!keep && differing === 0) rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = differing === 0 ? 0 : 1;
