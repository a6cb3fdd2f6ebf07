/**
 * What a dependency's `<type>` means for its file and the classpath: Maven 3.8.7's default artifact
 * handlers (maven-core META-INF/plexus/artifact-handlers.xml).
 */
export interface ArtifactHandler {
  /** File extension in the repository, e.g. `jar` for `test-jar`. */
  extension: string;
  /** Classifier the type implies when the dependency names none, e.g. `tests` for `test-jar`. */
  classifier?: string;
  /** Whether the file goes on compile/test/runtime classpaths. */
  addedToClasspath: boolean;
  /**
   * A "fat" artifact (war, ear, rar) that already contains its dependencies: maven-resolver's
   * FatArtifactTraverser does not collect its transitive dependencies.
   */
  includesDependencies: boolean;
}

const onClasspath = (extension: string, classifier?: string): ArtifactHandler => ({
  extension,
  ...(classifier !== undefined ? { classifier } : {}),
  addedToClasspath: true,
  includesDependencies: false,
});

const bundle = (extension: string): ArtifactHandler => ({ extension, addedToClasspath: false, includesDependencies: true });

const defaultHandlers: ReadonlyMap<string, ArtifactHandler> = new Map([
  ['pom', { extension: 'pom', addedToClasspath: false, includesDependencies: false }],
  ['jar', onClasspath('jar')],
  ['ejb', onClasspath('jar')],
  ['ejb-client', onClasspath('jar', 'client')],
  ['test-jar', onClasspath('jar', 'tests')],
  ['maven-plugin', onClasspath('jar')],
  ['java-source', { extension: 'jar', classifier: 'sources', addedToClasspath: false, includesDependencies: false }],
  ['javadoc', onClasspath('jar', 'javadoc')],
  ['war', bundle('war')],
  ['ear', bundle('ear')],
  ['rar', bundle('rar')],
]);

/**
 * The handler Maven uses for a dependency type. An unknown type (including `par`, whose handler
 * Maven 3 no longer ships) gets Maven's fallback `new DefaultArtifactHandler(type)`: the type is the
 * extension, no classifier, not on the classpath, dependencies collected.
 */
export function artifactHandlerFor(type: string): ArtifactHandler {
  const handler = defaultHandlers.get(type);
  // A copy, so that a caller changing its result cannot change Maven's defaults for everyone.
  return handler ? { ...handler } : { extension: type, addedToClasspath: false, includesDependencies: false };
}
