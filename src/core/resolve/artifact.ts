/**
 * An artifact as maven-resolver identifies it: coordinates plus the type it was requested as. The
 * extension and classifier come from the type's artifact handler (`test-jar` -> `jar` + `tests`).
 */
export interface Artifact {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  /** The dependency type, e.g. `jar`, `test-jar`, `pom`. */
  readonly type: string;
  /** Empty when there is none. */
  readonly classifier: string;
  readonly extension: string;
  /** A system-scoped dependency's file (maven-resolver's LOCAL_PATH property): it has no pom to read. */
  readonly systemPath?: string;
}

export interface Exclusion {
  /** `*` matches any value (Maven 3.2.1+). */
  readonly groupId: string;
  readonly artifactId: string;
}

/** groupId:artifactId:extension:classifier, the key maven-resolver's ConflictMarker and ClassicDependencyManager use. */
export function versionlessKey(artifact: Artifact): string {
  return `${artifact.groupId}:${artifact.artifactId}:${artifact.extension}:${artifact.classifier}`;
}

/** Every property that makes two resolver artifacts equal (DefaultArtifact.equals includes type and local path). */
export function artifactIdentity(artifact: Artifact): string {
  return `${versionlessKey(artifact)}:${artifact.version}:${artifact.type}:${artifact.systemPath ?? ''}`;
}

/**
 * Maven's `DefaultArtifact.toString()`: `groupId:artifactId:type[:classifier]:version[:scope]`, the text
 * of every line of `mvn dependency:tree`.
 */
export function formatArtifact(artifact: Artifact, scope?: string): string {
  const classifier = artifact.classifier === '' ? '' : `:${artifact.classifier}`;
  const base = `${artifact.groupId}:${artifact.artifactId}:${artifact.type}${classifier}:${artifact.version}`;
  return scope === undefined ? base : `${base}:${scope}`;
}

/** maven-resolver's ExclusionDependencySelector match: each field equal or `*`. */
export function isExcluded(artifact: Artifact, exclusions: readonly Exclusion[]): boolean {
  return exclusions.some(
    (exclusion) =>
      (exclusion.artifactId === '*' || exclusion.artifactId === artifact.artifactId) &&
      (exclusion.groupId === '*' || exclusion.groupId === artifact.groupId),
  );
}

export function exclusionKey(exclusion: Exclusion): string {
  return `${exclusion.groupId}:${exclusion.artifactId}`;
}
