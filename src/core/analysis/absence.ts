import { isExcluded } from '../resolve/artifact';
import type { DependencyNode } from '../resolve/dependencyGraph';
import type { RawDependency } from '../pom/rawPom';
import { compareVersions } from '../version/comparableVersion';
import type { MissingDetail, SourceLocation } from './finding';
import { gaKey, type PlacedNode } from './graphNodes';
import type { ModuleContext, ScopeView } from './moduleContext';
import { pathText, pathSteps } from './moduleContext';
import type { ClasspathElement } from './moduleClasspaths';
import type { ArtifactKey, RepositoryArtifact } from './repositoryClassIndex';

/** Why the artifact that would provide a class (or member) is not on the classpath. */
export type Absence =
  | {
      /** Mediation selected a version of the providing artifact that lacks it. */
      readonly kind: 'version-selected';
      readonly provider: ArtifactKey;
      readonly selected: PlacedNode;
      /** How the selected version won: nearest wins, a direct declaration, or dependencyManagement. */
      readonly how: string;
      /** Versions other paths asked for (the losers), with their paths. */
      readonly requested: readonly PlacedNode[];
      readonly versionsWithIt: readonly RepositoryArtifact[];
    }
  | {
      /** An `<exclusion>` removed the providing artifact. */
      readonly kind: 'excluded';
      readonly provider: ArtifactKey;
      readonly exclusion: SourceLocation;
      /** The dependency that carries the exclusion. */
      readonly on: DependencyNode;
      readonly versionsWithIt: readonly RepositoryArtifact[];
    }
  | {
      /** The referencing artifact's pom declares the provider optional or provided: not transitive. */
      readonly kind: 'optional';
      readonly provider: ArtifactKey;
      readonly declaredBy: DependencyNode;
      readonly how: 'optional' | 'provided';
      readonly declaredVersion: string | undefined;
      readonly versionsWithIt: readonly RepositoryArtifact[];
    }
  | {
      /**
       * The providing artifact is in the graph with scope `provided` (declared so, or below a provided
       * dependency): on the compile and test classpaths, but the container or runtime the module deploys to
       * is expected to supply it at run time (Maven's scope table), so it is not on the runtime classpath.
       */
      readonly kind: 'provided-scope';
      readonly provider: ArtifactKey;
      readonly provided: PlacedNode;
      readonly versionsWithIt: readonly RepositoryArtifact[];
    }
  | {
      /** Nothing in the graph brings the providing artifact. */
      readonly kind: 'not-declared';
      readonly provider: ArtifactKey;
      readonly versionsWithIt: readonly RepositoryArtifact[];
    }
  | { readonly kind: 'nowhere' };

/** The artifacts worth looking in for a class referenced from `referencing`: see RepositoryClassIndex.providersOf. */
export function candidateArtifacts(context: ModuleContext, referencing: readonly ClasspathElement[]): ArtifactKey[] {
  const keys = new Map<string, ArtifactKey>();
  const add = (key: ArtifactKey): void => {
    if (key.groupId !== '*' && key.artifactId !== '*') keys.set(gaKey(key), { groupId: key.groupId, artifactId: key.artifactId });
  };
  for (const { node } of context.graph) {
    add(node.artifact);
    for (const exclusion of node.dependency?.exclusions ?? []) add(exclusion);
  }
  for (const element of referencing) {
    for (const dependency of declaredDependencies(context, element.node)) add(dependency);
  }
  // The module's own code may need what any of its dependencies declares optional or provided.
  if (referencing.some((element) => element.node === undefined)) {
    for (const { node } of context.graph) {
      if (node.winner === undefined) for (const dependency of declaredDependencies(context, node)) add(dependency);
    }
  }
  return [...keys.values()];
}

const elementCandidates = new WeakMap<ModuleContext, WeakMap<ClasspathElement, ArtifactKey[]>>();

/**
 * candidateArtifacts for the classes one element references, made once per module context and element:
 * one list per element lets RepositoryClassIndex answer each of its classes from what it kept for that list.
 */
export function elementCandidateArtifacts(context: ModuleContext, element: ClasspathElement): readonly ArtifactKey[] {
  let byElement = elementCandidates.get(context);
  if (byElement === undefined) elementCandidates.set(context, (byElement = new WeakMap()));
  let candidates = byElement.get(element);
  if (candidates === undefined) byElement.set(element, (candidates = candidateArtifacts(context, [element])));
  return candidates;
}

function declaredDependencies(context: ModuleContext, node: DependencyNode | undefined) {
  if (node === undefined) return context.module.model.dependencies;
  const { groupId, artifactId, version } = node.artifact;
  return context.builder.buildFromRepository(groupId, artifactId, version)?.dependencies ?? [];
}

/**
 * Explains why none of `providers` (repository versions that define the class) is on the scope's
 * classpath, checking in this order: a different version was selected (Maven's nearest-wins mediation or
 * dependencyManagement), it is a `provided` dependency (not on the runtime classpath), an exclusion removed it, the referencing artifact declares it optional or
 * provided (neither is transitive: Maven's scope table), or nothing in the graph brings it.
 */
export function explainAbsence(
  context: ModuleContext,
  view: ScopeView,
  referencing: readonly ClasspathElement[],
  providers: readonly RepositoryArtifact[],
  binaryName: string,
): Absence {
  if (providers.length === 0) return optionalByPackage(context, referencing, binaryName) ?? { kind: 'nowhere' };
  const byKey = new Map<string, RepositoryArtifact[]>();
  for (const provider of providers) {
    const list = byKey.get(gaKey(provider)) ?? [];
    list.push(provider);
    byKey.set(gaKey(provider), list);
  }
  for (const [key, versionsWithIt] of byKey) {
    const selected = selectedOnClasspath(context, view, key);
    if (selected !== undefined) {
      return { kind: 'version-selected', provider: versionsWithIt[0]!, selected, how: howSelected(context, selected), requested: losersOf(context, selected.node), versionsWithIt };
    }
  }
  for (const [key, versionsWithIt] of byKey) {
    const provided = context.graph.find(({ node }) => node.winner === undefined && node.dependency?.scope.value === 'provided' && gaKey(node.artifact) === key);
    if (provided !== undefined) return { kind: 'provided-scope', provider: versionsWithIt[0]!, provided, versionsWithIt };
  }
  for (const versionsWithIt of byKey.values()) {
    const provider = versionsWithIt[0]!;
    for (const { node } of context.graph) {
      const dependency = node.dependency;
      if (dependency?.declaredAt === undefined || !isExcluded({ ...node.artifact, ...provider }, dependency.exclusions)) continue;
      return { kind: 'excluded', provider, exclusion: exclusionLocation(context, node, provider), on: node, versionsWithIt };
    }
  }
  // The referencing artifact's own pom first, then (for the module's own code) any artifact on the classpath.
  const declarers = [...referencing.flatMap((element) => (element.node === undefined ? [] : [element.node]))];
  if (referencing.some((element) => element.node === undefined)) {
    for (const { element } of view.elements) if (element.node !== undefined) declarers.push(element.node);
  }
  for (const versionsWithIt of byKey.values()) {
    const provider = versionsWithIt[0]!;
    for (const node of declarers) {
      const declared = declaredDependencies(context, node).find(
        (dependency) => dependency.groupId === provider.groupId && dependency.artifactId === provider.artifactId,
      );
      if (declared !== undefined && (declared.optional || declared.scope === 'provided')) {
        return { kind: 'optional', provider, declaredBy: node, how: declared.optional ? 'optional' : 'provided', declaredVersion: declared.version, versionsWithIt };
      }
    }
  }
  const versionsWithIt = [...byKey.values()][0]!;
  return { kind: 'not-declared', provider: versionsWithIt[0]!, versionsWithIt };
}

/**
 * Without a jar to look in: an optional or provided dependency of the referencing artifact whose groupId is
 * a prefix of the class's package (org.osgi for org.osgi.framework.Bundle) most likely provides it, which
 * makes it an optional feature of that artifact rather than a defect.
 */
function optionalByPackage(context: ModuleContext, referencing: readonly ClasspathElement[], binaryName: string): Absence | undefined {
  const packageName = binaryName.slice(0, Math.max(0, binaryName.lastIndexOf('/')));
  for (const element of referencing) {
    if (element.node === undefined) continue;
    for (const declared of declaredDependencies(context, element.node)) {
      if (!declared.optional && declared.scope !== 'provided') continue;
      const groupPath = declared.groupId.replace(/\./g, '/');
      if (packageName !== groupPath && !packageName.startsWith(`${groupPath}/`)) continue;
      const provider = { groupId: declared.groupId, artifactId: declared.artifactId };
      return { kind: 'optional', provider, declaredBy: element.node, how: declared.optional ? 'optional' : 'provided', declaredVersion: declared.version, versionsWithIt: [] };
    }
  }
  return undefined;
}

function selectedOnClasspath(context: ModuleContext, view: ScopeView, key: string): PlacedNode | undefined {
  for (const { element } of view.elements) {
    if (element.node !== undefined && gaKey(element.node.artifact) === key) return { node: element.node, nodePath: element.nodePath };
  }
  return undefined;
}

/** The losers that the selected node beat (maven-resolver's "omitted for conflict with"). */
function losersOf(context: ModuleContext, winner: DependencyNode): PlacedNode[] {
  return context.graph.filter(({ node }) => node.winner === winner && node.loserReason === 'conflict');
}

/** How Maven picked the selected version, in words. */
export function howSelected(context: ModuleContext, selected: PlacedNode): string {
  const { node, nodePath } = selected;
  const via = pathText(pathSteps(context, nodePath));
  if (node.managedFrom !== undefined && node.premanagedVersion !== undefined && node.premanagedVersion !== node.artifact.version) {
    const site = context.pomTexts.locationOfSite(node.managedFrom);
    return `managed from ${node.premanagedVersion} by dependencyManagement in ${site.file}:${site.line}, via ${via}`;
  }
  if (nodePath.length === 1) return `declared directly in ${context.module.pomPath}`;
  // Equal depth: the first declaration wins (maven-resolver's NearestVersionSelector keeps the first seen).
  const tied = context.graph.some((placed) => placed.node.winner === node && placed.node.loserReason === 'conflict' && placed.nodePath.length === nodePath.length);
  return `${tied ? 'first declaration wins' : 'nearest wins'} at depth ${nodePath.length}, via ${via}`;
}

/** The `<exclusion>` element that names the provider, else the `<dependency>` that carries it. */
function exclusionLocation(context: ModuleContext, node: DependencyNode, provider: ArtifactKey): SourceLocation {
  const site = node.dependency!.declaredAt!;
  const pom = context.pomTexts.get(site.source.pomPath)?.pom;
  const written = pom === undefined ? [] : [...pom.dependencies, ...pom.dependencyManagement, ...pom.profiles.flatMap((profile) => [...profile.dependencies, ...profile.dependencyManagement])];
  const dependency: RawDependency | undefined = written.find((candidate) => candidate.range.start === site.range.start);
  const exclusion = dependency?.exclusions.find((candidate) =>
    isExcluded({ ...node.artifact, groupId: provider.groupId, artifactId: provider.artifactId }, [candidate]),
  );
  return context.pomTexts.location(site.source.pomPath, exclusion?.range ?? site.range);
}

/** The version a fix should pin or add: one a losing path asked for that has it, else the newest that has it. */
export function preferredVersion(absence: Exclude<Absence, { kind: 'nowhere' }>): string | undefined {
  const have = new Set(absence.versionsWithIt.map((artifact) => artifact.version));
  if (absence.kind === 'version-selected') {
    const requested = absence.requested.map(({ node }) => node.artifact.version).filter((version) => have.has(version));
    if (requested.length > 0) return requested.sort(compareVersions)[requested.length - 1]!;
  }
  if (absence.kind === 'optional' && absence.declaredVersion !== undefined && have.has(absence.declaredVersion)) return absence.declaredVersion;
  return absence.versionsWithIt[absence.versionsWithIt.length - 1]?.version;
}

/** The artifact (and version) that would provide what is absent, as a finding's `missing.provider`. */
export function absentProvider(absence: Absence): MissingDetail['provider'] {
  if (absence.kind === 'nowhere') return undefined;
  const { groupId, artifactId } = absence.provider;
  const version = preferredVersion(absence);
  return version === undefined ? { groupId, artifactId } : { groupId, artifactId, version };
}
