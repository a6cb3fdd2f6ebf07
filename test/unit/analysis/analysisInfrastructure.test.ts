import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildSync } from 'esbuild';
import { ClasspathIndexer } from '../../../src/core/analysis/classpathIndexer';
import { ClassParsePool } from '../../../src/core/analysis/workers/classParsePool';
import { parseEntries, type ParseRequest } from '../../../src/core/analysis/workers/parseEntries';
import { JarIndexCache } from '../../../src/core/cache/jarIndexCache';
import { fixturePath, repoRoot } from '../helpers/paths';
import { analyzeFixture, CountingPool, findingsOf } from './analysisTestKit';
import { tempDir } from '../helpers/tempDir';

const incidentRepo = fixturePath('incidents', 'hadoop-cos', 'repo');
const incidentProject = fixturePath('incidents', 'hadoop-cos', 'project');
const cosJar = join(incidentRepo, 'org', 'apache', 'hadoop', 'hadoop-cos', '3.3.0', 'hadoop-cos-3.3.0.jar');

async function indexAndParse(cacheDir: string, jar: string) {
  const cache = new JarIndexCache(cacheDir);
  const pool = new CountingPool();
  const indexer = new ClasspathIndexer({ cache, pool, javaRelease: 17 });
  const entry = await indexer.index(jar);
  const classes = await indexer.classesOf(entry);
  await cache.flush();
  return { pool, entry, classes };
}

describe('the persistent jar cache', () => {
  it('reads an unchanged jar once across runs, and again when its modification time changes', async () => {
    const cacheDir = tempDir('cache');
    const jar = join(tempDir('jar'), 'hadoop-cos.jar');
    copyFileSync(cosJar, jar);
    const first = await indexAndParse(cacheDir, jar);
    assert.equal(first.pool.parsed, 2, 'BufferPool and ByteBufferWrapper parsed');
    const second = await indexAndParse(cacheDir, jar);
    assert.equal(second.pool.parsed, 0, 'nothing parsed from an unchanged jar');
    assert.deepEqual([...second.classes], [...first.classes]);
    assert.deepEqual(second.entry.index, first.entry.index);
    const summary = second.classes.get('org/apache/hadoop/fs/cosn/BufferPool');
    assert.ok(summary !== undefined && !('error' in summary));
    assert.ok(summary.referencedClasses.includes('org/apache/hadoop/util/CleanerUtil'));
    assert.ok(!summary.referencedClasses.includes('org/apache/hadoop/fs/cosn/ByteBufferWrapper'), 'references inside the jar are dropped');
    utimesSync(jar, new Date(), new Date(Date.now() + 5000));
    const third = await indexAndParse(cacheDir, jar);
    assert.equal(third.pool.parsed, 2, 'a changed jar is read again');
  });

  it("parses a jar once when a later run's indexer asks for classes another run started parsing", async () => {
    const cache = new JarIndexCache(undefined);
    const pool = new CountingPool();
    const firstRun = new ClasspathIndexer({ cache, pool, javaRelease: 17 });
    firstRun.startParsing(await firstRun.index(cosJar));
    const laterRun = new ClasspathIndexer({ cache, pool, javaRelease: 17 });
    const classes = await laterRun.classesOf(await laterRun.index(cosJar));
    assert.equal(pool.parsed, 2, 'BufferPool and ByteBufferWrapper parsed once, by the first run');
    const alone = await indexAndParse(tempDir('cache'), cosJar);
    assert.deepEqual([...classes], [...alone.classes]);
  });

  it("gives a later run a kept jar's classes as the earlier run had them, not a map built again", async () => {
    const cache = new JarIndexCache(undefined);
    const pool = new CountingPool();
    const firstRun = new ClasspathIndexer({ cache, pool, javaRelease: 17 });
    const firstEntry = await firstRun.index(cosJar);
    const first = await firstRun.classesOf(firstEntry);
    const laterRun = new ClasspathIndexer({ cache, pool, javaRelease: 17 });
    const laterEntry = await laterRun.index(cosJar);
    assert.equal(laterEntry.classes, firstEntry.classes, 'the same map of class entries');
    assert.equal(await laterRun.classesOf(laterEntry), first, 'the same map of parsed classes');
    assert.equal(pool.parsed, 2);
    const otherRelease = new ClasspathIndexer({ cache, pool, javaRelease: 8 });
    assert.deepEqual([...(await otherRelease.index(cosJar)).classes.keys()], [...firstEntry.classes.keys()]);
  });

  it('ignores a damaged cache file', async () => {
    const cacheDir = tempDir('cache');
    await indexAndParse(cacheDir, cosJar);
    for (const name of readdirSync(join(cacheDir, 'jars'))) writeFileSync(join(cacheDir, 'jars', name), '{"format":2,');
    const again = await indexAndParse(cacheDir, cosJar);
    assert.equal(again.pool.parsed, 2);
  });
});

/** The class-parse worker bundled as the build bundles it; returns its path. */
function buildWorkerBundle(): string {
  const outfile = join(tempDir('worker'), 'classParseWorker.js');
  buildSync({
    entryPoints: [join(repoRoot, 'src', 'core', 'analysis', 'workers', 'classParseWorker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  return outfile;
}

describe('class parsing on worker threads', () => {
  it('gives the same summaries as parsing in-process', async () => {
    const workerScript = buildWorkerBundle();
    const pool = new ClassParsePool({ workerScript, minBatchForWorker: 1 });
    assert.equal(pool.usesWorkers, true);
    const request: ParseRequest = {
      kind: 'jar',
      path: cosJar,
      entryNames: ['org/apache/hadoop/fs/cosn/BufferPool.class', 'org/apache/hadoop/fs/cosn/ByteBufferWrapper.class', 'no/such/Entry.class'],
    };
    try {
      const [viaWorkers, again] = await Promise.all([pool.parse(request), pool.parse(request)]);
      const inProcess = await parseEntries(request);
      assert.deepEqual(viaWorkers, inProcess);
      assert.deepEqual(again, inProcess);
      assert.equal(inProcess.filter((item) => 'error' in item).length, 1, 'a missing entry is an error, not a crash');
    } finally {
      await pool.close();
    }
  });

  it('caches a jar parsed on a worker from the encoding the worker sent, and reads it back equal', async () => {
    const workerScript = buildWorkerBundle();
    const cacheDir = tempDir('cache');
    const jar = join(tempDir('jar'), 'hadoop-cos.jar');
    copyFileSync(cosJar, jar);
    const cache = new JarIndexCache(cacheDir);
    const pool = new ClassParsePool({ workerScript, minBatchForWorker: 1 });
    let viaWorker;
    try {
      const indexer = new ClasspathIndexer({ cache, pool, javaRelease: 17 });
      viaWorker = await indexer.classesOf(await indexer.index(jar));
      await cache.flush();
    } finally {
      await pool.close();
    }
    const inProcess = await indexAndParse(tempDir('cache'), jar);
    assert.deepEqual([...viaWorker], [...inProcess.classes], 'a worker keeps the same references as the in-process parse');
    const readBack = await indexAndParse(cacheDir, jar);
    assert.equal(readBack.pool.parsed, 0, 'read from the classes file the worker encoding became');
    assert.deepEqual([...readBack.classes], [...viaWorker]);
  });

  it('parses in-process when there is no worker bundle', () => {
    assert.equal(new ClassParsePool({ workerScript: join(tmpdir(), 'no-such-worker.js') }).usesWorkers, false);
  });
});

describe('bad input and a missing JDK', () => {
  it('reports a corrupt jar and a missing jar on the dependencies that bring them, and analyses the rest', async () => {
    const repo = tempDir('repo');
    cpSync(incidentRepo, repo, { recursive: true });
    writeFileSync(join(repo, 'org', 'apache', 'hadoop', 'hadoop-cos', '3.3.0', 'hadoop-cos-3.3.0.jar'), '<html>404</html>');
    rmSync(join(repo, 'com', 'example', 'stream', 'stream-runtime', '1.0', 'stream-runtime-1.0.jar'));
    const result = await analyzeFixture(incidentProject, repo);
    const text = readFileSync(join(incidentProject, 'pom.xml'), 'utf8');
    const unreadable = findingsOf(result, 'unreadable-jar');
    assert.equal(unreadable.length, 1);
    assert.match(unreadable[0]!.message, /not-a-zip/);
    assert.match(text.slice(unreadable[0]!.location.range.start, unreadable[0]!.location.range.end), /hadoop-cos/);
    const unresolved = findingsOf(result, 'unresolved-artifact');
    assert.equal(unresolved.length, 1);
    assert.match(unresolved[0]!.message, /Could not find artifact com\.example\.stream:stream-runtime:jar:1\.0/);
    assert.equal(findingsOf(result, 'version-conflict').length, 1, 'the rest is still analysed');
  });

  it('says once that no JDK was found and takes java.* as provided', async () => {
    const result = await analyzeFixture(incidentProject, incidentRepo, { javaHome: join(tmpdir(), 'no-such-jdk'), env: {} });
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0]!, /No JDK found/);
    const missing = findingsOf(result, 'missing-class');
    assert.deepEqual(missing.map((finding) => finding.classes[0]), ['org.apache.hadoop.util.CleanerUtil']);
  });
});

describe('reactors', () => {
  it('says that a sibling module has not been compiled instead of calling its output folder unreadable', async () => {
    const root = tempDir('reactor');
    const pom = (artifactId: string, body: string) =>
      `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>r</groupId><artifactId>${artifactId}</artifactId><version>1.0</version>${body}</project>\n`;
    writeFileSync(join(root, 'pom.xml'), pom('parent', '<packaging>pom</packaging><modules><module>a</module><module>b</module></modules>'));
    for (const name of ['a', 'b']) mkdirSync(join(root, name));
    writeFileSync(join(root, 'a', 'pom.xml'), pom('a', ''));
    writeFileSync(join(root, 'b', 'pom.xml'), pom('b', '<dependencies><dependency><groupId>r</groupId><artifactId>a</artifactId><version>1.0</version></dependency></dependencies>'));
    const result = await analyzeFixture(root, incidentRepo);
    const findings = result.modules.flatMap((module) => module.findings);
    assert.equal(findings.length, 1, findings.map((finding) => finding.message).join('\n'));
    assert.equal(findings[0]!.severity, 'info');
    assert.equal(findings[0]!.module, 'r:b:1.0');
    assert.match(findings[0]!.message, /r:a:jar:1\.0 is a module of this reactor that has not been compiled/);
  });
});

describe('ignore markers in the pom', () => {
  it('silences a finding of that code and subject on the element that holds the marker', async () => {
    const project = tempDir('marked');
    const text = readFileSync(join(incidentProject, 'pom.xml'), 'utf8').replace(
      '<artifactId>hadoop-cos</artifactId>',
      '<artifactId>hadoop-cos</artifactId>\n      <!-- jarscope:ignore missing-class org.apache.hadoop.util.* -->',
    );
    writeFileSync(join(project, 'pom.xml'), text);
    const result = await analyzeFixture(project, incidentRepo);
    assert.deepEqual(findingsOf(result, 'missing-class'), []);
    assert.equal(findingsOf(result, 'version-conflict').length, 1, 'other codes are kept');
  });
});
