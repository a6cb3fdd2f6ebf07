import type { JarIndex } from '../archive/archiveEntry';
import type { JarIdentity } from '../folders/jarIdentity';

/** How an embedded artifact's classes sit in the jar that embeds it. */
export type Relocation =
  /** At their original names: they collide with any other copy of the artifact. */
  | { readonly kind: 'unrelocated' }
  /** Renamed (maven-shade-plugin `<relocation>`); `prefix` is the dotted package prepended, when it could be inferred. */
  | { readonly kind: 'relocated'; readonly prefix?: string };

/** An artifact whose pom.properties a fat or shaded jar carries. */
export interface EmbeddedArtifact {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  readonly relocation: Relocation;
  /** How the relocation was decided: the artifact's own jar in the local repository, or its groupId's package. */
  readonly evidence: 'repository' | 'package';
}

/** Reads the class names of an artifact's own jar from the local repository; undefined when it is not there. */
export type RepositoryClassNames = (groupId: string, artifactId: string, version: string) => Promise<readonly string[] | undefined>;

// Class names probed when inferring a relocation prefix.
const PREFIX_SAMPLES = 3;

/**
 * The artifacts a jar embeds: maven-shade-plugin and maven-assembly-plugin keep the
 * `META-INF/maven/<g>/<a>/pom.properties` of every jar they merge, so every pom.properties but the
 * jar's own names an embedded artifact. Each is relocated or not: with the artifact's jar in the local
 * repository, by whether its classes are in the fat jar at their original names (the relocation prefix
 * is what precedes them when they are not); else by whether the fat jar has classes in the package
 * its groupId spells (e.g. `com/fasterxml/jackson/core/` for com.fasterxml.jackson.core).
 */
export async function embeddedArtifacts(jar: JarIndex, identity: JarIdentity, repositoryClassNames?: RepositoryClassNames): Promise<EmbeddedArtifact[]> {
  if (identity.pomProperties.length < 2) return [];
  const own = identity.artifact;
  const classNames = baseClassNames(jar);
  const present = new Set(classNames);
  const embedded: EmbeddedArtifact[] = [];
  for (const properties of identity.pomProperties) {
    if (own.source === 'pom.properties' && properties.groupId === own.groupId && properties.artifactId === own.artifactId) continue;
    const { groupId, artifactId, version } = properties;
    const original = await repositoryClassNames?.(groupId, artifactId, version);
    if (original !== undefined && original.length > 0) {
      const relocation = original.some((name) => present.has(name)) ? unrelocated : relocatedBy(original, classNames);
      embedded.push({ groupId, artifactId, version, relocation, evidence: 'repository' });
    } else {
      embedded.push({ groupId, artifactId, version, relocation: relocationByPackage(groupId, classNames), evidence: 'package' });
    }
  }
  return embedded;
}

/** The classes a jar defines at its base (the names a class loader finds them by), '/'-separated. */
export function baseClassNames(jar: JarIndex): string[] {
  return jar.entries.flatMap((entry) => (entry.className === undefined || entry.releaseVersion !== undefined ? [] : [entry.className]));
}

const unrelocated: Relocation = { kind: 'unrelocated' };

/** The prefix before an original class name found at a longer name in the fat jar. */
function relocatedBy(original: readonly string[], classNames: readonly string[]): Relocation {
  for (const name of original.filter((candidate) => candidate.includes('/')).slice(0, PREFIX_SAMPLES)) {
    const suffix = `/${name}`;
    const moved = classNames.find((className) => className.endsWith(suffix));
    if (moved !== undefined) return { kind: 'relocated', prefix: moved.slice(0, moved.length - name.length - 1).replace(/\//g, '.') };
  }
  return { kind: 'relocated' };
}

/** Without the original jar: classes under the groupId's package mean unrelocated; under `<prefix>/<package>` relocated. */
function relocationByPackage(groupId: string, classNames: readonly string[]): Relocation {
  const pkg = `${groupId.replace(/\./g, '/')}/`;
  if (classNames.some((name) => name.startsWith(pkg))) return unrelocated;
  const moved = classNames.find((name) => name.includes(`/${pkg}`));
  if (moved === undefined) return { kind: 'relocated' };
  return { kind: 'relocated', prefix: moved.slice(0, moved.indexOf(`/${pkg}`)).replace(/\//g, '.') };
}

/** `g:a:v unrelocated` or `g:a:v relocated to prefix`, as findings name an embedded artifact. */
export function embeddedText(artifact: EmbeddedArtifact): string {
  const coordinates = `${artifact.groupId}:${artifact.artifactId}:${artifact.version}`;
  if (artifact.relocation.kind === 'unrelocated') return `${coordinates} unrelocated`;
  return artifact.relocation.prefix === undefined ? `${coordinates} relocated` : `${coordinates} relocated under ${artifact.relocation.prefix}`;
}
