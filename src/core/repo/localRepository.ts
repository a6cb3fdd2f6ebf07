import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { childElement, childElements, parseXml } from '../pom/xmlTree';
import { compareVersions } from '../version/comparableVersion';
import { errorMessage, isRegularFile } from './fileChecks';

/** Coordinates of one file in the repository. */
export interface ArtifactCoordinates {
  groupId: string;
  artifactId: string;
  version: string;
  classifier?: string;
  extension: string;
}

/**
 * A coordinate that could leave its own directory (`..`, a path separator) is never looked up: a
 * hostile pom must not make the repository read files outside its root.
 */
function isSafeSegment(value: string): boolean {
  return value !== '' && value !== '.' && value !== '..' && !/[/\\\0]/.test(value);
}

function isSafeGroupId(groupId: string): boolean {
  return groupId.split('.').every((segment) => segment === '' || isSafeSegment(segment));
}

/**
 * A name path.join would keep as it is between two separators: then joining is concatenating, which skips
 * join's normalising pass over the whole path (hundreds of poms per resolution, each path ~100 characters).
 */
function isPlainSegment(value: string): boolean {
  return value !== '' && value !== '.' && value !== '..' && !value.includes('/') && !value.includes('\\');
}

/** A timestamped snapshot such as `1.0-20261122.101500-3` (maven-resolver's DefaultArtifact.toBaseVersion). */
const timestampedSnapshot = /^(.*-)?([0-9]{8}\.[0-9]{6}-[0-9]+)$/;

/** The directory name of a version: a timestamped snapshot lives in its `-SNAPSHOT` directory. */
function baseVersion(version: string): string {
  const match = timestampedSnapshot.exec(version);
  return match ? `${match[1] ?? ''}SNAPSHOT` : version;
}

/**
 * A Maven local repository (the default layout), read-only: it never writes, creates or repairs
 * anything. All file-system access is synchronous and cached for the life of the instance.
 */
export class LocalRepository {
  /** Files that could not be read or parsed, each message naming the file and the cause. */
  readonly problems: string[] = [];
  private readonly existence = new Map<string, boolean>();
  private readonly pomTexts = new Map<string, string | undefined>();
  private readonly metadataListings = new Map<string, string[]>();
  private readonly metadataVersions = new Map<string, readonly string[]>();
  /** Paths already worked out: every resolution asks for the same poms again (path.join is not free). */
  private readonly pomPaths = new Map<string, string>();
  private readonly artifactDirectories = new Map<string, string>();
  private readonly groupDirectories = new Map<string, string | undefined>();

  constructor(readonly root: string) {}

  /** Directory of an artifact (`g/with/slashes/a`) under the root, as maven-resolver lays it out. */
  private artifactDirectory(groupId: string, artifactId: string): string {
    // Lengths first: coordinates from a pom may hold any character, ':' included.
    const key = `${groupId.length}:${groupId}${artifactId}`;
    let directory = this.artifactDirectories.get(key);
    if (directory === undefined) {
      const groupDirectory = this.groupDirectory(groupId);
      directory =
        groupDirectory !== undefined && isPlainSegment(artifactId)
          ? `${groupDirectory}${sep}${artifactId}`
          : this.under(join(...groupId.split('.'), artifactId));
      this.artifactDirectories.set(key, directory);
    }
    return directory;
  }

  /**
   * `relative` below the root as the root is written: Maven keeps a root's `.` and `..` segments in the paths
   * it prints (see mavenBasedir), which path.join would resolve away.
   */
  private under(relative: string): string {
    if (this.root === '') return relative;
    return this.root.endsWith(sep) ? `${this.root}${relative}` : `${this.root}${sep}${relative}`;
  }

  /** `root/g/with/slashes`, one per groupId; undefined when a part of it is not a plain name. */
  private groupDirectory(groupId: string): string | undefined {
    if (this.groupDirectories.has(groupId)) return this.groupDirectories.get(groupId);
    const segments = groupId.split('.');
    const directory = segments.every(isPlainSegment) ? this.under(segments.join(sep)) : undefined;
    this.groupDirectories.set(groupId, directory);
    return directory;
  }

  /** `root/g/with/slashes/a/v/a-v.pom` — the path itself, symlinks not resolved. */
  pomPath(groupId: string, artifactId: string, version: string): string {
    const key = `${groupId.length},${artifactId.length}:${groupId}${artifactId}${version}`;
    let path = this.pomPaths.get(key);
    if (path === undefined) {
      path = this.artifactPath({ groupId, artifactId, version, extension: 'pom' });
      this.pomPaths.set(key, path);
    }
    return path;
  }

  /**
   * `root/g/with/slashes/a/v/a-v[-classifier].ext` (maven-resolver's SimpleLocalRepositoryManager
   * layout); a timestamped snapshot version keeps its name but lives in the `-SNAPSHOT` directory.
   */
  artifactPath(coords: ArtifactCoordinates): string {
    const classifier = coords.classifier ? `-${coords.classifier}` : '';
    const extension = coords.extension ? `.${coords.extension}` : '';
    const fileName = `${coords.artifactId}-${coords.version}${classifier}${extension}`;
    const directory = this.artifactDirectory(coords.groupId, coords.artifactId);
    const versionDirectory = baseVersion(coords.version);
    const plain = this.groupDirectory(coords.groupId) !== undefined && isPlainSegment(coords.artifactId) && isPlainSegment(versionDirectory) && isPlainSegment(fileName);
    return plain
      ? `${directory}${sep}${versionDirectory}${sep}${fileName}`
      : this.under(join(...coords.groupId.split('.'), coords.artifactId, versionDirectory, fileName));
  }

  /** Whether a regular file (or a symlink to one) is at `path`. */
  exists(path: string): boolean {
    let known = this.existence.get(path);
    if (known === undefined) {
      known = isRegularFile(path);
      this.existence.set(path, known);
    }
    return known;
  }

  /** The pom's text, or undefined when it is missing or unreadable (the cause is kept in `problems`). */
  readPomText(groupId: string, artifactId: string, version: string): string | undefined {
    if (!isSafeGroupId(groupId) || !isSafeSegment(artifactId) || !isSafeSegment(version)) return undefined;
    const path = this.pomPath(groupId, artifactId, version);
    if (this.pomTexts.has(path)) return this.pomTexts.get(path);
    let text: string | undefined;
    if (this.exists(path)) {
      try {
        text = readFileSync(path, 'utf8');
      } catch (cause) {
        this.problems.push(`${path}: cannot read the pom: ${errorMessage(cause)}`);
      }
    }
    this.pomTexts.set(path, text);
    return text;
  }

  /**
   * Versions of `groupId:artifactId` listed by the metadata files in its directory:
   * `maven-metadata-local.xml` (versions installed locally) and `maven-metadata-<repoId>.xml`
   * (versions last seen in a remote repository), which is what maven-resolver's version-range
   * resolution reads when offline. The union, without duplicates, oldest first; empty when there is
   * no metadata, even if version directories exist.
   *
   * Maven reads only the files of the repositories the build uses (`central` from the super POM, the
   * project's and settings' repositories, or their mirrors' ids): pass those as `repositoryIds` to
   * match it exactly; without them every `maven-metadata-*.xml` counts.
   */
  listVersions(groupId: string, artifactId: string, repositoryIds?: readonly string[]): string[] {
    if (!isSafeGroupId(groupId) || !isSafeSegment(artifactId)) return [];
    const directory = this.artifactDirectory(groupId, artifactId);
    const wanted = repositoryIds && new Set(['local', ...repositoryIds].map((id) => `maven-metadata-${id}.xml`));
    const unique = new Set<string>();
    for (const file of this.metadataFilesIn(directory)) {
      if (wanted && !wanted.has(file)) continue;
      for (const version of this.versionsInMetadata(join(directory, file))) unique.add(version);
    }
    return [...unique].sort(compareVersions);
  }

  private metadataFilesIn(directory: string): string[] {
    let files = this.metadataListings.get(directory);
    if (files === undefined) {
      files = metadataFiles(directory);
      this.metadataListings.set(directory, files);
    }
    return files;
  }

  private versionsInMetadata(path: string): readonly string[] {
    let versions = this.metadataVersions.get(path);
    if (versions === undefined) {
      versions = this.readMetadataVersions(path);
      this.metadataVersions.set(path, versions);
    }
    return versions;
  }

  private readMetadataVersions(path: string): string[] {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (cause) {
      this.problems.push(`${path}: cannot read the metadata: ${errorMessage(cause)}`);
      return [];
    }
    const parsed = parseXml(text);
    if (!parsed.ok) {
      const { line, column, message } = parsed.error;
      this.problems.push(`${path}:${line}:${column}: malformed metadata: ${message}`);
      return [];
    }
    const versions = childElement(childElement(parsed.root, 'versioning'), 'versions');
    return childElements(versions, 'version')
      .map((element) => element.text)
      .filter((version) => version !== '');
  }
}

/** `maven-metadata-local.xml` first, then the per-repository files, in name order. */
function metadataFiles(directory: string): string[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  const matching = names.filter((name) => /^maven-metadata-.+\.xml$/.test(name)).sort();
  const local = matching.filter((name) => name === 'maven-metadata-local.xml');
  return [...local, ...matching.filter((name) => name !== 'maven-metadata-local.xml')];
}
