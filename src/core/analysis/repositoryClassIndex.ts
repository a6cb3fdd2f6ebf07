import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalRepository } from '../repo/localRepository';
import { sharedPromise } from '../async/sharedPromise';
import { compareVersions } from '../version/comparableVersion';
import type { ClasspathIndexer, IndexedEntry } from './classpathIndexer';
import { packageOf } from './classSummary';

/** One version of an artifact in the local repository, with its jar. */
export interface RepositoryArtifact {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  readonly file: string;
}

export interface ArtifactKey {
  readonly groupId: string;
  readonly artifactId: string;
}

// groupIds have at least two segments in practice (org.x, com.y): shorter prefixes are never scanned.
const MIN_GROUP_SEGMENTS = 2;
// Bounds on one lookup, so that a huge repository costs a bounded number of reads.
const MAX_ARTIFACT_DIRS_PER_GROUP = 400;
const NO_KNOWN_ARTIFACTS: readonly ArtifactKey[] = [];

/**
 * Answers "which jar in the local repository defines this class?" without indexing the whole repository:
 * it looks only at (1) every version of the artifacts it is told about (those of the dependency graph, the
 * referencing poms' optional and provided dependencies, exclusions) and (2) the artifacts whose groupId is
 * a prefix of the class's package (org.apache.hadoop.util.X -> groups org.apache.hadoop.util,
 * org.apache.hadoop, org.apache), the convention nearly every artifact follows. Jars are indexed through the
 * persistent cache, so a repository jar is read once per file version.
 */
export class RepositoryClassIndex {
  private readonly versionListings = new Map<string, RepositoryArtifact[]>();
  private readonly groupListings = new Map<string, string[]>();
  private readonly candidateLists = new WeakMap<readonly ArtifactKey[], Map<string, readonly RepositoryArtifact[]>>();
  private readonly classMapsOf = new WeakMap<readonly RepositoryArtifact[], Promise<readonly (ReadonlyMap<string, unknown> | undefined)[]>>();
  private readonly entryReads = new Map<string, Promise<IndexedEntry | undefined>>();

  constructor(
    private readonly repository: LocalRepository,
    private readonly indexer: ClasspathIndexer,
  ) {}

  /** The versions of `groupId:artifactId` with a jar in the repository, oldest first. */
  versionsOf(groupId: string, artifactId: string): RepositoryArtifact[] {
    const key = `${groupId}:${artifactId}`;
    let versions = this.versionListings.get(key);
    if (versions === undefined) {
      versions = [];
      const dir = join(this.repository.root, ...groupId.split('.'), artifactId);
      for (const version of listDirectories(dir)) {
        const file = this.repository.artifactPath({ groupId, artifactId, version, extension: 'jar' });
        if (this.repository.exists(file)) versions.push({ groupId, artifactId, version, file });
      }
      versions.sort((a, b) => compareVersions(a.version, b.version));
      this.versionListings.set(key, versions);
    }
    return versions;
  }

  /**
   * Indexes one repository jar (cached); undefined when it cannot be read. A jar linked under several
   * versions is read once: the entry may be named by another of its paths (callers read its classes).
   */
  async entryOf(artifact: RepositoryArtifact, signal?: AbortSignal): Promise<IndexedEntry | undefined> {
    const entry = await this.indexer.indexSameFile(artifact.file, signal);
    return entry.index === undefined ? undefined : entry;
  }

  /** Every repository artifact version that defines `binaryName`, looking where the class comment says. */
  async providersOf(binaryName: string, known: readonly ArtifactKey[], signal?: AbortSignal): Promise<RepositoryArtifact[]> {
    const providers: RepositoryArtifact[] = [];
    const candidates = this.candidateVersions(known, packageOf(binaryName));
    // Every class of a package asked about with one list walks the same jars: their class maps, in order,
    // read once even when its classes are asked about side by side.
    const classMaps = await sharedPromise(this.classMapsOf, candidates, () => this.classMaps(candidates, signal));
    for (let i = 0; i < candidates.length; i++) if (classMaps[i]?.has(binaryName) === true) providers.push(candidates[i]!);
    return providers;
  }

  /** The candidates' class maps, in order; those not yet indexed are read side by side, overlapping their file reads. */
  private async classMaps(candidates: readonly RepositoryArtifact[], signal: AbortSignal | undefined): Promise<readonly (ReadonlyMap<string, unknown> | undefined)[]> {
    const entries = await Promise.all(candidates.map((artifact) => this.rememberedEntryOf(artifact, signal)));
    signal?.throwIfAborted();
    return entries.map((entry) => entry?.classes);
  }

  /**
   * Every version of the known artifacts, then of those named after the package, each artifact once in
   * that order: the same for every class of one package asked about with one list (an element's missing
   * classes are asked about one by one).
   */
  private candidateVersions(known: readonly ArtifactKey[], packageName: string): readonly RepositoryArtifact[] {
    // Every empty list is one key (a caller may make a new one per call).
    const listKey = known.length === 0 ? NO_KNOWN_ARTIFACTS : known;
    let byPackage = this.candidateLists.get(listKey);
    if (byPackage === undefined) this.candidateLists.set(listKey, (byPackage = new Map<string, readonly RepositoryArtifact[]>()));
    let versions = byPackage.get(packageName);
    if (versions === undefined) {
      const candidates = new Map<string, ArtifactKey>();
      for (const key of [...known, ...this.artifactsByPackage(packageName)]) candidates.set(`${key.groupId}:${key.artifactId}`, key);
      versions = [...candidates.values()].flatMap((key) => this.versionsOf(key.groupId, key.artifactId));
      byPackage.set(packageName, versions);
    }
    return versions;
  }

  /** entryOf, kept by file: one read per file, also for look-ups side by side. */
  private rememberedEntryOf(artifact: RepositoryArtifact, signal: AbortSignal | undefined): Promise<IndexedEntry | undefined> {
    return sharedPromise(this.entryReads, artifact.file, () => this.entryOf(artifact, signal));
  }

  /** Artifacts whose groupId is the package or one of its prefixes (down to two segments). */
  private artifactsByPackage(packageName: string): ArtifactKey[] {
    const segments = packageName.split('/').filter((segment) => segment !== '');
    const found: ArtifactKey[] = [];
    for (let length = segments.length; length >= MIN_GROUP_SEGMENTS; length--) {
      const groupId = segments.slice(0, length).join('.');
      for (const artifactId of this.artifactIdsIn(groupId)) found.push({ groupId, artifactId });
    }
    return found;
  }

  /** Subfolders of a group's folder that hold at least one version with a jar. */
  private artifactIdsIn(groupId: string): string[] {
    let artifactIds = this.groupListings.get(groupId);
    if (artifactIds === undefined) {
      artifactIds = listDirectories(join(this.repository.root, ...groupId.split('.')))
        .slice(0, MAX_ARTIFACT_DIRS_PER_GROUP)
        .filter((artifactId) => this.versionsOf(groupId, artifactId).length > 0);
      this.groupListings.set(groupId, artifactIds);
    }
    return artifactIds;
  }
}

function listDirectories(dir: string): string[] {
  try {
    // The entry types come with the listing: only a symbolic link needs a stat to see where it leads.
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(join(dir, entry.name)))))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

// Throws as statSync does (a link loop, ELOOP): the caller's listing then gives up, as before.
function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}
