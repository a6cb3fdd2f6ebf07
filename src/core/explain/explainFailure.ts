import { explainAbsence, howSelected, type Absence } from '../analysis/absence';
import { absenceText } from '../analysis/absenceFixes';
import type { ModuleAnalysis } from '../analysis/analyzeModules';
import { candidateArtifacts } from '../analysis/absence';
import type { ClasspathIndexer, IndexedEntry } from '../analysis/classpathIndexer';
import { isSummary } from '../analysis/classpathIndexer';
import { dottedName, fieldKey, methodKey } from '../analysis/classSummary';
import type { AnalysedScope, Fix, PathStep, SourceLocation } from '../analysis/finding';
import { allGraphNodes, gaKey, type PlacedNode } from '../analysis/graphNodes';
import { ignoreMatcher } from '../analysis/ignorePatterns';
import { ANALYSED_SCOPES, moduleClasspaths } from '../analysis/moduleClasspaths';
import { elementName, nodePathLocation, pathSteps, type ModuleContext, type ScopeView } from '../analysis/moduleContext';
import { PomTexts } from '../analysis/pomTexts';
import { RepositoryClassIndex, type RepositoryArtifact } from '../analysis/repositoryClassIndex';
import { selectVersionFix } from '../analysis/versionFix';
import { addDependencyFix } from '../fix/addDependencyFix';
import { exclusionFix } from '../fix/exclusionFix';
import { RuntimeRun } from '../runtime/runtimeFindings';
import type { PreparedRuntime } from '../runtime/preparedRuntime';
import type { RuntimeOptions } from '../runtime/runtimeSelection';
import type { AnalysisSession } from '../workspace/analysisSession';
import type { FailureMember, ParsedFailure } from './parseThrowable';
import { explainRuntime, type RuntimeExplanation } from './runtimeExplanation';

/** One jar (or output folder) on a module's classpath that defines the class. */
export interface ClasspathCopy {
  readonly scope: AnalysedScope;
  readonly file: string;
  /** `g:a:v`, or the module's own classes. */
  readonly name: string;
  /** Path from the module to the artifact; just the module for its own classes. */
  readonly path: readonly PathStep[];
  /** Where the dependency that brings it is declared. */
  readonly location: SourceLocation;
  /** For a member failure: whether this copy declares the member; undefined without one. */
  readonly hasMember: boolean | undefined;
}

/** The versions of one artifact in the local repository, told apart by whether they have the class (and member). */
export interface RepositoryVersions {
  readonly groupId: string;
  readonly artifactId: string;
  readonly withIt: readonly RepositoryArtifact[];
  readonly without: readonly string[];
  /** The lowest version (Maven's ordering) that has it. */
  readonly first: string | undefined;
}

/** How the module's graph picked a version of a providing artifact. */
export interface Selection {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  readonly scope: string | undefined;
  readonly optional: boolean;
  /** Nearest wins, first declaration, direct, or managed from pom:line. */
  readonly how: string;
  readonly path: readonly PathStep[];
  /** The versions other paths asked for, with their paths. */
  readonly requested: readonly { readonly version: string; readonly path: readonly PathStep[] }[];
}

export interface ModuleExplanation {
  readonly moduleId: string;
  readonly pomPath: string;
  readonly copies: readonly ClasspathCopy[];
  /** Classpath elements whose classes reference the class (who needs it). */
  readonly referencedBy: readonly string[];
  readonly selections: readonly Selection[];
  /** Why it is absent, when no copy is on a classpath. */
  readonly absence: string | undefined;
  readonly story: string;
  readonly fixes: readonly Fix[];
  /** The runtime the module deploys to (`jarscope.runtime`) and what it does with the class. */
  readonly runtime?: RuntimeExplanation;
}

export interface ClassExplanation {
  /** Dotted binary name. */
  readonly className: string;
  readonly member: FailureMember | undefined;
  readonly repository: readonly RepositoryVersions[];
  readonly modules: readonly ModuleExplanation[];
}

export interface FailureExplanation {
  readonly failure: ParsedFailure;
  readonly classes: readonly ClassExplanation[];
}

/** What explaining needs: the session and the latest analysis of its modules (nothing is resolved again). */
export interface ExplainContext {
  readonly session: AnalysisSession;
  readonly modules: readonly ModuleAnalysis[];
  readonly indexer: ClasspathIndexer;
  /** Unsaved pom texts the fixes are computed on, by path. */
  readonly pomTexts?: ReadonlyMap<string, string>;
  /** The runtimes the analysis used (`jarscope.runtimes`): modules deploying to one are explained against its jars too. */
  readonly runtimes?: RuntimeOptions;
  readonly signal?: AbortSignal;
}

/** A module with the runtime it deploys to, prepared once per explanation. */
interface ExplainedModule {
  readonly context: ModuleContext;
  readonly runtime: PreparedRuntime | undefined;
  readonly runtimeProblems: readonly string[];
}

/**
 * Explains linkage failures against the workspace's resolved classpaths: for each class (and member) the
 * copies on each module's compile, runtime and test classpath (the JVM loads the first, JVMS §5.3), the
 * versions in the local repository that have it, how Maven mediation selected the providing artifact
 * (nearest wins / first declaration / dependencyManagement), the most likely cause in one sentence and
 * the fixes as pom edits (pin the first version that has it, exclude a second copy, add the provider).
 * A module that deploys to a runtime is also explained against the runtime's jars (see explainRuntime).
 */
export async function explainFailures(context: ExplainContext, failures: readonly ParsedFailure[]): Promise<FailureExplanation[]> {
  const repositoryIndex = new RepositoryClassIndex(context.session.repository, context.indexer);
  const pomTexts = new PomTexts(context.pomTexts);
  const runtimes = context.runtimes === undefined ? undefined : new RuntimeRun(context.runtimes, context.runtimes.baseDir ?? context.session.reactor.root, context.indexer);
  const moduleContexts: ExplainedModule[] = [];
  for (const analysis of context.modules) {
    if (analysis.resolution === undefined) continue;
    const module = moduleContextOf(context.session, analysis, pomTexts);
    const deployment = await runtimes?.forModule(module.module, module.moduleId, pomTexts, context.signal);
    moduleContexts.push({ context: module, runtime: deployment?.runtime, runtimeProblems: (deployment?.findings ?? []).map((finding) => finding.message) });
  }
  const results: FailureExplanation[] = [];
  for (const failure of failures) {
    const classes: ClassExplanation[] = [];
    for (const className of [...new Set(failure.classes)]) {
      classes.push(await explainClass(context, repositoryIndex, moduleContexts, failure, className));
    }
    results.push({ failure, classes });
  }
  return results;
}

function moduleContextOf(session: AnalysisSession, analysis: ModuleAnalysis, pomTexts: PomTexts): ModuleContext {
  const resolution = analysis.resolution!;
  return {
    module: analysis.module,
    moduleId: analysis.moduleId,
    resolution,
    classpaths: moduleClasspaths(analysis.module, resolution.root, session.reactor.modules, session.repository),
    modules: session.reactor.modules,
    repository: session.repository,
    builder: session.reactor.builder,
    pomTexts,
    ignore: ignoreMatcher(),
    graph: allGraphNodes(resolution.root),
  };
}

async function explainClass(
  context: ExplainContext,
  repositoryIndex: RepositoryClassIndex,
  modules: readonly ExplainedModule[],
  failure: ParsedFailure,
  className: string,
): Promise<ClassExplanation> {
  const { indexer, signal } = context;
  const member = failure.member;
  const known = modules.flatMap((module) => candidateArtifacts(module.context, []));
  const providers = await repositoryIndex.providersOf(className, known, signal);
  const repository = await repositoryVersions(repositoryIndex, indexer, providers, className, member, signal);
  const explained: ModuleExplanation[] = [];
  for (const { context: module, runtime, runtimeProblems } of modules) {
    const copies: ClasspathCopy[] = [];
    let runtimeView: ScopeView | undefined;
    const referencedBy = new Set<string>();
    let absence: Absence | undefined;
    let absenceScope: ScopeView | undefined;
    for (const scope of ANALYSED_SCOPES) {
      const view = await scopeView(module, scope, indexer, signal);
      if (scope === 'runtime') runtimeView = view;
      const found = view.definers.get(className) ?? [];
      for (const index of found) {
        const { element, indexed } = view.elements[index]!;
        copies.push({
          scope,
          file: element.file,
          name: elementName(module, element),
          path: element.node === undefined ? pathSteps(module, []) : pathSteps(module, element.nodePath),
          location: nodePathLocation(module, element.nodePath),
          hasMember: member === undefined ? undefined : await declares(indexer, indexed, className, member, signal),
        });
      }
      for (const { element, indexed } of view.elements) {
        if (await references(indexer, indexed, className, signal)) referencedBy.add(elementName(module, element));
      }
      if (found.length === 0 && absence === undefined) {
        const referencing = view.elements.filter(({ element }) => referencedBy.has(elementName(module, element))).map(({ element }) => element);
        absence = explainAbsence(module, view, referencing, providers, className);
        absenceScope = view;
      }
    }
    const selections = selectionsOf(module, repository);
    const deployed =
      runtime === undefined || runtimeView === undefined
        ? undefined
        : await explainRuntime(module, runtime, { view: runtimeView, declaresMember: (indexed) => (member === undefined ? Promise.resolve(undefined) : declares(indexer, indexed, className, member, signal)) }, failure, className, runtimeProblems);
    const fixes = [...(deployed?.fixes ?? []), ...fixesFor(module, failure, copies, selections, repository, absence)];
    const story = deployed?.explanation.story ?? storyOf(failure, className, copies, selections, repository, absence, [...referencedBy]);
    explained.push({
      moduleId: module.moduleId,
      pomPath: module.module.pomPath,
      copies,
      referencedBy: [...referencedBy],
      selections,
      absence: absence === undefined || absenceScope === undefined ? undefined : `${absenceScope.scope}: ${absenceText(absence)}`,
      story,
      fixes,
      ...(deployed === undefined ? {} : { runtime: deployed.explanation }),
    });
  }
  return { className: dottedName(className), member, repository, modules: explained };
}

async function scopeView(module: ModuleContext, scope: AnalysedScope, indexer: ClasspathIndexer, signal: AbortSignal | undefined): Promise<ScopeView> {
  const elements = await Promise.all(module.classpaths[scope].map(async (element) => ({ element, indexed: await indexer.index(element.file, signal) })));
  const definers = new Map<string, number[]>();
  elements.forEach(({ indexed }, index) => {
    for (const name of indexed.classes.keys()) definers.set(name, [...(definers.get(name) ?? []), index]);
  });
  return { scope, elements, definers };
}

/** Whether the class in this element declares the member (by name, and by descriptor when known). */
async function declares(indexer: ClasspathIndexer, entry: IndexedEntry, className: string, member: FailureMember, signal: AbortSignal | undefined): Promise<boolean | undefined> {
  const parsed = (await indexer.classesOf(entry, signal)).get(className);
  if (!isSummary(parsed)) return undefined;
  if (member.kind === 'field') {
    return member.descriptor === undefined ? parsed.fields.some((field) => field.startsWith(`${member.name}:`)) : parsed.fields.includes(fieldKey(member.name, member.descriptor));
  }
  return member.descriptor === undefined ? parsed.methods.some((method) => method.startsWith(`${member.name}(`)) : parsed.methods.includes(methodKey(member.name, member.descriptor));
}

async function references(indexer: ClasspathIndexer, entry: IndexedEntry, className: string, signal: AbortSignal | undefined): Promise<boolean> {
  if (entry.index === undefined || entry.classes.has(className)) return false;
  for (const parsed of (await indexer.classesOf(entry, signal)).values()) {
    if (isSummary(parsed) && parsed.referencedClasses.includes(className)) return true;
  }
  return false;
}

async function repositoryVersions(
  repositoryIndex: RepositoryClassIndex,
  indexer: ClasspathIndexer,
  providers: readonly RepositoryArtifact[],
  className: string,
  member: FailureMember | undefined,
  signal: AbortSignal | undefined,
): Promise<RepositoryVersions[]> {
  const keys = new Map(providers.map((provider) => [gaKey(provider), provider]));
  const result: RepositoryVersions[] = [];
  for (const { groupId, artifactId } of keys.values()) {
    const withIt: RepositoryArtifact[] = [];
    const without: string[] = [];
    // versionsOf is sorted by Maven's ComparableVersion, so the first with it is the lowest.
    for (const artifact of repositoryIndex.versionsOf(groupId, artifactId)) {
      const entry = await repositoryIndex.entryOf(artifact, signal);
      const has = entry !== undefined && entry.classes.has(className) && (member === undefined || (await declares(indexer, entry, className, member, signal)) === true);
      if (has) withIt.push(artifact);
      else without.push(artifact.version);
    }
    result.push({ groupId, artifactId, withIt, without, first: withIt[0]?.version });
  }
  return result;
}

function selectionsOf(module: ModuleContext, repository: readonly RepositoryVersions[]): Selection[] {
  const selections: Selection[] = [];
  for (const versions of repository) {
    const key = gaKey(versions);
    const selected = module.graph.find(({ node }) => node.winner === undefined && gaKey(node.artifact) === key);
    if (selected === undefined) continue;
    const { node } = selected;
    selections.push({
      groupId: node.artifact.groupId,
      artifactId: node.artifact.artifactId,
      version: node.artifact.version,
      scope: node.dependency?.scope.value,
      optional: node.dependency?.optional === true,
      how: howSelected(module, selected),
      path: pathSteps(module, selected.nodePath),
      requested: module.graph
        .filter((placed) => placed.node.winner === node && placed.node.loserReason === 'conflict')
        .map((placed) => ({ version: placed.node.artifact.version, path: pathSteps(module, placed.nodePath) })),
    });
  }
  return selections;
}

function selectedNode(module: ModuleContext, selection: Selection): PlacedNode | undefined {
  return module.graph.find(({ node }) => node.winner === undefined && gaKey(node.artifact) === gaKey(selection));
}

function fixesFor(
  module: ModuleContext,
  failure: ParsedFailure,
  copies: readonly ClasspathCopy[],
  selections: readonly Selection[],
  repository: readonly RepositoryVersions[],
  absence: Absence | undefined,
): Fix[] {
  const fixes: Fix[] = [];
  const lacking = copies.length === 0 || copies.every((copy) => copy.hasMember === false);
  if (lacking) {
    // Pin the first version that has it: the smallest step from what the build selects today.
    for (const selection of selections) {
      const versions = repository.find((candidate) => gaKey(candidate) === gaKey(selection));
      const placed = selectedNode(module, selection);
      if (versions?.first === undefined || placed === undefined || versions.withIt.some((artifact) => artifact.version === selection.version)) continue;
      const fix = selectVersionFix(module, placed, versions.first);
      if (fix !== undefined) fixes.push(fix);
    }
    const pom = module.pomTexts.get(module.module.pomPath);
    if (fixes.length === 0 && pom !== undefined && absence !== undefined && absence.kind !== 'nowhere' && absence.kind !== 'version-selected' && absence.kind !== 'provided-scope') {
      const versions = repository.find((candidate) => gaKey(candidate) === gaKey(absence.provider));
      const version = versions?.first;
      if (version !== undefined) {
        const add = addDependencyFix(pom, { groupId: absence.provider.groupId, artifactId: absence.provider.artifactId, version });
        if (add.edits.length > 0) fixes.push({ ...add, preferred: true });
      }
    }
  }
  // Two copies on one classpath (duplicate classes): exclude the later ones from the dependency that brings them.
  const distinct = [...new Map(copies.map((copy) => [copy.file, copy])).values()];
  if (distinct.length > 1 || failure.kind === 'ClassCastException' || failure.kind === 'LinkageError') {
    for (const copy of distinct.slice(1)) {
      const element = ANALYSED_SCOPES.flatMap((scope) => module.classpaths[scope]).find((candidate) => candidate.file === copy.file);
      const site = element?.nodePath[0]?.dependency?.declaredAt;
      const pom = site === undefined ? undefined : module.pomTexts.get(site.source.pomPath);
      if (element?.node === undefined || site === undefined || pom === undefined || element.nodePath.length < 2) continue;
      const fix = exclusionFix(pom, site.range, element.node.artifact);
      if (fix.edits.length > 0) fixes.push(fix);
    }
  }
  return fixes;
}

function memberText(member: FailureMember): string {
  return `${member.kind} ${member.name}${member.descriptor ?? ''}`;
}

/** One sentence: the most likely cause, from what was found. */
function storyOf(
  failure: ParsedFailure,
  className: string,
  copies: readonly ClasspathCopy[],
  selections: readonly Selection[],
  repository: readonly RepositoryVersions[],
  absence: Absence | undefined,
  referencedBy: readonly string[],
): string {
  const name = dottedName(className);
  const distinct = [...new Set(copies.map((copy) => copy.name))];
  const needed = referencedBy.length === 0 ? '' : ` (referenced by ${referencedBy.join(', ')})`;
  const fromOn = (selection: Selection): string => {
    const versions = repository.find((candidate) => gaKey(candidate) === gaKey(selection));
    return versions?.first === undefined ? '' : `; ${failure.member === undefined ? 'the class' : 'the member'} exists from ${versions.first} on`;
  };
  if (failure.initializationFailed && copies.length > 0) {
    return `${name} is on the classpath (${distinct.join(', ')}) but its static initializer failed earlier: look for the first ExceptionInInitializerError in the log`;
  }
  if (distinct.length > 1) {
    const cast = failure.kind === 'ClassCastException' || failure.kind === 'LinkageError' ? ` → loaded by two class loaders, ${name} cannot be cast to ${name}` : '';
    return `two copies of ${name}: ${distinct.join(' and ')} (duplicate classes)${cast}`;
  }
  if (copies.length === 0) {
    const selection = selections[0];
    if (selection !== undefined) return `${name}${needed} is on no classpath: ${selection.artifactId} ${selection.version} was selected (${selection.how})${fromOn(selection)}`;
    return `${name}${needed} is on no classpath: ${absence === undefined ? 'no artifact in the local repository provides it' : absenceText(absence)}`;
  }
  if (failure.member !== undefined && copies.every((copy) => copy.hasMember === false)) {
    const selection = selections[0];
    const how = selection === undefined ? '' : `: ${selection.artifactId} ${selection.version} was selected (${selection.how})${fromOn(selection)}`;
    return `${distinct[0]} provides ${name} without ${memberText(failure.member)}${how}`;
  }
  if (failure.kind === 'ClassCastException' || failure.kind === 'LinkageError') {
    return `only ${distinct[0]} provides ${name} here: the second copy comes from another class loader (a runtime's lib/ folder or a plugin loader), so give the dependency scope provided or exclude it`;
  }
  return `${name} is on the classpath in ${distinct[0]}: at run time a different classpath was used (a runtime's lib/ folder, a shaded jar, or a missing scope)`;
}
