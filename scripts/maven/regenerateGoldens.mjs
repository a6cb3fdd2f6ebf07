// Regenerates test/fixtures/maven-corpus/*/expected/ by running real Maven (3.8.7, offline) on each
// case, and records the reactor order Maven printed in case.json.
//
// Maven runs against a throw-away local repository outside the working tree: a symlink copy of
// Debian's /usr/share/maven-repo (for Maven's own plugins) plus a copy of test/fixtures/maven-repo
// (the only artifacts the corpus depends on). Each case is built in a temporary copy, so nothing
// (target/, logs) is left in the repository. Outputs keep Maven's bytes exactly, except that the
// local repository path becomes @REPO@ and the case folder path becomes @PROJECT@.
//
// Usage: node scripts/maven/regenerateGoldens.mjs [--keep] [case-name-substring ...]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEPENDENCY_PLUGIN, mirrorDebianRepository, run } from './mavenTools.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpusDir = join(repoRoot, 'test', 'fixtures', 'maven-corpus');
const fixtureRepo = join(repoRoot, 'test', 'fixtures', 'maven-repo');
const OUT = 'target/jarscope-golden';
// C1-only JIT starts Maven's JVM faster; it changes nothing Maven resolves or prints.
const MAVEN_ENV = { ...process.env, MAVEN_OPTS: `${process.env.MAVEN_OPTS ?? ''} -XX:TieredStopAtLevel=1`.trim() };

/** One golden file per module and the Maven goals that write it (relative outputs resolve per module). */
const OUTPUTS = [
  { file: 'tree.txt', goals: [`${DEPENDENCY_PLUGIN}:tree`, `-DoutputFile=${OUT}/tree.txt`] },
  { file: 'tree-verbose.txt', goals: [`${DEPENDENCY_PLUGIN}:tree`, '-Dverbose', `-DoutputFile=${OUT}/tree-verbose.txt`] },
  // In a reactor, `compile` must run in the same invocation so sibling modules resolve offline
  // (as target/classes); without includeScope the file is the test classpath.
  { file: 'classpath-test.txt', goals: ['compile', `${DEPENDENCY_PLUGIN}:build-classpath`, `-Dmdep.outputFile=${OUT}/classpath-test.txt`] },
  {
    file: 'classpath-compile.txt',
    goals: ['compile', `${DEPENDENCY_PLUGIN}:build-classpath`, '-DincludeScope=compile', `-Dmdep.outputFile=${OUT}/classpath-compile.txt`],
  },
  {
    file: 'classpath-runtime.txt',
    goals: ['compile', `${DEPENDENCY_PLUGIN}:build-classpath`, '-DincludeScope=runtime', `-Dmdep.outputFile=${OUT}/classpath-runtime.txt`],
  },
];

function makeLocalRepository(scratch) {
  const m2 = mirrorDebianRepository(scratch);
  cpSync(fixtureRepo, m2, { recursive: true });
  return m2;
}

/** The [ERROR] block Maven prints for a failed build, without its generic help footer. */
function errorLines(log) {
  const lines = [];
  for (const line of log.split('\n')) {
    if (!line.startsWith('[ERROR]')) continue;
    if (line.startsWith('[ERROR] To see the full stack trace')) break;
    if (line.trim() !== '[ERROR]') lines.push(line);
  }
  return lines;
}

/** Files named `name` under dir (skipping nothing: the work copy holds only the case). */
function findFiles(dir, name) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === name)
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** case.json with one key per line and arrays kept on that line, so diffs stay readable. */
function formatCaseJson(caseJson) {
  const keys = ['description', 'args', 'reactorOrder', ...Object.keys(caseJson).filter((key) => !['description', 'args', 'reactorOrder'].includes(key))];
  const lines = keys.map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify(caseJson[key])}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** The module folder of each project name Maven prints (its <name>, else its artifactId) in a case's work copy. */
function moduleDirsByName(work) {
  const dirs = new Map();
  for (const pomFile of findFiles(work, 'pom.xml')) {
    const own = readFileSync(pomFile, 'utf8').replace(/<parent>[\s\S]*?<\/parent>/, '').split(/<(?:dependencies|dependencyManagement|build|profiles)>/)[0];
    const name = /<name>([^<]+)<\/name>/.exec(own)?.[1] ?? /<artifactId>([^<]+)<\/artifactId>/.exec(own)?.[1];
    if (name) dirs.set(name.trim(), relative(work, dirname(pomFile)) || '.');
  }
  return dirs;
}

/**
 * The reactor's build order as Maven plans it ("Reactor Build Order:") and the modules its summary says it
 * SKIPPED, as module folders; only multi-module builds print them.
 */
function reactorSummary(log, work) {
  const dirs = moduleDirsByName(work);
  const dirOf = (name) => dirs.get(name) ?? `?${name}`;
  const planned = /\[INFO\] Reactor Build Order:\n\[INFO\] *\n((?:\[INFO\] \S.*\n)+)/.exec(log)?.[1] ?? '';
  const order = [...planned.matchAll(/^\[INFO\] (.+?) +\[\w+\]$/gm)].map((match) => dirOf(match[1]));
  const skipped = [...log.matchAll(/^\[INFO\] (.+?) \.+ SKIPPED$/gm)].map((match) => dirOf(match[1]));
  return { order, skipped };
}

function expectedDirName(moduleDir) {
  return moduleDir === '.' ? 'ROOT' : moduleDir.split('/').join('__');
}

function regenerateCase(name, m2, scratch) {
  const caseDir = join(corpusDir, name);
  const caseJson = JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8'));
  const work = join(scratch, 'cases', name);
  cpSync(caseDir, work, {
    recursive: true,
    filter: (source) => relative(caseDir, source) !== 'expected' && relative(caseDir, source) !== 'case.json',
  });
  const projectPath = realpathSync(work);
  const substitute = (text) => text.split(m2).join('@REPO@').split(projectPath).join('@PROJECT@');
  // A case with "failAtEnd" runs Maven as `--fail-at-end`: the modules after a failed one are still built, except
  // those that depend on it, which Maven skips.
  const failAtEnd = caseJson.failAtEnd === true;
  const mavenArgs = [
    '-o', '-B', '-ntp', '-Dstyle.color=never', `-Dmaven.repo.local=${m2}`, '-s', join(scratch, 'settings.xml'),
    ...(failAtEnd ? ['--fail-at-end'] : []),
  ];

  const isReactor = /<modules>/.test(readFileSync(join(work, 'pom.xml'), 'utf8'));
  // Goldens are written in the scratch folder first and swapped in at the end, so the corpus never
  // shows a half-written expected/ (tests may run while this regenerates).
  const expectedDir = join(scratch, 'expected', name);
  const errors = [];
  let reactorArtifactIds;
  let summary;
  // Modules skipped per golden file: the tree mojo only collects, build-classpath needs files, so they can differ.
  const skipped = {};
  for (const output of OUTPUTS) {
    // `compile` only matters for reactor siblings; a single project's classpath is the same without it.
    const goals = isReactor ? output.goals : output.goals.filter((goal) => goal !== 'compile');
    const args = [...mavenArgs, ...caseJson.args, ...goals];
    const result = run('mvn', args, { cwd: work, env: MAVEN_ENV });
    const log = result.stdout + result.stderr;
    const outputSummary = failAtEnd ? reactorSummary(log, work) : undefined;
    summary ??= outputSummary;
    if (outputSummary?.skipped.length) skipped[output.file] = outputSummary.skipped;
    if (!reactorArtifactIds) {
      reactorArtifactIds = [...log.matchAll(/^\[INFO\] --- maven-dependency-plugin:3\.5\.0:\S+ \(default-cli\) @ (\S+) ---$/gm)].map(
        (match) => match[1],
      );
    }
    if (result.status !== 0) {
      errors.push(`$ mvn ${[...caseJson.args, ...goals].join(' ')}`, ...errorLines(log).map(substitute));
    }
  }

  // Map each module's artifactId (first line of its tree) to its folder, then order by the log.
  const moduleByArtifactId = new Map();
  for (const treeFile of findFiles(work, 'tree.txt')) {
    const moduleDir = relative(work, dirname(dirname(dirname(treeFile)))) || '.';
    const artifactId = readFileSync(treeFile, 'utf8').split('\n')[0].split(':')[1];
    moduleByArtifactId.set(artifactId, moduleDir);
  }
  // When Maven fails before building anything (an unreadable project model) the log names no module:
  // keep the hand-written order then.
  // With --fail-at-end a failed or skipped module runs no plugin: the order is then the one Maven planned.
  const reactorOrder = summary
    ? summary.order
    : reactorArtifactIds?.length
      ? reactorArtifactIds.map((id) => moduleByArtifactId.get(id) ?? `?${id}`)
      : caseJson.reactorOrder;
  for (const moduleDir of reactorOrder) {
    for (const output of OUTPUTS) {
      const produced = join(work, moduleDir, OUT, output.file);
      if (!existsSync(produced)) continue;
      const target = join(expectedDir, expectedDirName(moduleDir), output.file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, substitute(readFileSync(produced, 'utf8')));
    }
  }
  mkdirSync(expectedDir, { recursive: true });
  if (errors.length) writeFileSync(join(expectedDir, 'mvn-error.txt'), `${errors.join('\n')}\n`);
  rmSync(join(caseDir, 'expected'), { recursive: true, force: true });
  cpSync(expectedDir, join(caseDir, 'expected'), { recursive: true });
  writeFileSync(join(caseDir, 'case.json'), formatCaseJson({ ...caseJson, reactorOrder, ...(Object.keys(skipped).length ? { skipped } : {}) }));
  console.log(`${name}: ${reactorOrder.join(', ')}${errors.length ? ' (maven failed: expected/mvn-error.txt)' : ''}`);
}

function main() {
  const keep = process.argv.includes('--keep');
  const filters = process.argv.slice(2).filter((arg) => arg !== '--keep');
  const build = run(process.execPath, [join(repoRoot, 'scripts', 'maven', 'buildFixtureRepo.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('buildFixtureRepo.mjs failed');
  const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'jarscope-goldens-')));
  try {
    // An empty user settings file, so ~/.m2/settings.xml cannot change what Maven resolves.
    writeFileSync(join(scratch, 'settings.xml'), '<settings/>\n');
    const m2 = makeLocalRepository(scratch);
    const cases = readdirSync(corpusDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(corpusDir, entry.name, 'case.json')))
      .map((entry) => entry.name)
      .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
      .sort();
    for (const name of cases) regenerateCase(name, m2, scratch);
  } finally {
    if (keep) console.log(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main();
