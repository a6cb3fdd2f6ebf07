import { basename } from 'node:path';
import type { JarIndex } from '../archive/archiveEntry';
import type { ArchiveError } from '../archive/archiveError';
import type { ArchiveOptions } from '../archive/archiveLimits';
import { manifestAttribute } from '../archive/manifest';
import { readEntries } from '../archive/openJar';
import { artifactFromFileName } from './jarFileName';
import { isPomPropertiesEntry, parsePomProperties, type PomProperties } from './pomProperties';

export type JarIdentitySource = 'pom.properties' | 'file-name' | 'manifest';

/** The artifact a loose jar holds, and where that was read from. */
export interface JarArtifact {
  readonly groupId?: string;
  readonly artifactId: string;
  readonly version?: string;
  readonly classifier?: string;
  readonly source: JarIdentitySource;
}

/** A jar's identity, and the artifacts it embeds when it is a fat or shaded jar. */
export interface JarIdentity {
  readonly artifact: JarArtifact;
  /** Every pom.properties in the jar; two or more mean the jar embeds other artifacts (shade, assembly). */
  readonly pomProperties: readonly PomProperties[];
  /** pom.properties entries that could not be read. */
  readonly errors: readonly ArchiveError[];
}

/**
 * Identifies the artifact in a jar as Maven wrote it: maven-archiver puts one
 * `META-INF/maven/<g>/<a>/pom.properties` in each jar it builds, so exactly one is the jar's own
 * coordinates. With several (a shaded jar keeps those of what it embeds) the one whose artifactId the
 * file name starts with is the jar's own, else the file name decides. Without any, the file name
 * (`artifactId-version.jar`), or the manifest's Bundle-SymbolicName/Bundle-Version or
 * Implementation-Title/Implementation-Version when the file name has no version.
 */
export async function identifyJar(index: JarIndex, options: ArchiveOptions = {}): Promise<JarIdentity> {
  const names = index.entries.filter((entry) => isPomPropertiesEntry(entry.name)).map((entry) => entry.name);
  const read = names.length === 0 ? { bytes: new Map<string, Buffer>(), errors: [] } : await readEntries(index.path, names, { ...options, index });
  const pomProperties: PomProperties[] = [];
  for (const name of names.sort()) {
    const bytes = read.bytes.get(name);
    const parsed = bytes === undefined ? undefined : parsePomProperties(name, bytes.toString('latin1'));
    if (parsed !== undefined) pomProperties.push(parsed);
  }
  return { artifact: jarArtifact(basename(index.path), pomProperties, index.manifest), pomProperties, errors: read.errors };
}

/** The identity rule of identifyJar on already-read parts (file name, pom.properties, manifest). */
export function jarArtifact(
  fileName: string,
  pomProperties: readonly PomProperties[],
  manifest: Readonly<Record<string, string>> | undefined,
): JarArtifact {
  const fromName = artifactFromFileName(fileName);
  const own = pomProperties.length === 1
    ? pomProperties[0]
    : pomProperties.find((properties) => fileName.startsWith(`${properties.artifactId}-`) || fromName.artifactId === properties.artifactId);
  const classifier = fromName.classifier === undefined ? {} : { classifier: fromName.classifier };
  if (own !== undefined) {
    return { groupId: own.groupId, artifactId: own.artifactId, version: own.version, ...classifier, source: 'pom.properties' };
  }
  if (fromName.version !== undefined) return { artifactId: fromName.artifactId, version: fromName.version, ...classifier, source: 'file-name' };
  const fromManifest = manifest === undefined ? undefined : manifestArtifact(manifest);
  return fromManifest ?? { artifactId: fromName.artifactId, ...classifier, source: 'file-name' };
}

// OSGi names a bundle by Bundle-SymbolicName (attributes after ';'); the JAR spec by Implementation-*.
function manifestArtifact(manifest: Readonly<Record<string, string>>): JarArtifact | undefined {
  const symbolicName = manifestAttribute(manifest, 'Bundle-SymbolicName')?.split(';')[0]?.trim();
  const bundleVersion = manifestAttribute(manifest, 'Bundle-Version')?.trim();
  if (symbolicName && bundleVersion) return { artifactId: symbolicName, version: bundleVersion, source: 'manifest' };
  const title = manifestAttribute(manifest, 'Implementation-Title')?.trim();
  const version = manifestAttribute(manifest, 'Implementation-Version')?.trim();
  if (title && version) return { artifactId: title, version, source: 'manifest' };
  return undefined;
}
