// Which repository jars define a class, remembered by the editor's analysis worker across runs (plain Node).
import type { ClasspathIndexer } from '../../core/analysis/classpathIndexer';
import { mapFewAtATime } from '../../core/async/mapFewAtATime';
import { sharedPromise } from '../../core/async/sharedPromise';
import { RepositoryClassIndex, type ArtifactKey, type RepositoryArtifact } from '../../core/analysis/repositoryClassIndex';
import type { LocalRepository } from '../../core/repo/localRepository';

/** Jars a look-up reads at once. */
const READS_AT_ONCE = 6;

/**
 * The answer `memory` holds for `key`, else `look` made now and remembered until it fails. An answer another
 * run started and its cancellation ended is looked up again for this run.
 */
async function remembered<T>(memory: Map<string, Promise<T>>, key: string, look: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  const earlier = memory.get(key);
  if (earlier !== undefined) {
    try {
      return await earlier;
    } catch {
      // sharedPromise has dropped it: a cancelled or failed look-up is not an answer.
      signal?.throwIfAborted();
    }
  }
  return sharedPromise(memory, key, look);
}

/** One artifact's versions that define a class (oldest first). */
interface ArtifactProviders {
  readonly ga: string;
  readonly artifacts: readonly RepositoryArtifact[];
}

/** A candidate list's distinct `groupId:artifactId`s with their place in the list. */
interface Candidates {
  readonly places: ReadonlyMap<string, number>;
  /** Whether an artifact's jars had to be read for it (else everything came from memory). */
  readonly indexed: boolean;
}

/** What is remembered about one local repository until it changes (a jar or pom added, changed or deleted). */
export class RepositoryMemory {
  /** Per class: the providers among the artifacts whose groupId is a prefix of its package. */
  readonly byPackage = new Map<string, Promise<RepositoryArtifact[]>>();
  /** Per `groupId:artifactId`: done once every version with a jar is indexed into providersByClass. */
  readonly artifactIndexed = new Map<string, Promise<void>>();
  /** The `groupId:artifactId`s whose artifactIndexed has finished, read without waiting. */
  readonly readyArtifacts = new Set<string>();
  /** Per class: every indexed artifact that defines it, with the versions that do. */
  readonly providersByClass = new Map<string, ArtifactProviders[]>();
  /** Look-ups answered from memory, and those that had to read the repository's jars. */
  readonly counts = { remembered: 0, other: 0 };
}

/**
 * Answers "which repository jars define this class?" as RepositoryClassIndex does, and in the same order
 * (the given artifacts first, each version oldest first, then the artifacts found by package), from an
 * index of every class the versions of each indexed artifact define: built once per repository state and
 * kept across runs, so that checking a class against a hundred candidate artifacts is one map look-up (and
 * a sort of the few artifacts that define it), and an edit that changes the dependency graph (hence every
 * candidate list) reads no jar again.
 */
export class RememberingRepositoryIndex extends RepositoryClassIndex {
  private readonly candidates = new WeakMap<readonly ArtifactKey[], Promise<Candidates>>();

  constructor(
    repository: LocalRepository,
    indexer: ClasspathIndexer,
    private readonly memory: RepositoryMemory,
  ) {
    super(repository, indexer);
  }

  override async providersOf(binaryName: string, known: readonly ArtifactKey[], signal?: AbortSignal): Promise<RepositoryArtifact[]> {
    // One candidate list serves every class an element references: its artifacts are indexed once, also
    // when its classes are asked about side by side.
    const listedBefore = this.candidates.get(known) !== undefined;
    const { places, indexed } = await sharedPromise(this.candidates, known, () => this.candidatesOf(known, signal));
    let fromMemory = listedBefore || !indexed;
    const defining = (this.memory.providersByClass.get(binaryName) ?? []).filter(({ ga }) => places.has(ga));
    defining.sort((a, b) => places.get(a.ga)! - places.get(b.ga)!);
    const providers = defining.flatMap(({ artifacts }) => artifacts);
    if (!this.memory.byPackage.has(binaryName)) fromMemory = false;
    const fromPackage = await remembered(this.memory.byPackage, binaryName, () => super.providersOf(binaryName, [], signal), signal);
    for (const artifact of fromPackage) if (!places.has(`${artifact.groupId}:${artifact.artifactId}`)) providers.push(artifact);
    if (fromMemory) this.memory.counts.remembered++;
    else this.memory.counts.other++;
    return providers;
  }

  /** The distinct artifacts of a candidate list, in order, each indexed (now or in an earlier run). */
  private async candidatesOf(known: readonly ArtifactKey[], signal: AbortSignal | undefined): Promise<Candidates> {
    const places = new Map<string, number>();
    const unindexed: [string, ArtifactKey][] = [];
    for (const key of known) {
      const ga = `${key.groupId}:${key.artifactId}`;
      if (places.has(ga)) continue;
      places.set(ga, places.size);
      if (!this.memory.readyArtifacts.has(ga)) unindexed.push([ga, key]);
    }
    // Several jars are read at once: a cold run's hundred candidate artifacts wait on the disk together.
    await mapFewAtATime(unindexed, READS_AT_ONCE, ([ga, key]) => this.indexed(ga, key, signal));
    return { places, indexed: unindexed.length > 0 };
  }

  private indexed(ga: string, key: ArtifactKey, signal: AbortSignal | undefined): Promise<void> {
    return remembered(this.memory.artifactIndexed, ga, () => this.indexArtifact(ga, key, signal), signal);
  }

  /** Adds the classes of every version of one artifact to providersByClass, all at once when every jar is read. */
  private async indexArtifact(ga: string, key: ArtifactKey, signal: AbortSignal | undefined): Promise<void> {
    const byClass = new Map<string, RepositoryArtifact[]>();
    const versions = this.versionsOf(key.groupId, key.artifactId);
    const entries = await mapFewAtATime(versions, READS_AT_ONCE, (artifact) => {
      signal?.throwIfAborted();
      return this.entryOf(artifact, signal);
    });
    // Oldest version first, as RepositoryClassIndex lists them.
    for (const [index, artifact] of versions.entries()) {
      for (const className of entries[index]?.classes.keys() ?? []) {
        const list = byClass.get(className);
        if (list === undefined) byClass.set(className, [artifact]);
        else list.push(artifact);
      }
    }
    for (const [className, artifacts] of byClass) {
      const known = this.memory.providersByClass.get(className);
      if (known === undefined) this.memory.providersByClass.set(className, [{ ga, artifacts }]);
      else known.push({ ga, artifacts });
    }
    this.memory.readyArtifacts.add(ga);
  }
}
