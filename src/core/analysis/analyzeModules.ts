import { join } from 'node:path';
import type { ArchiveEntry } from '../archive/archiveEntry';
import type { ArchiveLimits } from '../archive/archiveLimits';
import { defaultCacheDir, JarIndexCache } from '../cache/jarIndexCache';
import { LinkageFactsCache } from '../cache/linkageFactsCache';
import { classpathEmbeddedArtifacts } from '../embedded/classpathEmbedded';
import type { KeptRepositoryModels } from '../model/keptRepositoryModels';
import { ParsedPomStore } from '../model/parsedPomStore';
import { formatArtifact } from '../resolve/artifact';
import type { LocalRepository } from '../repo/localRepository';
import type { ProjectResolution } from '../resolve/resolveProject';
import { RuntimeRun, runtimeDefines, runtimeFindings } from '../runtime/runtimeFindings';
import type { PreparedRuntime } from '../runtime/preparedRuntime';
import type { RuntimeOptions } from '../runtime/runtimeSelection';
import type { AnalysisSession } from '../workspace/analysisSession';
import type { ReactorModule } from '../workspace/reactor';
import { ClasspathIndexer, type IndexedEntry } from './classpathIndexer';
import { duplicateClasses } from './duplicateClasses';
import type { AnalysedScope, Finding } from './finding';
import { allGraphNodes } from './graphNodes';
import { withoutIgnoredByMarkers } from './ignoreMarkerFilter';
import { ignoreMatcher, type IgnorePatterns } from './ignorePatterns';
import { invalidClassFiles } from './invalidClassFiles';
import { openPlatformClasses, type PlatformClasses } from './jdkClasses';
import { loadedClasses, once, scopeLinkageFacts, type LinkageServices } from './linkageServices';
import type { MemberVerdicts } from './memberVerdicts';
import { mergeScopes } from './mergeScopes';
import { lookAheadForMissingClasses } from './missingClassLookAhead';
import { missingClasses } from './missingClasses';
import { missingMembers } from './missingMembers';
import { ANALYSED_SCOPES, moduleClasspaths } from './moduleClasspaths';
import { moduleIdOf, type ModuleContext, type ScopeView } from './moduleContext';
import { modelProblemFindings, resolutionProblemFindings } from './pomProblems';
import { PomTexts } from './pomTexts';
import { RepositoryClassIndex } from './repositoryClassIndex';
import { unresolvedArtifacts } from './unresolvedArtifacts';
import { versionConflicts } from './versionConflicts';
import { ClassParsePool, type ClassParsePoolOptions } from './workers/classParsePool';
import { moduleName, ReactorFailures } from '../workspace/skippedModules';

/** The file of the persistent parsed-pom store inside the cache folder. */
export const PARSED_POMS_FILE = 'poms.json';

export interface AnalysisOptions {
  /** The classpaths to analyse; default compile, runtime and test. */
  readonly scopes?: readonly AnalysedScope[];
  /** The JDK to compare against (setting or `--jdk`); else JAVA_HOME, else `java` on PATH. */
  readonly javaHome?: string;
  /** Environment for JAVA_HOME and PATH; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Folder of the persistent jar cache; default ~/.cache/jarscope (see defaultCacheDir); null: memory only. */
  readonly cacheDir?: string | null;
  /** The jar cache to read jars through when the caller reads other jars with it too; default one on `cacheDir`. */
  readonly jarCache?: JarIndexCache;
  readonly ignore?: IgnorePatterns;
  /** Pom texts to use instead of the files (an editor's unsaved buffers), by absolute path. */
  readonly pomTexts?: ReadonlyMap<string, string>;
  readonly workers?: ClassParsePoolOptions;
  readonly limits?: Partial<ArchiveLimits>;
  readonly signal?: AbortSignal;
  /** The runtimes modules deploy to (`--runtime`, `jarscope.runtimes`): their overlap with each module's runtime classpath is analysed. */
  readonly runtimes?: RuntimeOptions;
  /** Resources kept between runs by a long-lived caller, which flushes and closes them (then `cacheDir` and `workers` are not read). */
  readonly kept?: KeptAnalysisResources;
}

/** What a long-lived caller (the editor's analysis worker) keeps between runs: warm parse workers, the JDK's index, the caches in memory. */
export interface KeptAnalysisResources {
  readonly cache: JarIndexCache;
  readonly pomStore: ParsedPomStore | undefined;
  readonly pool: ClassParsePool;
  readonly factsCache: LinkageFactsCache;
  platform(javaHome: string | undefined, env: NodeJS.ProcessEnv): Promise<PlatformClasses>;
  /** Member verdicts kept across runs (an edit resolves again only references whose classes changed). */
  readonly memberVerdicts?: MemberVerdicts;
  /** The run's repository class index (one that remembers answers while the repository is unchanged). */
  repositoryIndex(repository: LocalRepository, indexer: ClasspathIndexer): RepositoryClassIndex;
  /** Repository poms' models kept across runs while the repository is unchanged (see KeptRepositoryModels). */
  readonly repositoryModels?: KeptRepositoryModels;
}

/** One classpath element as reported: its file and the artifact it stands for (none for own classes). */
export interface ReportedElement {
  readonly file: string;
  readonly exists: boolean;
  /** `groupId:artifactId:type[:classifier]:version`, undefined for the module's own output folder. */
  readonly artifact: string | undefined;
  readonly scope: string | undefined;
}

export interface ModuleAnalysis {
  readonly module: ReactorModule;
  /** `groupId:artifactId:version`. */
  readonly moduleId: string;
  /** Undefined when the module's pom has errors that stop Maven. */
  readonly resolution: ProjectResolution | undefined;
  /** The analysed classpaths in order. */
  readonly classpaths: Partial<Readonly<Record<AnalysedScope, readonly ReportedElement[]>>>;
  /** Sorted by pom file and offset; each finding lists the scopes it occurs on. */
  readonly findings: readonly Finding[];
  /** Set when Maven skips this module because one it needs (named `g:a:v (dir)`) failed; it is analysed all the same. */
  readonly skippedAfter?: string;
}

export interface AnalysisResult {
  readonly modules: readonly ModuleAnalysis[];
  /** Said once per run: e.g. no JDK found and the fallback used (see FALLBACK_PLATFORM_PACKAGES). */
  readonly warnings: readonly string[];
}

/**
 * An analysis whose checks that parse no class are done (pom problems, unresolved artifacts, version
 * conflicts, duplicate classes): a first answer to show while `finish` parses classes for the rest.
 */
export interface PreparedAnalysis {
  readonly firstAnswer: AnalysisResult;
  /** Runs the class checks too, on the resolutions and classpaths the first answer has read: every finding. */
  finish(): Promise<AnalysisResult>;
}

/**
 * Analyses the modules of a session: each module is resolved as `mvn dependency:tree -Dverbose` does, its
 * compile, runtime and test classpaths are built in Maven's order and indexed, and the checks run on each
 * classpath (pom problems, unresolved and unreadable artifacts, version conflicts, duplicate classes,
 * missing classes, missing members, invalid class files). Findings equal on several classpaths are merged
 * into one that lists those scopes. Jars are indexed and parsed once per run, and once per file version
 * across runs through the cache; CPU-bound class parsing goes to worker threads when a worker bundle is
 * present.
 */
export async function analyzeModules(session: AnalysisSession, modules: readonly ReactorModule[], options: AnalysisOptions = {}): Promise<AnalysisResult> {
  return (await prepareAnalysis(session, modules, options)).finish();
}

/**
 * analyzeModules in two steps: the checks that parse no class first, then the rest. With `parseAhead`, every
 * jar's classes start parsing on the workers as soon as it is indexed, while the first checks run (the
 * editor's first answer); else only jars read afresh do (see ClasspathIndexer.startParsingFresh). Resources
 * not kept by the caller are closed when `finish` ends, or when preparing fails.
 */
export async function prepareAnalysis(
  session: AnalysisSession,
  modules: readonly ReactorModule[],
  options: AnalysisOptions = {},
  parseAhead = false,
): Promise<PreparedAnalysis> {
  const { signal } = options;
  const { kept } = options;
  const cacheDir = options.cacheDir === null ? undefined : (options.cacheDir ?? defaultCacheDir(options.env));
  const cache = kept?.cache ?? options.jarCache ?? new JarIndexCache(cacheDir);
  // Repository poms parsed in an earlier run are read back instead of parsed again.
  const pomStore = kept ? kept.pomStore : cacheDir === undefined ? undefined : new ParsedPomStore(join(cacheDir, PARSED_POMS_FILE));
  session.reactor.builder.useParsedPomStore(pomStore);
  const pool = kept?.pool ?? new ClassParsePool(options.workers);
  const factsCache = kept?.factsCache ?? new LinkageFactsCache(cacheDir);
  let platform: PlatformClasses | undefined;
  const close = async (): Promise<void> => {
    session.reactor.builder.useParsedPomStore(undefined);
    if (kept !== undefined) return;
    await pool.close();
    await platform?.close();
    await cache.flush();
    await factsCache.flush();
    pomStore?.flush();
  };
  try {
    platform = await (kept?.platform(options.javaHome, options.env ?? process.env) ?? openPlatformClasses(options.javaHome, options.env ?? process.env, cacheDir));
    const indexer = new ClasspathIndexer({ cache, pool, javaRelease: platform.release, limits: options.limits });
    const repositoryIndex = kept?.repositoryIndex(session.repository, indexer) ?? new RepositoryClassIndex(session.repository, indexer);
    const services: LinkageServices = { indexer, platform, repositoryIndex, factsCache, memberVerdicts: kept?.memberVerdicts };
    const scopes = options.scopes ?? ANALYSED_SCOPES;
    const runtimes = options.runtimes === undefined ? undefined : new RuntimeRun(options.runtimes, options.runtimes.baseDir ?? session.reactor.root, indexer);
    const run: RunState = { services, pomTexts: new PomTexts(options.pomTexts), ignore: ignoreMatcher(options.ignore), scopes, signal, runtimes, parseAhead };
    const warnings = [...(platform.problem === undefined ? [] : [platform.problem]), ...(runtimes?.catalog.problems ?? [])];
    const prepared: PreparedModule[] = [];
    const failures = new ReactorFailures(session.reactor.upstream);
    for (const module of modules) {
      signal?.throwIfAborted();
      const failedUpstream = failures.failedUpstream(module);
      const next = await prepareModule(session, module, run, failedUpstream);
      const { resolution } = next.firstAnswer;
      if (failedUpstream !== undefined || resolution === undefined || resolution.problems.some((problem) => problem.fatal)) failures.stop(module);
      prepared.push(next);
    }
    let finishing: Promise<AnalysisResult> | undefined;
    const finish = async (): Promise<AnalysisResult> => {
      try {
        const results: ModuleAnalysis[] = [];
        for (const module of prepared) {
          signal?.throwIfAborted();
          results.push(module.rest === undefined ? module.firstAnswer : await module.rest());
        }
        return { modules: results, warnings };
      } finally {
        await close();
      }
    };
    return { firstAnswer: { modules: prepared.map((module) => module.firstAnswer), warnings }, finish: () => (finishing ??= finish()) };
  } catch (error) {
    await close();
    throw error;
  }
}

interface RunState {
  readonly services: LinkageServices;
  readonly pomTexts: PomTexts;
  readonly ignore: ModuleContext['ignore'];
  readonly scopes: readonly AnalysedScope[];
  readonly signal: AbortSignal | undefined;
  readonly runtimes: RuntimeRun | undefined;
  readonly parseAhead: boolean;
}

/** A module whose checks that parse no class are done; `rest` runs the others (absent: nothing more to check). */
interface PreparedModule {
  readonly firstAnswer: ModuleAnalysis;
  readonly rest?: () => Promise<ModuleAnalysis>;
}

/** `failedUpstream`: the module whose failure makes Maven skip this one, if any. */
async function prepareModule(
  session: AnalysisSession,
  module: ReactorModule,
  run: RunState,
  failedUpstream: ReactorModule | undefined,
): Promise<PreparedModule> {
  const moduleId = moduleIdOf(module);
  const skipped = failedUpstream === undefined ? {} : { skippedAfter: moduleName(failedUpstream) };
  const pomFindings = modelProblemFindings(module, moduleId, run.pomTexts, run.scopes);
  if (module.model.problems.some((problem) => problem.severity === 'error')) {
    return { firstAnswer: { module, moduleId, resolution: undefined, classpaths: {}, findings: pomFindings, ...skipped } };
  }
  const resolution = failedUpstream !== undefined
    ? session.resolver.resolveSkippedVerboseTree(module.model, run.signal)
    : session.resolver.resolveVerboseTree(module.model, run.signal);
  const classpaths = moduleClasspaths(module, resolution.root, session.reactor.modules, session.repository);
  const context: ModuleContext = {
    module,
    moduleId,
    resolution,
    classpaths,
    modules: session.reactor.modules,
    repository: session.repository,
    builder: session.reactor.builder,
    pomTexts: run.pomTexts,
    ignore: run.ignore,
    graph: allGraphNodes(resolution.root),
  };
  const moduleFindings = [...pomFindings, ...resolutionProblemFindings(context, run.scopes)];
  const reported: Partial<Record<AnalysedScope, ReportedElement[]>> = {};
  const unparsed: Finding[][] = [];
  // Scopes often share one classpath (no test or provided dependencies): each distinct one is checked once.
  const byClasspath = new Map<string, readonly Finding[]>();
  const unparsedDefiners: DefinersMemo = new Map();
  for (const scope of run.scopes) {
    const view = await scopeView(context, scope, run, unparsedDefiners);
    reported[scope] = view.elements.map(({ element }) => ({
      file: element.file,
      exists: element.exists,
      artifact: element.node === undefined ? undefined : formatArtifact(element.node.artifact),
      scope: element.node?.dependency?.scope.value,
    }));
    const key = classpathKey(view);
    const earlier = byClasspath.get(key);
    const findings = earlier === undefined ? await unparsedFindings(context, view, run.signal) : earlier.map((finding) => ({ ...finding, scopes: [scope] }));
    byClasspath.set(key, findings);
    unparsed.push([...findings]);
  }
  const analysis = (findings: readonly Finding[][]): ModuleAnalysis => ({
    module,
    moduleId,
    resolution,
    classpaths: reported,
    findings: withoutIgnoredByMarkers(mergeScopes(findings.flat()), run.pomTexts),
    ...skipped,
  });
  const rest = async (): Promise<ModuleAnalysis> => {
    const perScope: Finding[][] = [moduleFindings];
    const deployment = run.runtimes !== undefined && run.scopes.includes('runtime') ? await run.runtimes.forModule(module, moduleId, run.pomTexts, run.signal) : undefined;
    if (deployment !== undefined) perScope.push(deployment.findings);
    const checked = new Map<string, readonly Finding[]>();
    const classDefiners: DefinersMemo = new Map();
    for (const [index, scope] of run.scopes.entries()) {
      // Read again from the run's indexer rather than kept: a reactor of many modules holds one module's views at a time.
      const view = await scopeView(context, scope, run, classDefiners);
      // The runtime classpath of a deployed module counts the runtime's classes as present.
      const runtime = view.scope === 'runtime' ? deployment?.runtime : undefined;
      const key = `${classpathKey(view)}${runtime === undefined ? '' : `\nruntime:${runtime.definition.name}`}`;
      const earlier = checked.get(key);
      const findings = earlier === undefined ? await classFindings(context, view, run.services, run.signal, runtime) : earlier.map((finding) => ({ ...finding, scopes: [view.scope] }));
      checked.set(key, findings);
      perScope.push(unparsed[index]!, [...findings]);
      if (runtime !== undefined) perScope.push(await runtimeFindings(context, view, runtime, run.services, run.signal));
    }
    return analysis(perScope);
  };
  return { firstAnswer: analysis([moduleFindings, ...unparsed]), rest };
}

/** A classpath as its files in order: scopes with equal keys have the same findings. */
function classpathKey(view: Pick<ScopeView, 'elements'>): string {
  return view.elements.map(({ element }) => element.file).join('\n');
}

/** The definers of the classpaths a module's scopes had so far, by classpathKey, with the entries they were made from. */
type DefinersMemo = Map<string, { readonly indexed: readonly IndexedEntry[]; readonly definers: ReadonlyMap<string, readonly number[]> }>;

/**
 * `parseAhead`: each jar's classes are parsed on the workers as soon as it is indexed. Otherwise a jar read
 * afresh starts parsing as soon as it is indexed (see startParsingFresh). Scopes with one classpath (the
 * same entries in the same order) share one map of definers (`memo`): it has an entry per class.
 */
async function scopeView(context: ModuleContext, scope: AnalysedScope, run: RunState, memo: DefinersMemo): Promise<ScopeView> {
  const { services, signal, parseAhead } = run;
  const indexedElement = async (file: string): Promise<IndexedEntry> => {
    const indexed = await services.indexer.index(file, signal);
    if (parseAhead) services.indexer.startParsing(indexed, signal);
    else services.indexer.startParsingFresh(indexed, signal);
    return indexed;
  };
  const elements = await Promise.all(
    context.classpaths[scope].map(async (element) => ({
      element,
      indexed: element.exists ? await indexedElement(element.file) : { path: element.file, index: undefined, failure: undefined, problems: [], classes: new Map<string, ArchiveEntry>() },
    })),
  );
  const key = classpathKey({ elements });
  const earlier = memo.get(key);
  if (earlier !== undefined && earlier.indexed.every((indexed, index) => elements[index]!.indexed === indexed)) {
    return { scope, elements, definers: earlier.definers };
  }
  const definers = new Map<string, number[]>();
  elements.forEach(({ indexed }, index) => {
    for (const className of indexed.classes.keys()) {
      const list = definers.get(className);
      if (list === undefined) definers.set(className, [index]);
      else list.push(index);
    }
  });
  memo.set(key, { indexed: elements.map(({ indexed }) => indexed), definers });
  return { scope, elements, definers };
}

/** The checks that parse no class. */
async function unparsedFindings(context: ModuleContext, view: ScopeView, signal: AbortSignal | undefined): Promise<Finding[]> {
  return [...unresolvedArtifacts(context, view), ...versionConflicts(context, view), ...(await duplicateClasses(context, view, signal))];
}

/** The checks that read classes. */
async function classFindings(
  context: ModuleContext,
  view: ScopeView,
  services: LinkageServices,
  signal: AbortSignal | undefined,
  runtime: PreparedRuntime | undefined,
): Promise<Finding[]> {
  // Reads no class: runs while the classes are parsed. Handled here too, so that a run that fails before
  // awaiting it leaves no unhandled rejection.
  const embedded = classpathEmbeddedArtifacts(context, view);
  embedded.catch(() => undefined);
  // Only when the facts are derived (not cached) are the classes parsed, and the look-ups worth starting early.
  const lookAhead = lookAheadForMissingClasses(context, view, services, signal);
  const loaded = once(() => loadedClasses(services, view, signal, lookAhead.elementParsed));
  const scopeFacts = await scopeLinkageFacts(services, view, loaded, signal);
  const facts = runtime === undefined ? scopeFacts : { ...scopeFacts, missingClasses: scopeFacts.missingClasses.filter((fact) => !runtimeDefines(runtime, fact.missing)) };
  const check = { context, view, facts, loaded, services, signal };
  // Side by side: each waits on local-repository reads (and class parses) while another computes.
  const [missing, unresolvedMembers] = await Promise.all([missingClasses(check), missingMembers(check)]);
  await lookAhead.done();
  return [...missing, ...unresolvedMembers, ...invalidClassFiles(context, view, facts), ...(await embedded)];
}
