import type { ArchiveEntry } from '../archive/archiveEntry';
import { compareVersions } from '../version/comparableVersion';
import { artifactKey, type FolderJar, type JarFolder } from './jarFolder';

/** One jar of a compared folder, as the comparison names it. */
export interface ComparedJar {
  readonly fileName: string;
  readonly path: string;
  readonly groupId?: string;
  readonly version?: string;
}

/** How one artifact (artifactId and classifier) differs between folder A and folder B. */
export type ArtifactChange =
  | { readonly kind: 'added'; readonly artifact: string; readonly after: readonly ComparedJar[] }
  | { readonly kind: 'removed'; readonly artifact: string; readonly before: readonly ComparedJar[] }
  | { readonly kind: 'upgraded' | 'downgraded'; readonly artifact: string; readonly before: readonly ComparedJar[]; readonly after: readonly ComparedJar[] }
  /** The same version in both, different bytes: `classes` are the classes (dotted) added, removed or changed, `resources` the other entries. */
  | {
      readonly kind: 'content-changed';
      readonly artifact: string;
      readonly before: readonly ComparedJar[];
      readonly after: readonly ComparedJar[];
      readonly classes: readonly string[];
      readonly resources: readonly string[];
    }
  /** Several jars of the artifact on one side (a doubled jar): the sets of versions differ. */
  | { readonly kind: 'versions-changed'; readonly artifact: string; readonly before: readonly ComparedJar[]; readonly after: readonly ComparedJar[] };

export interface FolderComparison {
  readonly before: string;
  readonly after: string;
  /** By artifact name. */
  readonly changes: readonly ArtifactChange[];
  /** Artifacts with the same version and the same bytes on both sides. */
  readonly unchanged: number;
}

// Written by every jar tool with the build's own time or tool version: never a difference in content.
const IGNORED_ENTRIES = new Set(['META-INF/MANIFEST.MF', 'META-INF/INDEX.LIST']);

/**
 * Compares two jar folders by artifact (the identity of identifyJar; artifactId and classifier as the
 * key): added, removed, upgraded or downgraded (Maven's ComparableVersion order), or changed in content
 * at the same version (an entry's CRC-32 or size differs, or an entry is only on one side; the
 * manifest is left out). A doubled artifact whose set of versions differs is `versions-changed`.
 */
export function compareJarFolders(before: JarFolder, after: JarFolder): FolderComparison {
  const beforeByKey = byArtifact(before.jars);
  const afterByKey = byArtifact(after.jars);
  const keys = [...new Set([...beforeByKey.keys(), ...afterByKey.keys()])].sort();
  const changes: ArtifactChange[] = [];
  let unchanged = 0;
  for (const artifact of keys) {
    const was = beforeByKey.get(artifact) ?? [];
    const is = afterByKey.get(artifact) ?? [];
    if (was.length === 0) changes.push({ kind: 'added', artifact, after: is.map(comparedJar) });
    else if (is.length === 0) changes.push({ kind: 'removed', artifact, before: was.map(comparedJar) });
    else if (was.length === 1 && is.length === 1) {
      const change = singleChange(artifact, was[0]!, is[0]!);
      if (change === undefined) unchanged++;
      else changes.push(change);
    } else {
      const versions = (jars: readonly FolderJar[]): string => jars.map((jar) => jar.identity.artifact.version ?? '?').sort().join(',');
      if (versions(was) === versions(is) && was.every((jar, i) => singleChange(artifact, jar, is[i]!) === undefined)) unchanged++;
      else changes.push({ kind: 'versions-changed', artifact, before: was.map(comparedJar), after: is.map(comparedJar) });
    }
  }
  return { before: before.path, after: after.path, changes, unchanged };
}

function byArtifact(jars: readonly FolderJar[]): Map<string, FolderJar[]> {
  const groups = new Map<string, FolderJar[]>();
  for (const jar of [...jars].sort((a, b) => a.fileName.localeCompare(b.fileName))) groups.set(artifactKey(jar), [...(groups.get(artifactKey(jar)) ?? []), jar]);
  return groups;
}

function comparedJar(jar: FolderJar): ComparedJar {
  const { groupId, version } = jar.identity.artifact;
  return { fileName: jar.fileName, path: jar.path, ...(groupId === undefined ? {} : { groupId }), ...(version === undefined ? {} : { version }) };
}

function singleChange(artifact: string, was: FolderJar, is: FolderJar): ArtifactChange | undefined {
  const from = was.identity.artifact.version;
  const to = is.identity.artifact.version;
  const order = from === undefined || to === undefined ? 0 : compareVersions(from, to);
  if (order !== 0) return { kind: order < 0 ? 'upgraded' : 'downgraded', artifact, before: [comparedJar(was)], after: [comparedJar(is)] };
  const differing = differingEntries(was.index.entries, is.index.entries);
  if (differing.length === 0) return undefined;
  const classes = differing.flatMap((entry) => (entry.className === undefined ? [] : [entry.className.replace(/\//g, '.')]));
  const resources = differing.filter((entry) => entry.className === undefined).map((entry) => entry.name);
  return { kind: 'content-changed', artifact, before: [comparedJar(was)], after: [comparedJar(is)], classes: [...new Set(classes)].sort(), resources: resources.sort() };
}

/** Entries present on one side only, or with another CRC-32 or size. */
function differingEntries(was: readonly ArchiveEntry[], is: readonly ArchiveEntry[]): ArchiveEntry[] {
  const fingerprint = (entry: ArchiveEntry): string => `${entry.crc32}:${entry.uncompressedSize}`;
  const before = new Map(was.filter((entry) => !IGNORED_ENTRIES.has(entry.name)).map((entry) => [entry.name, fingerprint(entry)]));
  const after = new Map(is.filter((entry) => !IGNORED_ENTRIES.has(entry.name)).map((entry) => [entry.name, fingerprint(entry)]));
  const differing: ArchiveEntry[] = [];
  for (const entry of is) if (before.has(entry.name) ? before.get(entry.name) !== after.get(entry.name) : !IGNORED_ENTRIES.has(entry.name)) differing.push(entry);
  for (const entry of was) if (!after.has(entry.name) && !IGNORED_ENTRIES.has(entry.name)) differing.push(entry);
  return differing;
}
