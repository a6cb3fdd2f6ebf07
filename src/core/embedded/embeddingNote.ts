import { basename } from 'node:path';
import type { ClasspathIndex, JarIndex } from '../archive/archiveEntry';
import { identifyJar } from '../folders/jarIdentity';
import { isPomPropertiesEntry } from '../folders/pomProperties';
import { embeddedArtifacts, embeddedText, type EmbeddedArtifact } from './embeddedArtifacts';

/** One jar of a set that defines the same classes. */
export interface CollidingJar {
  readonly file: string;
  readonly index: ClasspathIndex | undefined;
  /** What the jar is, when known (a Maven artifact, or a loose jar's identity). */
  readonly artifact?: { readonly groupId?: string; readonly artifactId: string };
}

const embeddedByJar = new WeakMap<JarIndex, Promise<EmbeddedArtifact[]>>();

/**
 * Names the fat jars behind a collision: "x-all.jar embeds com.google.guava:guava:31.1 unrelocated"
 * for each jar of the set that embeds, at their original names, an artifact another jar of the set
 * is, or whose groupId package holds one of the colliding classes ('/'-separated names). Undefined
 * when no jar of the set embeds anything. Only jars with two or more pom.properties are read.
 */
export async function embeddingNote(jars: readonly CollidingJar[], classNames: readonly string[]): Promise<string | undefined> {
  const notes: string[] = [];
  for (const jar of jars) {
    const { index } = jar;
    if (index?.kind !== 'jar') continue;
    let embedded = embeddedByJar.get(index);
    if (embedded === undefined) {
      const isFat = index.entries.filter((entry) => isPomPropertiesEntry(entry.name)).length >= 2;
      embedded = isFat ? identifyJar(index).then((identity) => embeddedArtifacts(index, identity), () => []) : Promise.resolve([]);
      embeddedByJar.set(index, embedded);
    }
    const others = jars.filter((other) => other !== jar).map((other) => other.artifact);
    for (const artifact of await embedded) {
      if (artifact.relocation.kind !== 'unrelocated') continue;
      const isOther = others.some((other) => other?.artifactId === artifact.artifactId && (other.groupId === undefined || other.groupId === artifact.groupId));
      const pkg = `${artifact.groupId.replace(/\./g, '/')}/`;
      if (isOther || classNames.some((name) => name.startsWith(pkg))) notes.push(`${basename(jar.file)} embeds ${embeddedText(artifact)}`);
    }
  }
  return notes.length === 0 ? undefined : notes.join('; ');
}
