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
  // Profiles: one marker artifact per profile, so the tree shows which profiles were active.
  ...[
    'by-default', 'by-property', 'value-match', 'value-miss', 'negated-value', 'when-absent', 'absent-miss',
    'jdk-match', 'jdk-miss', 'jdk-negated', 'os-match', 'os-miss', 'file-exists', 'file-missing', 'file-exists-miss',
    'explicit', 'auto', 'module-extra',
  ].map((name) => leaf(`org.fixture.profiles:${name}:1.0`)),

  // Exclusions: an artifact exclusion deep down the path, *:* and groupId:* wildcards, and an
  // exclusion written inside a repository pom.
  { coordinates: 'org.fixture.excl:top:1.0', dependencies: ['org.fixture.excl:middle:1.0'] },
  {
    coordinates: 'org.fixture.excl:middle:1.0',
    dependencies: ['org.fixture.excl:deep:1.0', 'org.fixture.excl:inner:1.0 excl=org.fixture.excl:inner-child', 'org.fixture.excl:other:1.0'],
  },
  { coordinates: 'org.fixture.excl:inner:1.0', dependencies: ['org.fixture.excl:inner-child:1.0', 'org.fixture.excl:inner-other:1.0'] },
  { coordinates: 'org.fixture.excl:wide:1.0', dependencies: ['org.fixture.excl:wide-one:1.0', 'org.fixture.excl:wide-two:1.0'] },
  { coordinates: 'org.fixture.excl:grp:1.0', dependencies: ['org.fixture.excl.gone:gone-one:1.0', 'org.fixture.excl:kept:1.0'] },
  ...['deep', 'other', 'inner-child', 'inner-other', 'wide-one', 'wide-two', 'kept'].map((name) => leaf(`org.fixture.excl:${name}:1.0`)),
  leaf('org.fixture.excl.gone:gone-one:1.0'),

  // Optional: an optional transitive dependency is dropped; a direct optional one is kept.
  { coordinates: 'org.fixture.opt:host:1.0', dependencies: ['org.fixture.opt:opt-child:1.0 optional', 'org.fixture.opt:regular-child:1.0'] },
  { coordinates: 'org.fixture.opt:direct-optional:1.0', dependencies: ['org.fixture.opt:direct-optional-child:1.0'] },
  ...['opt-child', 'regular-child', 'direct-optional-child'].map((name) => leaf(`org.fixture.opt:${name}:1.0`)),

  // Scope derivation: hub-<direct scope> depends on <direct>-<transitive> for every pair.
  ...['compile', 'runtime', 'provided', 'test'].flatMap((hub) => [
    {
      coordinates: `org.fixture.scopes:hub-${hub}:1.0`,
      dependencies: ['compile', 'runtime', 'provided', 'test'].map((scope) => `org.fixture.scopes:${hub}-${scope}:1.0 scope=${scope}`),
    },
    ...['compile', 'runtime', 'provided', 'test'].map((scope) => ({
      coordinates: `org.fixture.scopes:${hub}-${scope}:1.0`,
      dependencies: [`org.fixture.scopes:${hub}-${scope}-child:1.0`],
    })),
    ...['compile', 'runtime', 'provided', 'test'].map((scope) => leaf(`org.fixture.scopes:${hub}-${scope}-child:1.0`)),
  ]),

  // Scope widening and a direct test dependency.
  { coordinates: 'org.fixture.widen:runtime-path:1.0', dependencies: ['org.fixture.widen:widened:1.0'] },
  { coordinates: 'org.fixture.widen:provided-path:1.0', dependencies: ['org.fixture.widen:widened-provided:1.0'] },
  { coordinates: 'org.fixture.widen:compile-path:1.0', dependencies: ['org.fixture.widen:widened:1.0', 'org.fixture.widen:widened-provided:1.0'] },
  { coordinates: 'org.fixture.widen:widened:1.0', dependencies: ['org.fixture.widen:widened-child:1.0'] },
  leaf('org.fixture.widen:widened-provided:1.0'),
  leaf('org.fixture.widen:widened-child:1.0'),

  // Classifiers: same g:a:v with and without a classifier are different conflict keys.
  { coordinates: 'org.fixture.cls:native:1.0', classifiers: ['linux-x86_64'] },
  { coordinates: 'org.fixture.cls:native:1.1', classifiers: ['linux-x86_64'] },
  {
    coordinates: 'org.fixture.cls:user:1.0',
    dependencies: ['org.fixture.cls:native:1.1 classifier=linux-x86_64', 'org.fixture.cls:native:1.1'],
  },

  // Types: test-jar, pom (brings its dependencies), war.
  { coordinates: 'org.fixture.types:lib:1.0', classifiers: ['tests'], dependencies: ['org.fixture.types:lib-child:1.0'] },
  leaf('org.fixture.types:lib-child:1.0'),
  { coordinates: 'org.fixture.types:stack:1.0', packaging: 'pom', dependencies: ['org.fixture.types:stack-one:1.0', 'org.fixture.types:stack-two:1.0 scope=runtime'] },
  leaf('org.fixture.types:stack-one:1.0'),
  leaf('org.fixture.types:stack-two:1.0'),
  { coordinates: 'org.fixture.types:webapp:1.0', packaging: 'war', dependencies: ['org.fixture.types:webapp-child:1.0'] },
  leaf('org.fixture.types:webapp-child:1.0'),

  // Relocations: artifactId renamed; groupId moved; a transitive path to the old name.
  {
    coordinates: 'org.fixture.reloc:old-name:1.0',
    noJar: true,
    relocation: { artifactId: 'new-name', message: 'old-name is now new-name' },
  },
  { coordinates: 'org.fixture.reloc:new-name:1.0', dependencies: ['org.fixture.reloc:new-child:1.0'] },
  // 58 new-name declared directly in an older version, next to old-name that relocates to new-name 1.0.
  leaf('org.fixture.reloc:new-name:0.9'),
  leaf('org.fixture.reloc:new-child:1.0'),
  { coordinates: 'org.fixture.reloc.legacy:moved:1.0', noJar: true, relocation: { groupId: 'org.fixture.reloc' } },
  leaf('org.fixture.reloc:moved:1.0'),
  { coordinates: 'org.fixture.reloc:user:1.0', dependencies: ['org.fixture.reloc:old-name:1.0'] },
  // 64 a chain of two relocations, first -> middle -> last, reached through via; middle 2.0 relocates too.
  { coordinates: 'org.fixture.chain:first:1.0', noJar: true, relocation: { artifactId: 'middle' } },
  { coordinates: 'org.fixture.chain:middle:1.0', noJar: true, relocation: { artifactId: 'last' } },
  { coordinates: 'org.fixture.chain:middle:2.0', noJar: true, relocation: { artifactId: 'last' } },
  leaf('org.fixture.chain:last:1.0'),
  leaf('org.fixture.chain:last:2.0'),
  { coordinates: 'org.fixture.chain:via:1.0', dependencies: ['org.fixture.chain:first:1.0'] },

  // Version ranges, expanded from maven-metadata-local.xml.
  leaf('org.fixture.range:ranged:1.0'),
  leaf('org.fixture.range:ranged:1.5'),
  leaf('org.fixture.range:ranged:2.0'),
  { coordinates: 'org.fixture.range:uses-range:1.0', dependencies: ['org.fixture.range:open:[1.0,)', 'org.fixture.range:ranged:[1.0,1.2]'] },
  // 62-unsolvable-range-conflict: two paths pin shared to ranges no version meets both.
  { coordinates: 'org.fixture.unsolvable:pins-one:1.0', dependencies: ['org.fixture.nearest:shared:[1.0]'] },
  { coordinates: 'org.fixture.unsolvable:pins-two:1.0', dependencies: ['org.fixture.nearest:shared:[2.0]'] },
  leaf('org.fixture.range:open:1.0'),
  leaf('org.fixture.range:open:1.1'),

  // A dependency cycle: ping -> pong -> ping.
  { coordinates: 'org.fixture.cycle:ping:1.0', dependencies: ['org.fixture.cycle:pong:1.0'] },
  { coordinates: 'org.fixture.cycle:pong:1.0', dependencies: ['org.fixture.cycle:ping:1.0', 'org.fixture.cycle:after-cycle:1.0'] },
  leaf('org.fixture.cycle:after-cycle:1.0'),

  // System scope neighbour.
  { coordinates: 'org.fixture.sys:regular:1.0', dependencies: ['org.fixture.sys:regular-child:1.0'] },
  leaf('org.fixture.sys:regular-child:1.0'),

  // Missing files: a jar whose pom exists, a pom whose jar exists.
  { coordinates: 'org.fixture.missing:no-jar-user:1.0', dependencies: ['org.fixture.missing:no-jar:1.0'] },
  { coordinates: 'org.fixture.missing:no-jar:1.0', noJar: true },
  { coordinates: 'org.fixture.missing:no-pom-user:1.0', dependencies: ['org.fixture.missing:no-pom:1.0'] },
  { coordinates: 'org.fixture.missing:no-pom:1.0', noPom: true },
  // A parent whose dependency version comes from a property the child overrides.
  {
    coordinates: 'org.fixture.parents:prop-parent:1.0',
    packaging: 'pom',
    properties: { 'shared.version': '1.0' },
    dependencies: ['org.fixture.first:shared:${shared.version}'],
  },

  // A pom whose parent is not in the repository (Maven: "The POM for … is invalid").
  {
    coordinates: 'org.fixture.missing:orphan:1.0',
    parent: 'org.fixture.missing:absent-parent:1.0',
    dependencies: ['org.fixture.missing:orphan-child:1.0'],
  },
  leaf('org.fixture.missing:orphan-child:1.0'),
  // Types whose handler adds a classifier: ejb-client (client), java-source (sources), javadoc.
  { coordinates: 'org.fixture.types:handled:1.0', classifiers: ['client', 'sources', 'javadoc'] },

  // A BOM that itself imports a BOM.
  {
    coordinates: 'org.fixture.bom:bom-nested:1.0',
    packaging: 'pom',
    managed: ['org.fixture.bom:bom-two:1.0 type=pom scope=import', 'org.fixture.bom:gamma:2.0'],
  },

  // 49 one Maven session, one dependency pool: reached via compile-path and runtime-path, shared gets the
  // scope string of the equal dependency a module built earlier wrote (<scope>compile</scope>).
  { coordinates: 'org.fixture.pool:compile-path:1.0', dependencies: ['org.fixture.pool:shared:1.0'] },
  { coordinates: 'org.fixture.pool:runtime-path:1.0', dependencies: ['org.fixture.pool:shared:1.0'] },
  leaf('org.fixture.pool:shared:1.0'),

  // 59 one dependency pool: shared reached below carrier (no scope written) and below route (compile written),
  // both managed to 1.1 with scope compile, which keeps each one's own scope string.
  { coordinates: 'org.fixture.keep:carrier:1.0', dependencies: ['org.fixture.keep:shared:1.0'] },
  { coordinates: 'org.fixture.keep:route:1.0', dependencies: ['org.fixture.keep:shared:1.0 scope=compile'] },
  leaf('org.fixture.keep:shared:1.0'),
  leaf('org.fixture.keep:shared:1.1'),

  // 50 an empty <classifier/> in dependencyManagement: its management key ends in ':' and manages nothing.
  leaf('org.fixture.emptyclassifier:lib:1.0'),
  // 51 a <scope/> written empty is not filled by management, and a managed empty scope manages nothing.
  leaf('org.fixture.emptyclassifier:other:1.0'),
  // 52-55 a <type/> written empty: an invalid dependency, an unmatched management key, or (managed) the end of
  // Maven's resolution ("type id cannot be empty").
  leaf('org.fixture.emptytype:inner:1.0'),
  { coordinates: 'org.fixture.emptytype:typeless-dep:1.0', dependencies: ['org.fixture.emptytype:inner:1.0 type='] },
  {
    coordinates: 'org.fixture.emptytype:manages-empty-type:1.0',
    managed: ['org.fixture.emptytype:inner:1.0 type='],
    dependencies: ['org.fixture.emptytype:inner:1.0'],
  },

  // A dependency pom with profiles: activation conditions apply to it, -P does not.
  {
    coordinates: 'org.fixture.profiles:with-profiles:1.0',
    extraXml: [
      '  <profiles>',
      ...[
        ['by-default', '<activeByDefault>true</activeByDefault>'],
        ['jdk-match', '<jdk>[17,)</jdk>'],
        ['value-match', '<property><name>env</name><value>prod</value></property>'],
        ['when-absent', '<property><name>!skip.transitive</name></property>'],
        ['explicit', '<property><name>never.set</name></property>'],
      ].map(
        ([id, activation]) =>
          `    <profile>\n      <id>${id}</id>\n      <activation>${activation}</activation>\n` +
          `      <dependencies>\n        <dependency>\n          <groupId>org.fixture.profiles</groupId>\n` +
          `          <artifactId>${id}</artifactId>\n          <version>1.0</version>\n        </dependency>\n` +
          '      </dependencies>\n    </profile>',
      ),
      '  </profiles>\n',
    ].join('\n'),
  },
];/** Jars that corpus cases reference by file path rather than coordinates. */
export const extraJars = [
  { path: 'test/fixtures/maven-corpus/28-system-scope/lib/system-lib.jar', label: 'org.fixture.sys:system-lib:1.0' },
];
