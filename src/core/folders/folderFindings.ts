import { basename, relative } from 'node:path';
import type { ArchiveEntry } from '../archive/archiveEntry';
import type { Finding, RelatedLocation, SourceLocation } from '../analysis/finding';
import { dottedName } from '../analysis/classSummary';
import { embeddedArtifacts, embeddedText, type RepositoryClassNames } from '../embedded/embeddedArtifacts';
import { embeddingNote } from '../embedded/embeddingNote';
import { compareVersions } from '../version/comparableVersion';
import { artifactKey, type FolderJar, type JarFolder } from './jarFolder';

export interface FolderFindingsOptions {
  /** The workspace folder: findings' module is `folder:<path relative to it>`. */
  readonly baseDir: string;
  /** Class names of an artifact's jar in the local repository, to tell relocated embedded copies. */
  readonly repositoryClassNames?: RepositoryClassNames;
  readonly signal?: AbortSignal;
}

// How many class names a message spells out before "and N more".
const NAMED_IN_MESSAGE = 5;
// The java launcher lists the folder as the file system returns it; the documentation promises no order.
const WILDCARD_ORDER = 'the order in which a `dir/*` class path expands is unspecified';

/**
 * Findings on a loose jar folder, as `folder/*` would put it on a class path: two jars of one artifact
 * side by side (`folder-version-conflict`), classes defined by two or more jars (`duplicate-class`,
 * identical or different by CRC-32 and size), jars that embed other artifacts (`embedded-artifact`),
 * and jars that cannot be read (`unreadable-jar`). Each is located on the folder (line 1, column 1)
 * with the jars as related locations.
 */
export async function folderFindings(folder: JarFolder, options: FolderFindingsOptions): Promise<Finding[]> {
  const module = `folder:${relative(options.baseDir, folder.path).split('\\').join('/') || '.'}`;
  const base = { module, scopes: ['runtime'] as const, location: folderLocation(folder.path), paths: [], fixes: [] };
  const findings: Finding[] = [];
  for (const problem of folder.problems) {
    if (problem.archiveError === undefined) continue;
    findings.push({ ...base, code: 'unreadable-jar', severity: 'warning', message: problem.message, jars: [problem.path], classes: [], related: [jarLocation(problem.path, 'cannot be read')] });
  }
  for (const jars of sameArtifactGroups(folder.jars)) findings.push({ ...base, ...versionConflict(folder, jars) });
  options.signal?.throwIfAborted();
  findings.push(...(await duplicateFindings(folder)).map((finding) => ({ ...base, ...finding })));
  for (const jar of folder.jars) {
    const embedded = await embeddedArtifacts(jar.index, jar.identity, options.repositoryClassNames);
    if (embedded.length === 0) continue;
    findings.push({
      ...base,
      code: 'embedded-artifact',
      severity: 'info',
      message: `${jar.fileName} embeds ${embedded.length} ${embedded.length === 1 ? 'artifact' : 'artifacts'}: ${embedded.map(embeddedText).join(', ')}.`,
      jars: [jar.path],
      classes: [],
      related: [jarLocation(jar.path, 'embeds other artifacts')],
    });
  }
  return findings;
}

/** The folder itself: editors and reports show the finding at its first line. */
export function folderLocation(path: string): SourceLocation {
  return { file: path, range: { start: 0, end: 0 }, line: 1, column: 1 };
}

function jarLocation(path: string, message: string): RelatedLocation {
  return { message: `${basename(path)} ${message}`, location: folderLocation(path) };
}

/** Jars of one artifact (by artifactId and classifier), two or more, in directory order. */
function sameArtifactGroups(jars: readonly FolderJar[]): FolderJar[][] {
  const groups = new Map<string, FolderJar[]>();
  for (const jar of jars) {
    const key = artifactKey(jar);
    groups.set(key, [...(groups.get(key) ?? []), jar]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

type FolderFindingPart = Pick<Finding, 'code' | 'severity' | 'message' | 'jars' | 'classes' | 'related'>;

function versionConflict(folder: JarFolder, jars: readonly FolderJar[]): FolderFindingPart {
  const versions = jars.map((jar) => jar.identity.artifact.version ?? '?');
  const newest = [...versions].sort(compareVersions).at(-1);
  const listed = jars.map((jar, i) => `${jar.fileName} (${versions[i]})`).join(' and ');
  const distinct = new Set(versions).size;
  const what = distinct === 1 ? `twice at version ${versions[0]}` : `in ${distinct} versions`;
  return {
    code: 'folder-version-conflict',
    severity: 'warning',
    message:
      `${jars[0]!.identity.artifact.artifactId} is in ${basename(folder.path)} ${what}: ${listed}. ` +
      `A \`${basename(folder.path)}/*\` class path loads whichever comes first: ${jars[0]!.fileName} here, but ${WILDCARD_ORDER}. ` +
      (distinct === 1 ? 'Remove one copy.' : `Keep one (the newest is ${newest}).`),
    jars: jars.map((jar) => jar.path),
    classes: [],
    related: jars.map((jar, i) => jarLocation(jar.path, `is version ${versions[i]}`)),
  };
}

/** Classes defined by two or more jars of the folder, one finding per set of jars. */
async function duplicateFindings(folder: JarFolder): Promise<FolderFindingPart[]> {
  const definers = new Map<string, number[]>();
  const entries = folder.jars.map((jar) => {
    const byClass = new Map<string, ArchiveEntry>();
    for (const entry of jar.index.entries) {
      if (entry.className !== undefined && entry.releaseVersion === undefined && !entry.isPackageInfo) byClass.set(entry.className, entry);
    }
    return byClass;
  });
  entries.forEach((byClass, jarIndex) => {
    for (const className of byClass.keys()) definers.set(className, [...(definers.get(className) ?? []), jarIndex]);
  });
  const groups = new Map<string, { jars: number[]; classes: string[] }>();
  for (const [className, jars] of definers) {
    if (jars.length < 2) continue;
    const key = jars.join(',');
    const group = groups.get(key) ?? { jars, classes: [] };
    group.classes.push(className);
    groups.set(key, group);
  }
  const parts: FolderFindingPart[] = [];
  for (const group of groups.values()) {
    const jars = group.jars.map((i) => folder.jars[i]!);
    const identical: string[] = [];
    const different: string[] = [];
    for (const className of group.classes.sort()) {
      const copies = group.jars.map((i) => entries[i]!.get(className)!).map((entry) => `${entry.crc32}:${entry.uncompressedSize}`);
      (copies.every((copy) => copy === copies[0]) ? identical : different).push(className);
    }
    const all = [...different, ...identical];
    const listed = all.slice(0, NAMED_IN_MESSAGE).map(dottedName).join(', ') + (all.length > NAMED_IN_MESSAGE ? ` and ${all.length - NAMED_IN_MESSAGE} more` : '');
    const kinds = [different.length > 0 ? `${different.length} different` : '', identical.length > 0 ? `${identical.length} identical` : ''].filter(Boolean).join(', ');
    const note = await embeddingNote(
      jars.map((jar) => ({ file: jar.path, index: jar.index, artifact: jar.identity.artifact })),
      all,
    );
    parts.push({
      code: 'duplicate-class',
      severity: different.length > 0 ? 'warning' : 'info',
      message:
        `${all.length} ${all.length === 1 ? 'class is' : 'classes are'} in both ${jars.map((jar) => jar.fileName).join(' and ')} (${kinds}): ${listed}. ` +
        (note === undefined ? '' : `${note}. `) +
        `The copy in ${jars[0]!.fileName} loads first in this folder's order, but ${WILDCARD_ORDER}` +
        (different.length > 0 ? '; code compiled against the other copy may fail with NoSuchMethodError or LinkageError.' : '.'),
      jars: jars.map((jar) => jar.path),
      classes: all.map(dottedName),
      related: jars.map((jar) => jarLocation(jar.path, 'defines them')),
    });
  }
  return parts;
}
