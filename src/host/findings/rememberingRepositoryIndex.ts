// Which repository jars define a class, remembered by the editor's analysis worker across runs (plain Node).
import type { ClasspathIndexer } from '../../core/analysis/classpathIndexer';
import { RepositoryClassIndex, type ArtifactKey, type RepositoryArtifact } from '../../core/analysis/repositoryClassIndex';
import type { LocalRepository } from '../../core/repo/localRepository';

type ClassProviders = ReadonlyMap<string, readonly RepositoryArtifact[]>;

/** A candidate list's distinct `groupId:artifactId`s and their class maps, in the list's order. */
interface Candidates {
  readonly artifacts: ReadonlySet<string>;
  readonly classes: readonly ClassProviders[];
  /** Whether an artifact's jars had to be read for it (else everything came from memory). */
  readonly indexed: boolean;
}

/** What is remembered about one local repository until it changes (a jar or pom added, changed or deleted). */
export class RepositoryMemory {
  /** Per class: the providers among the artifacts whose groupId is a prefix of its package. */
  readonly byPackage = new Map<string, Promise<RepositoryArtifact[]>>();
  /** Per `groupId:artifactId`: its versions with a jar, by the classes each defines (oldest version first). */
  readonly classesOfArtifact = new Map<string, Promise<ClassProviders>>();
  /** The finished entries of classesOfArtifact, read without waiting. */
  readonly readyClasses = new Map<string, ClassProviders>();
  /** Look-ups answered from memory, and those that had to read the repository's jars. */
  readonly counts = { remembered: 0, other: 0 };
}

/**
 * Answers "which repository jars define this class?" as RepositoryClassIndex does, and in the same order
 * (the given artifacts first, each version oldest first, then the artifacts found by package), from an
 * index per artifact of every class its versions define: built once per repository state and kept across
 * runs, so that checking a class against a hundred candidate artifacts is a hundred map look-ups, and an
 * edit that changes the dependency graph (hence every candidate list) reads no jar again.
 */
export class RememberingRepositoryIndex extends RepositoryClassIndex {
  private readonly candidates = new WeakMap<readonly ArtifactKey[], Candidates>();

  constructor(
    repository: LocalRepository,
    indexer: ClasspathIndexer,
    private readonly memory: RepositoryMemory,
  ) {
    super(repository, indexer);
  }

  override async providersOf(binaryName: string, known: readonly ArtifactKey[], signal?: AbortSignal): Promise<RepositoryArtifact[]> {
    // One candidate list serves every class an element references: its artifacts' class maps are found once.
    let candidates = this.candidates.get(known);
    let remembered = true;
    if (candidates === undefined) {
      candidates = await this.candidatesOf(known, signal);
      this.candidates.set(known, candidates);
      remembered = !candidates.indexed;
    }
    const providers: RepositoryArtifact[] = [];
    for (const classes of candidates.classes) {
      const found = classes.get(binaryName);
      if (found !== undefined) providers.push(...found);
    }
    let fromPackage = this.memory.byPackage.get(binaryName);
    if (fromPackage === undefined) {
      remembered = false;
      fromPackage = super.providersOf(binaryName, [], signal);
      this.memory.byPackage.set(binaryName, fromPackage);
      // A cancelled or failed look-up is not an answer.
      fromPackage.catch(() => this.memory.byPackage.delete(binaryName));
    }
    for (const artifact of await fromPackage) if (!candidates.artifacts.has(`${artifact.groupId}:${artifact.artifactId}`)) providers.push(artifact);
    if (remembered) this.memory.counts.remembered++;
    else this.memory.counts.other++;
    return providers;
  }

  /** The distinct artifacts of a candidate list, in order, with their class maps (built or remembered). */
  private async candidatesOf(known: readonly ArtifactKey[], signal: AbortSignal | undefined): Promise<Candidates> {
    const artifacts = new Set<string>();
    const classes: ClassProviders[] = [];
    let indexed = false;
    for (const key of known) {
      const ga = `${key.groupId}:${key.artifactId}`;
      if (artifacts.has(ga)) continue;
      artifacts.add(ga);
      const ready = this.memory.readyClasses.get(ga);
      indexed ||= ready === undefined;
      classes.push(ready ?? (await this.classesOf(ga, key, signal)));
    }
    return { artifacts, classes, indexed };
  }

  private classesOf(ga: string, key: ArtifactKey, signal: AbortSignal | undefined): Promise<ClassProviders> {
    let classes = this.memory.classesOfArtifact.get(ga);
    if (classes === undefined) {
      classes = this.indexArtifact(key, signal);
      this.memory.classesOfArtifact.set(ga, classes);
      classes.then(
        (ready) => this.memory.readyClasses.set(ga, ready),
        () => this.memory.classesOfArtifact.delete(ga),
      );
    }
    return classes;
  }

  private async indexArtifact(key: ArtifactKey, signal: AbortSignal | undefined): Promise<ClassProviders> {
    const byClass = new Map<string, RepositoryArtifact[]>();
    for (const artifact of this.versionsOf(key.groupId, key.artifactId)) {
      signal?.throwIfAborted();
      const entry = await this.entryOf(artifact, signal);
      for (const className of entry?.classes.keys() ?? []) {
        const list = byClass.get(className);
        if (list === undefined) byClass.set(className, [artifact]);
        else list.push(artifact);
      }
    }
    return byClass;
  }
}
