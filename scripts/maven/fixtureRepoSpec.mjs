// Declarative spec of test/fixtures/maven-repo/ (rendered by buildFixtureRepo.mjs).
// Each artifact: coordinates "g:a:v"; optional packaging, parent "g:a:v" (looked up in the
// repository), properties, managed / dependencies in the mini-language of renderPom.mjs
// ("g:a[:v] scope=S type=T classifier=C optional excl=g:a,g:*"), relocation, classifiers (extra
// jars "a-v-<classifier>.jar"), noJar / noPom (to make a file missing on purpose), extraXml.
// Every groupId starts with org.fixture so nothing collides with artifacts of a real repository.

const leaf = (coordinates) => ({ coordinates });

/** @type {ReadonlyArray<Record<string, any>>} */
export const artifacts = [
  // 01-nearest-wins: far -> mid -> shared:1.0 (depth 3), near -> shared:2.0 (depth 2).
  { coordinates: 'org.fixture.nearest:far:1.0', dependencies: ['org.fixture.nearest:mid:1.0'] },
  { coordinates: 'org.fixture.nearest:mid:1.0', dependencies: ['org.fixture.nearest:shared:1.0'] },
  { coordinates: 'org.fixture.nearest:near:1.0', dependencies: ['org.fixture.nearest:shared:2.0'] },
  leaf('org.fixture.nearest:shared:1.0'),
  leaf('org.fixture.nearest:shared:2.0'),

  // 02-first-declaration-wins: left -> shared:1.0, right -> shared:2.0, both at depth 2.
  { coordinates: 'org.fixture.first:left:1.0', dependencies: ['org.fixture.first:shared:1.0'] },
  { coordinates: 'org.fixture.first:right:1.0', dependencies: ['org.fixture.first:shared:2.0'] },
  leaf('org.fixture.first:shared:1.0'),
  leaf('org.fixture.first:shared:2.0'),

  // 03/04 dependencyManagement: user -> lib:1.0, helper:1.0 (compile), noise:1.0.
  {
    coordinates: 'org.fixture.managed:user:1.0',
    dependencies: ['org.fixture.managed:lib:1.0', 'org.fixture.managed:helper:1.0', 'org.fixture.managed:noise:1.0'],
  },
  leaf('org.fixture.managed:lib:1.0'),
  leaf('org.fixture.managed:lib:3.0'),
  leaf('org.fixture.managed:helper:1.0'),
  leaf('org.fixture.managed:helper:2.0'),
  leaf('org.fixture.managed:noise:1.0'),

  // 05/06/07 import-scope BOMs.
  {
    coordinates: 'org.fixture.bom:bom-one:1.0',
    packaging: 'pom',
    managed: ['org.fixture.bom:alpha:2.0', 'org.fixture.bom:beta:1.1', 'org.fixture.bom:gamma:1.1'],
  },
  {
    coordinates: 'org.fixture.bom:bom-two:1.0',
    packaging: 'pom',
    managed: ['org.fixture.bom:beta:1.2', 'org.fixture.bom:gamma:1.2', 'org.fixture.bom:delta:1.2'],
  },
  { coordinates: 'org.fixture.bom:parent-bom:1.0', packaging: 'pom', managed: ['org.fixture.bom:epsilon:1.1'] },
  {
    coordinates: 'org.fixture.bom:child-bom:1.0',
    packaging: 'pom',
    parent: 'org.fixture.bom:parent-bom:1.0',
    managed: ['org.fixture.bom:zeta:1.1'],
  },
  { coordinates: 'org.fixture.bom:consumer:1.0', dependencies: ['org.fixture.bom:delta:1.0', 'org.fixture.bom:epsilon:1.0'] },
  ...['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'].flatMap((name) =>
    ['1.0', '1.1', '1.2', '2.0'].map((version) => leaf(`org.fixture.bom:${name}:${version}`)),
  ),

  // 08 parent by relativePath with interpolation.
  leaf('org.fixture.interp:inherited:1.1'),
  leaf('org.fixture.interp:by-project-version:3.0'),
  leaf('org.fixture.interp:by-parent-version:2.5'),
  leaf('org.fixture.interp:late:2.5'),
  leaf('org.fixture.interp:late:3.0'),

  // 09 parent chain from the local repository; the nearer parent's property wins.
  {
    coordinates: 'org.fixture.parents:base-parent:1.0',
    packaging: 'pom',
    properties: { 'base.version': '1.0' },
    managed: ['org.fixture.parents:managed-lib:${base.version}'],
  },
  {
    coordinates: 'org.fixture.parents:corp-parent:1.0',
    packaging: 'pom',
    parent: 'org.fixture.parents:base-parent:1.0',
    properties: { 'base.version': '2.0' },
    dependencies: ['org.fixture.parents:corp-lib:${project.parent.version}'],
  },
  leaf('org.fixture.parents:managed-lib:1.0'),
  leaf('org.fixture.parents:managed-lib:2.0'),
  leaf('org.fixture.parents:corp-lib:1.0'),
];

/** Jars that corpus cases reference by file path rather than coordinates. */
export const extraJars = [];
