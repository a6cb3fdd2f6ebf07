// Writes test/fixtures/maven-repo/ (a Maven local repository of fixture artifacts) from the
// declarative spec in fixtureRepoSpec.mjs. Output is byte-for-byte reproducible: the folder is
// wiped first, poms are rendered from the spec, jars are stored zips with a fixed timestamp, and
// maven-metadata-local.xml (what `mvn install` writes; what the resolver reads offline to expand
// version ranges) lists every version of each groupId:artifactId in spec order.
// Usage: node scripts/maven/buildFixtureRepo.mjs [--root DIR]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { artifacts, extraJars } from './fixtureRepoSpec.mjs';
import { metadataXml } from './mavenTools.mjs';
import { renderPom, splitCoordinates } from './renderPom.mjs';
import { storedZip } from './storedZip.mjs';

// --root DIR writes the same files under DIR instead of the working tree (used to check that the
// committed repository is exactly what the spec produces).
const rootOption = process.argv.indexOf('--root');
const repoRoot = rootOption >= 0 ? process.argv[rootOption + 1] : join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(repoRoot, 'test', 'fixtures', 'maven-repo');

/** A tiny valid jar whose one entry names the artifact it stands for. */
function fixtureJar(label) {
  const manifest = 'Manifest-Version: 1.0\r\nCreated-By: jarscope fixture\r\n\r\n';
  const fileName = label.replace(/[^A-Za-z0-9._-]/g, '_');
  return storedZip([
    { name: 'META-INF/MANIFEST.MF', data: Buffer.from(manifest) },
    { name: `META-INF/fixture/${fileName}.properties`, data: Buffer.from(`artifact=${label}\n`) },
  ]);
}

function write(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

function buildRepository() {
  rmSync(outDir, { recursive: true, force: true });
  const versionsByArtifact = new Map();
  for (const artifact of artifacts) {
    const { groupId, artifactId, version } = splitCoordinates(artifact.coordinates);
    const dir = join(outDir, ...groupId.split('.'), artifactId, version);
    const base = `${artifactId}-${version}`;
    if (!artifact.noPom) write(join(dir, `${base}.pom`), renderPom(artifact));
    const packaging = artifact.packaging ?? 'jar';
    if (packaging !== 'pom' && !artifact.noJar) {
      const extension = packaging === 'war' ? 'war' : 'jar';
      write(join(dir, `${base}.${extension}`), fixtureJar(artifact.coordinates));
    }
    for (const classifier of artifact.classifiers ?? []) {
      write(join(dir, `${base}-${classifier}.jar`), fixtureJar(`${artifact.coordinates}:${classifier}`));
    }
    const key = `${groupId}:${artifactId}`;
    versionsByArtifact.set(key, [...(versionsByArtifact.get(key) ?? []), version]);
  }
  for (const [key, versions] of versionsByArtifact) {
    const { groupId, artifactId } = splitCoordinates(key);
    write(join(outDir, ...groupId.split('.'), artifactId, 'maven-metadata-local.xml'), metadataXml(groupId, artifactId, versions));
  }
  // Jars that corpus cases reference by path (system scope), written the same reproducible way.
  for (const { path, label } of extraJars) write(join(repoRoot, path), fixtureJar(label));
  console.log(`wrote ${artifacts.length} artifacts to ${outDir}`);
}

buildRepository();
