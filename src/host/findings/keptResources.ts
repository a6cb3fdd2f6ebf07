// What the editor's analysis keeps between runs (plain Node, no vscode): a run after an edit then finds the
// parse workers started, the JDK indexed, and jar indexes, class summaries, parsed poms, repository poms'
// models and linkage facts in memory instead of reading them back from the cache folder or building them again.
import { join } from 'node:path';
import { PARSED_POMS_FILE, type KeptAnalysisResources } from '../../core/analysis/analyzeModules';
import { openPlatformClasses, type PlatformClasses } from '../../core/analysis/jdkClasses';
import type { LinkageFacts } from '../../core/analysis/linkageFacts';
import { MemberVerdicts } from '../../core/analysis/memberVerdicts';
import { ClassParsePool } from '../../core/analysis/workers/classParsePool';
import type { ClasspathIndexer } from '../../core/analysis/classpathIndexer';
import type { RepositoryClassIndex } from '../../core/analysis/repositoryClassIndex';
import type { LocalRepository } from '../../core/repo/localRepository';
import { RememberingRepositoryIndex, RepositoryMemory } from './rememberingRepositoryIndex';
import { JarIndexCache } from '../../core/cache/jarIndexCache';
import { LinkageFactsCache } from '../../core/cache/linkageFactsCache';
import { KeptRepositoryModels } from '../../core/model/keptRepositoryModels';
import { ParsedPomStore } from '../../core/model/parsedPomStore';

/** What a run took from memory: linkage facts per classpath, and which repository jars define a class. */
export interface KeptReuse {
  readonly factsRemembered: number;
  /** Read from the cache folder or derived from the classes. */
  readonly factsOther: number;
  readonly answersRemembered: number;
  /** Looked up in the repository's jars. */
  readonly answersOther: number;
  /** Member references whose verdict held from an earlier classpath, and those resolved again. */
  readonly verdictsRemembered: number;
  readonly verdictsResolved: number;
}

/** Classpaths whose facts stay in memory: an edit and its undo, across a few modules and scopes. */
const REMEMBERED_CLASSPATHS = 64;

/** Linkage facts by classpath key also in memory: the file cache forgets what it wrote once it has flushed. */
class RememberingFactsCache extends LinkageFactsCache {
  private readonly remembered = new Map<string, LinkageFacts>();
  readonly counts = { remembered: 0, other: 0 };

  override async get(key: string): Promise<LinkageFacts | undefined> {
    const known = this.remembered.get(key);
    if (known !== undefined) this.counts.remembered++;
    else this.counts.other++;
    const facts = known ?? (await super.get(key));
    if (facts !== undefined) this.remember(key, facts);
    return facts;
  }

  override put(key: string, facts: LinkageFacts): void {
    this.remember(key, facts);
    super.put(key, facts);
  }

  private remember(key: string, facts: LinkageFacts): void {
    this.remembered.delete(key);
    this.remembered.set(key, facts);
    // Maps iterate in insertion order: the first key is the one used longest ago.
    if (this.remembered.size > REMEMBERED_CLASSPATHS) this.remembered.delete(this.remembered.keys().next().value!);
  }
}

/** The analysis resources of one long-lived worker, each JDK opened once (a new home opens a new one). */
export class KeptResources implements KeptAnalysisResources {
  readonly cache: JarIndexCache;
  readonly pomStore: ParsedPomStore;
  // One parse worker per core beyond this worker's, as the CLI: each worker compiles the parse code for
  // itself, and on 2 cores a second one cost more CPU (its compiles and warm-up) than its share of the
  // parse saved; this worker's own work during a cold open's parse (look-ups, see lookAheadForMissingClasses)
  // then has a core.
  readonly pool = new ClassParsePool();
  readonly factsCache: RememberingFactsCache;
  readonly memberVerdicts = new MemberVerdicts();
  readonly repositoryModels = new KeptRepositoryModels();
  private readonly platforms = new Map<string, Promise<PlatformClasses>>();
  private readonly repositories = new Map<string, RepositoryMemory>();

  constructor(private readonly cacheDir: string) {
    // Written when no run has started for a while (see BackgroundAnalysis), never during one.
    this.cache = new JarIndexCache(cacheDir, { writeAsParsed: false });
    this.pomStore = new ParsedPomStore(join(cacheDir, PARSED_POMS_FILE));
    this.factsCache = new RememberingFactsCache(cacheDir);
  }

  platform(javaHome: string | undefined, env: NodeJS.ProcessEnv): Promise<PlatformClasses> {
    const key = javaHome ?? '';
    let platform = this.platforms.get(key);
    if (platform === undefined) {
      platform = openPlatformClasses(javaHome, env, this.cacheDir);
      this.platforms.set(key, platform);
    }
    return platform;
  }

  repositoryIndex(repository: LocalRepository, indexer: ClasspathIndexer): RepositoryClassIndex {
    let memory = this.repositories.get(repository.root);
    if (memory === undefined) {
      memory = new RepositoryMemory();
      this.repositories.set(repository.root, memory);
    }
    return new RememberingRepositoryIndex(repository, indexer, memory);
  }

  /** What the runs since the last call took from memory, and what they had to read or derive; the counts restart. */
  takeReuse(): KeptReuse {
    const facts = this.factsCache.counts;
    const answers = { remembered: 0, other: 0 };
    for (const { counts } of this.repositories.values()) {
      answers.remembered += counts.remembered;
      answers.other += counts.other;
      counts.remembered = counts.other = 0;
    }
    const verdicts = this.memberVerdicts.counts;
    const reuse: KeptReuse = {
      factsRemembered: facts.remembered,
      factsOther: facts.other,
      answersRemembered: answers.remembered,
      answersOther: answers.other,
      verdictsRemembered: verdicts.remembered,
      verdictsResolved: verdicts.resolved,
    };
    facts.remembered = facts.other = 0;
    verdicts.remembered = verdicts.resolved = 0;
    return reuse;
  }

  /** A jar or pom of a local repository was added, changed or deleted: which jars define a class, and the repository poms' models, may differ now. */
  forgetRepositoryAnswers(): void {
    this.repositories.clear();
    this.repositoryModels.clear();
  }

  /** Starts the class-parse workers and indexes the default JDK now, while the workspace is still being scanned. */
  warmUp(javaHome: string | undefined, env: NodeJS.ProcessEnv): void {
    this.pool.warmUp();
    void this.platform(javaHome, env);
  }

  /** Writes what the runs added to the cache folder: done after a reply, so that no one waits for it. */
  async flush(): Promise<void> {
    await this.cache.flush();
    await this.factsCache.flush();
    this.pomStore.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.pool.close();
    for (const platform of this.platforms.values()) await (await platform).close();
    this.platforms.clear();
  }
}
