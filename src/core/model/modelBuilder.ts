import { dirname, resolve } from 'node:path';
import type { RawDependency, RawParent, RawPlugin, RawPom, RawProfile } from '../pom/rawPom';
import type { TextRange } from '../pom/xmlTree';
import type { LocalRepository } from '../repo/localRepository';
import type { MavenSettings, SettingsProfile } from '../repo/mavenSettings';
import { inheritPlugins, managedPlugins, mergePlugins, pluginReferences } from './buildPlugins';
import { importDependencyManagement } from './dependencyManagementImport';
import {
  collapseRepeated,
  mergeDependencies,
  repeatedDeclarations,
  workingDependencies,
  type DependencyList,
  type WorkingDependency,
} from './inheritance';
import type { Interpolator, InterpolationIssue } from './interpolation';
import { isRepositoryFile, modelContextKey, type KeptModel, type KeptRepositoryModels } from './keptRepositoryModels';
import { indexManagement, injectManagement, withDefaultScope } from './managementInjection';
import { createModelInterpolator, type InterpolationSources } from './modelInterpolation';
import type { DeclarationSite, EffectiveModel, ModelDependency, ModelProblem, PomSource } from './modelTypes';
import { isValidId, validateDependencies } from './modelValidation';
import type { ParsedPomStore } from './parsedPomStore';
import { PomFileCache } from './pomFileCache';
import { coordinatesOf, PomLocator } from './pomLocator';
import { selectActiveProfiles, type ProfileActivationContext } from './profileActivation';

export interface ModelBuildContext {
  repository: LocalRepository;
  /** Reactor modules: `groupId:artifactId:version` to the module's pom path. */
  workspacePoms: ReadonlyMap<string, string>;
  /** `-D` properties. */
  userProperties: ReadonlyMap<string, string>;
  systemProperties: ReadonlyMap<string, string>;
  env: NodeJS.ProcessEnv;
  /** `-P id`. */
  activeProfiles: string[];
  /** `-P !id`. */
  inactiveProfiles: string[];
  settings?: MavenSettings;
  /** java.version, e.g. "17.0.21". */
  jdkVersion: string;
  os: { name: string; family: string; arch: string; version: string };
  /** Texts to use instead of the files at these absolute pom paths: the unsaved contents of open editors. */
  pomTexts?: ReadonlyMap<string, string>;
  /** Repository models kept across the builders of a long-lived caller (see KeptRepositoryModels). */
  keptModels?: KeptRepositoryModels;
}

/**
 * `project`: with `-P` and settings profiles (a workspace pom, also when a reactor sibling depends on it).
 * `dependency`: as maven-resolver-provider's DefaultArtifactDescriptorReader and the BOM import build a pom:
 * profiles activate only by their conditions; `-D` still applies.
 */
type BuildMode = 'project' | 'dependency';

/** A property with where it is written, so a cycle in it can be reported there. */
interface WorkingProperty {
  value: string;
  pomPath: string;
  range?: TextRange;
}

/** One pom with its active profiles injected and its parents inherited, not yet interpolated. */
interface AssembledPom {
  raw: RawPom;
  source: PomSource;
  basedir?: string;
  groupId?: string;
  artifactId?: string;
  version?: string;
  properties: Map<string, WorkingProperty>;
  dependencies: DependencyList;
  dependencyManagement: DependencyList;
  modules: string[];
  /** Build plugins, plugin management and extensions, profiles injected and parents inherited. */
  plugins: RawPlugin[];
  pluginManagement: RawPlugin[];
  extensions: RawPlugin[];
  activeProfileIds: string[];
  /** Problems of this pom and of its parents. */
  problems: ModelProblem[];
}

type AssembleResult = { ok: true; pom: AssembledPom } | { ok: false; problem: ModelProblem };

function problemKey(problem: ModelProblem): string {
  return `${problem.severity}|${problem.code}|${problem.pomPath}|${problem.range?.start ?? ''}|${problem.message}`;
}

function dedupeProblems(problems: ModelProblem[]): ModelProblem[] {
  if (problems.length < 2) return problems;
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = problemKey(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Builds effective models the way Maven 3.8.7's DefaultModelBuilder does, for the parts dependency resolution
 * needs: parent chain (relativePath, then the reactor and the local repository), per-pom profile activation and
 * injection, inheritance, interpolation, import-scope BOMs and dependencyManagement injection. Bad input becomes
 * a ModelProblem with its file and position; nothing throws. Parsed poms and built models are cached.
 */
export class ModelBuilder {
  private readonly files: PomFileCache;
  private readonly locator: PomLocator;
  private readonly assembled = new Map<string, AssembleResult>();
  private readonly built = new Map<string, EffectiveModel>();
  private readonly repositoryProblems = new Map<string, ModelProblem[]>();
  private readonly sources: InterpolationSources;
  private readonly projectActivation: { active: Set<string>; inactive: Set<string> };
  /** The poms read for each built model and assembled pom, by cache key (see recorded). */
  private readonly builtInputs = new Map<string, ReadonlySet<string>>();
  private readonly assembledInputs = new Map<string, ReadonlySet<string>>();
  /** One set per build under way, outermost first: each pom read is added to all of them. */
  private readonly recorders: Set<string>[] = [];
  private readonly keptModels: Map<string, KeptModel> | undefined;

  constructor(private readonly context: ModelBuildContext) {
    this.sources = { userProperties: context.userProperties, systemProperties: context.systemProperties, env: context.env };
    const overlays = new Map([...(context.pomTexts ?? new Map<string, string>())].map(([path, text]) => [resolve(path), text]));
    this.files = new PomFileCache(overlays, (pomPath) => this.noteRead(pomPath));
    this.locator = new PomLocator(context, this.files);
    // MavenCli: `-P +id` activates, `-P !id` and `-P -id` deactivate; the marks are not part of the id.
    const bare = (id: string): string => id.trim().replace(/^[+!-]/, '');
    this.projectActivation = {
      active: new Set([...context.activeProfiles, ...(context.settings?.activeProfiles ?? [])].map(bare)),
      inactive: new Set(context.inactiveProfiles.map(bare)),
    };
    this.keptModels = context.keptModels?.forContext(
      modelContextKey({
        repositoryRoot: context.repository.root,
        workspacePoms: context.workspacePoms,
        userProperties: context.userProperties,
        systemProperties: context.systemProperties,
        env: context.env,
        activeProfiles: context.activeProfiles,
        inactiveProfiles: context.inactiveProfiles,
        settings: context.settings,
        jdkVersion: context.jdkVersion,
        os: context.os,
      }),
    );
  }

  /** Reads pom files through `store` from now on (see ParsedPomStore); undefined: parse every file. */
  useParsedPomStore(store: ParsedPomStore | undefined): void {
    this.files.useStore(store);
  }

  /** The effective model of a workspace pom, with `-P`, settings profiles and relativePath parents. */
  buildFromFile(pomPath: string): EffectiveModel {
    return this.buildModel(resolve(pomPath), 'workspace', 'project', []);
  }

  /**
   * The effective model of a dependency's pom: the reactor module with these coordinates (its project model,
   * with -P and settings profiles, as Maven's ReactorReader.findModel gives it), else the pom in the local
   * repository (profiles only by their activation conditions); undefined when there is none (see {@link problemsFor}).
   */
  buildFromRepository(groupId: string, artifactId: string, version: string): EffectiveModel | undefined {
    return this.buildDependencyModel(groupId, artifactId, version, 'project', []);
  }

  /** What went wrong the last time these coordinates were built from the repository (e.g. a missing pom). */
  problemsFor(groupId: string, artifactId: string, version: string): readonly ModelProblem[] {
    return this.repositoryProblems.get(coordinatesOf(groupId, artifactId, version)) ?? [];
  }



  /**
   * @param reactorMode how a reactor module's pom is built: as its project (a dependency, ReactorReader.findModel)
   *   or without -P (a BOM: DefaultModelBuilder.importDependencyManagement builds it from a bare model source).
   */
  private buildDependencyModel(
    groupId: string,
    artifactId: string,
    version: string,
    reactorMode: BuildMode,
    importChain: readonly string[],
  ): EffectiveModel | undefined {
    const coordinates = coordinatesOf(groupId, artifactId, version);
    const workspacePom = this.locator.reactorPom(coordinates);
    const pomPath = workspacePom ?? this.locator.repositoryPomPath(groupId, artifactId, version);
    const kept = workspacePom === undefined ? this.keptModel(pomPath) : undefined;
    const read = kept === undefined ? this.files.read(pomPath) : undefined;
    if (read !== undefined && !read.ok && read.reason === 'missing') {
      const message = `The POM for ${coordinates} is missing (${pomPath}); no dependency information available.`;
      this.repositoryProblems.set(coordinates, [this.files.problem('warning', 'pom-missing', message, pomPath)]);
      return undefined;
    }
    // A pom from the repository is built as maven-resolver-provider's DefaultArtifactDescriptorReader does.
    const model = workspacePom
      ? this.buildModel(pomPath, 'workspace', reactorMode, importChain, { groupId, artifactId, version })
      : this.buildModel(pomPath, 'repository', 'dependency', importChain, { groupId, artifactId, version });
    this.repositoryProblems.set(coordinates, model.problems);
    return model;
  }

  private buildModel(
    pomPath: string,
    kind: PomSource['kind'],
    mode: BuildMode,
    importChain: readonly string[],
    expected?: { groupId: string; artifactId: string; version: string },
  ): EffectiveModel {
    const cacheKey = `${mode}|${pomPath}`;
    const cached = this.built.get(cacheKey);
    if (cached) {
      this.noteInputs(this.builtInputs.get(cacheKey));
      return cached;
    }
    const keepable = kind === 'repository' && mode === 'dependency';
    const kept = keepable ? this.keptModel(pomPath) : undefined;
    if (kept !== undefined) {
      this.built.set(cacheKey, kept.model);
      this.builtInputs.set(cacheKey, kept.inputs);
      this.noteInputs(kept.inputs);
      return kept.model;
    }
    // The poms it reads are told to the builds under way as they are read (see noteRead).
    const { value: model, inputs } = this.recorded(() => {
      const assembled = this.assemble(pomPath, kind, mode, []);
      return assembled.ok ? this.finish(assembled.pom, mode, importChain) : this.unreadableModel(pomPath, kind, assembled.problem, expected);
    });
    this.built.set(cacheKey, model);
    this.builtInputs.set(cacheKey, inputs);
    if (keepable && this.keptModels !== undefined && this.mayKeep(model, inputs)) this.keptModels.set(pomPath, { model, inputs });
    return model;
  }

  /** A model kept from an earlier builder, unless one of its poms is now read from an editor's text. */
  private keptModel(pomPath: string): KeptModel | undefined {
    const kept = this.keptModels?.get(pomPath);
    return kept === undefined || [...kept.inputs].some((path) => this.files.hasOverlay(path)) ? undefined : kept;
  }

  /**
   * Whether a repository model depends on nothing but repository files and the build context: every pom read
   * for it is a repository file read from disk, none of them activates a profile by a file (which may be
   * anywhere), and no dependency names a systemPath (whose file validation looks for).
   */
  private mayKeep(model: EffectiveModel, inputs: ReadonlySet<string>): boolean {
    for (const path of inputs) {
      if (!isRepositoryFile(this.context.repository.root, path) || this.files.hasOverlay(path)) return false;
      const read = this.files.read(path);
      if (read.ok && read.pom.profiles.some((profile) => profile.activation?.file !== undefined)) return false;
    }
    return ![...model.dependencies, ...model.dependencyManagement].some((dependency) => dependency.systemPath !== undefined);
  }

  /** Runs a build, recording the poms it reads (and those its cached parts were built from). */
  private recorded<T>(build: () => T): { value: T; inputs: ReadonlySet<string> } {
    const inputs = new Set<string>();
    this.recorders.push(inputs);
    try {
      return { value: build(), inputs };
    } finally {
      this.recorders.pop();
    }
  }

  private noteRead(pomPath: string): void {
    for (const recorder of this.recorders) recorder.add(pomPath);
  }

  private noteInputs(inputs: ReadonlySet<string> | undefined): void {
    if (inputs === undefined || this.recorders.length === 0) return;
    for (const path of inputs) this.noteRead(path);
  }

  private unreadableModel(
    pomPath: string,
    kind: PomSource['kind'],
    problem: ModelProblem,
    expected?: { groupId: string; artifactId: string; version: string },
  ): EffectiveModel {
    const source: PomSource = { kind, pomPath, groupId: expected?.groupId ?? '', artifactId: expected?.artifactId ?? '', version: expected?.version ?? '' };
    return {
      groupId: source.groupId,
      artifactId: source.artifactId,
      version: source.version,
      packaging: 'jar',
      source,
      dependencies: [],
      dependencyManagement: [],
      modules: [],
      buildPlugins: [],
      extensions: [],
      properties: new Map(),
      activeProfileIds: [],
      problems: [problem],
    };
  }

  // ---- Phase 1: read, activate profiles, resolve the parent, inherit (DefaultModelBuilder.build) ----

  private activationContext(projectProperties: ReadonlyMap<string, string>, basedir: string | undefined, mode: BuildMode): ProfileActivationContext {
    return {
      activeProfileIds: mode === 'project' ? this.projectActivation.active : new Set(),
      inactiveProfileIds: mode === 'project' ? this.projectActivation.inactive : new Set(),
      userProperties: this.context.userProperties,
      systemProperties: this.context.systemProperties,
      env: this.context.env,
      jdkVersion: this.context.jdkVersion,
      os: this.context.os,
      basedir,
      projectProperties,
    };
  }

  private assemble(pomPath: string, kind: PomSource['kind'], mode: BuildMode, parentChain: readonly string[]): AssembleResult {
    const cacheKey = `${mode}|${pomPath}`;
    const cached = this.assembled.get(cacheKey);
    if (cached) {
      this.noteInputs(this.assembledInputs.get(cacheKey));
      return cached;
    }
    const { value, inputs } = this.recorded(() => this.assembleUncached(pomPath, kind, mode, parentChain, cacheKey));
    this.assembledInputs.set(cacheKey, inputs);
    return value;
  }

  private assembleUncached(pomPath: string, kind: PomSource['kind'], mode: BuildMode, parentChain: readonly string[], cacheKey: string): AssembleResult {
    const read = this.files.read(pomPath);
    if (!read.ok) return { ok: false, problem: read.problem };
    const raw = read.pom;
    const basedir = kind === 'workspace' ? dirname(pomPath) : undefined;
    const problems: ModelProblem[] = [];
    // Most repository poms have no profiles: their activation context (a map of the pom's properties) is not built.
    const activeProfiles =
      raw.profiles.length === 0
        ? []
        : selectActiveProfiles(
            raw.profiles,
            this.activationContext(new Map(raw.properties.map((property) => [property.name, property.value])), basedir, mode),
          );
    const parent = raw.parent ? this.resolveParent(raw, raw.parent, pomPath, kind, mode, [...parentChain, pomPath], problems) : undefined;

    const groupId = raw.groupId?.value ?? parent?.groupId ?? raw.parent?.groupId;
    const artifactId = raw.artifactId?.value;
    const version = raw.version?.value ?? parent?.version ?? raw.parent?.version;
    if (artifactId === undefined) problems.push(this.files.problem('error', 'artifactId-missing', `'artifactId' is missing in ${pomPath}.`, pomPath, raw.projectRange));

    const properties = new Map(parent?.properties);
    for (const property of [...raw.properties, ...activeProfiles.flatMap((profile) => profile.properties)]) {
      properties.set(property.name, { value: property.value, pomPath, range: property.range });
    }

    const source: PomSource = { kind, pomPath, groupId: groupId ?? '', artifactId: artifactId ?? '', version: version ?? '' };
    // Most poms write their coordinates literally: the interpolator (a copy of every property) is built only
    // when one of them holds an expression, as interpolating a text without `${` leaves it unchanged.
    if (`${source.groupId}${source.artifactId}${source.version}`.includes('${')) {
      const coordinateInterpolator = this.interpolatorFor({ raw, basedir, groupId, artifactId, version, properties });
      source.groupId = coordinateInterpolator.interpolate(source.groupId);
      source.artifactId = coordinateInterpolator.interpolate(source.artifactId);
      source.version = coordinateInterpolator.interpolate(source.version);
    }

    const own = this.ownDependencies(raw, activeProfiles, source, (raw) => raw.dependencies, 'dependencies', problems);
    const ownManagement = this.ownDependencies(raw, activeProfiles, source, (raw) => raw.dependencyManagement, 'dependencyManagement', problems);
    const modules = [...new Set([...raw.modules, ...activeProfiles.flatMap((profile) => profile.modules)].map((module) => module.value))];
    if (mode === 'project') problems.push(...this.duplicateModules(raw, pomPath));
    // ProfileInjector merges each active profile's build into the pom's, the profile dominant.
    const ownPlugins = activeProfiles.reduce((plugins, profile) => mergePlugins(plugins, profile.plugins, true), raw.plugins);
    const ownPluginManagement = activeProfiles.reduce((plugins, profile) => mergePlugins(plugins, profile.pluginManagement, true), raw.pluginManagement);

    const pom: AssembledPom = {
      raw,
      source,
      basedir,
      groupId,
      artifactId,
      version,
      properties,
      // InheritanceAssembler: the child is the dominant target, the parent adds the keys it lacks.
      dependencies: parent ? mergeDependencies(own, parent.dependencies, false) : own,
      dependencyManagement: parent ? mergeDependencies(ownManagement, parent.dependencyManagement, false) : ownManagement,
      modules,
      plugins: parent ? inheritPlugins(ownPlugins, parent.plugins) : [...ownPlugins],
      pluginManagement: parent ? inheritPlugins(ownPluginManagement, parent.pluginManagement) : [...ownPluginManagement],
      extensions: parent ? mergePlugins(raw.extensions, parent.extensions, false) : [...raw.extensions],
      activeProfileIds: [...activeProfiles.map((profile) => profile.id), ...(parent?.activeProfileIds ?? [])],
      problems: [...problems, ...(parent?.problems ?? [])],
    };
    const result: AssembleResult = { ok: true, pom };
    this.assembled.set(cacheKey, result);
    return result;
  }

  /**
   * A pom's own dependencies (or management), then each active profile's injected as the dominant source
   * (DefaultProfileInjector). A key written twice in one section is warned about, as Maven's validator does.
   */
  private ownDependencies(
    raw: RawPom,
    activeProfiles: readonly RawProfile[],
    source: PomSource,
    select: (base: RawPom | RawProfile) => readonly RawDependency[],
    section: string,
    problems: ModelProblem[],
  ): DependencyList {
    const sectionOf = (base: RawPom | RawProfile): DependencyList => {
      const dependencies = workingDependencies(select(base), source);
      for (const { first, again } of repeatedDeclarations(dependencies)) {
        const [before, after] = [first.raw.version, again.raw.version];
        const versions = before === after ? `duplicate declaration of version ${after ?? '(none)'}` : `version ${before ?? '(none)'} vs ${after ?? '(none)'}`;
        const message = `'${section}.dependency.(groupId:artifactId:type:classifier)' must be unique: ${again.key} -> ${versions}`;
        problems.push(this.files.problem('warning', 'duplicate-dependency', message, source.pomPath, again.raw.range));
      }
      return dependencies;
    };
    let merged = sectionOf(raw);
    for (const profile of activeProfiles) merged = mergeDependencies(merged, sectionOf(profile), true);
    return merged;
  }

  /** DefaultModelBuilder.readParent, then the parent's own assembly (its profiles and its parents). */
  private resolveParent(
    child: RawPom,
    parent: RawParent,
    childPath: string,
    childKind: PomSource['kind'],
    mode: BuildMode,
    parentChain: readonly string[],
    problems: ModelProblem[],
  ): AssembledPom | undefined {
    // A project's parents are read while Maven builds the reactor's projects, before its reactor can be looked
    // in (DefaultProjectBuilder fills the ReactorModelPool after that first phase): at relativePath, else from
    // the repository. A dependency's or an imported BOM's parent can come from the reactor.
    const located = this.locator.locateParent(child, parent, childPath, problems, mode !== 'project');
    return located && this.assembleParent(located.pomPath, located.kind ?? childKind, mode, parentChain, childPath, parent, problems);
  }

  private assembleParent(
    pomPath: string,
    kind: PomSource['kind'],
    mode: BuildMode,
    parentChain: readonly string[],
    childPath: string,
    parent: RawParent,
    problems: ModelProblem[],
  ): AssembledPom | undefined {
    if (parentChain.includes(pomPath)) {
      const cycle = [...parentChain.slice(parentChain.indexOf(pomPath)), pomPath].join(' -> ');
      problems.push(this.files.problem('error', 'parent-cycle', `The parents form a cycle: ${cycle}`, childPath, parent.range));
      return undefined;
    }
    const assembled = this.assemble(pomPath, kind, mode, parentChain);
    if (!assembled.ok) {
      problems.push(assembled.problem);
      return undefined;
    }
    return assembled.pom;
  }

  private interpolatorFor(pom: Pick<AssembledPom, 'raw' | 'basedir' | 'groupId' | 'artifactId' | 'version' | 'properties'>): Interpolator {
    const properties = { get: (name: string): string | undefined => pom.properties.get(name)?.value };
    return createModelInterpolator(
      {
        groupId: pom.groupId,
        artifactId: pom.artifactId,
        version: pom.version,
        packaging: pom.raw.packaging?.value ?? 'jar',
        name: pom.raw.name,
        modelVersion: pom.raw.modelVersion,
        parent: pom.raw.parent,
        basedir: pom.basedir,
        properties,
      },
      this.sources,
    );
  }

  // ---- Phase 2: interpolate, import BOMs, inject management ----

  /** DefaultModelValidator.validateRawModel: a `<module>` written twice makes the project invalid. */
  private duplicateModules(raw: RawPom, pomPath: string): ModelProblem[] {
    const listed = new Set<string>();
    const problems: ModelProblem[] = [];
    for (const [index, module] of raw.modules.entries()) {
      if (listed.has(module.value)) {
        const message = `'modules.module[${index}]' specifies duplicate child module ${module.value}`;
        problems.push(this.files.problem('error', 'module-duplicate', message, pomPath, module.range));
      }
      listed.add(module.value);
    }
    return problems;
  }

  /**
   * The settings profiles that are active, in the settings' order: by `-P` or `<activeProfiles>`, by their
   * conditions (jdk, os, property, file: `${basedir}` and a relative path from the project's folder), and
   * those activeByDefault unless `-P !id`, whatever other settings profile is active (observed with Maven 3.8.7,
   * unlike a pom's activeByDefault).
   */
  private activeSettingsProfiles(basedir: string | undefined): SettingsProfile[] {
    const context = this.activationContext(new Map(), basedir, 'project');
    const profiles = (this.context.settings?.profiles ?? []).map((profile) => ({ id: profile.id, profile, activation: { ...profile.activation, activeByDefault: false } }));
    const selected = new Set(selectActiveProfiles(profiles, context));
    return profiles
      .filter((entry) => selected.has(entry) || (entry.profile.activeByDefault && !context.inactiveProfileIds.has(entry.id)))
      .map(({ profile }) => profile);
  }

  private finish(assembled: AssembledPom, mode: BuildMode, importChain: readonly string[]): EffectiveModel {
    const problems = [...assembled.problems];
    const pomPath = assembled.source.pomPath;
    const properties = new Map(assembled.properties);
    const activeProfileIds = [...assembled.activeProfileIds];
    if (mode === 'project') {
      // Settings profiles are injected into the project's own model, so they beat its properties (ProfileInjector).
      for (const profile of this.activeSettingsProfiles(assembled.basedir)) {
        activeProfileIds.push(profile.id);
        for (const [name, value] of profile.properties) properties.set(name, { value, pomPath: this.context.settings?.file ?? pomPath });
      }
    }
    const interpolator = this.interpolatorFor({ ...assembled, properties });
    const at = (text: string, site: { pomPath: string; range?: TextRange }, warnUnknown = true): string =>
      interpolator.interpolate(text, (issue) => {
        const reported = this.interpolationProblem(issue, site, warnUnknown);
        if (reported) problems.push(reported);
      });

    const raw = assembled.raw;
    const coordinateSite = { pomPath, range: raw.version?.range ?? raw.parent?.range ?? raw.projectRange };
    const groupId = at(assembled.groupId ?? '', { pomPath, range: raw.groupId?.range ?? raw.parent?.range ?? raw.projectRange });
    const artifactId = at(assembled.artifactId ?? '', { pomPath, range: raw.artifactId?.range ?? raw.projectRange });
    const version = at(assembled.version ?? '', coordinateSite);
    // Sites already point at this source: keep them consistent when settings properties changed the coordinates.
    Object.assign(assembled.source, { groupId, artifactId, version });
    const packaging = at(raw.packaging?.value ?? 'jar', { pomPath, range: raw.packaging?.range });
    for (const [field, value] of [['groupId', groupId], ['artifactId', artifactId], ['version', version]] as const) {
      if (value === '') problems.push(this.files.problem('error', `${field}-missing`, `'${field}' is missing in ${pomPath}.`, pomPath, raw.projectRange));
      // DefaultModelValidator.validateId, at every validation level: an expression left unexpanded is no id.
      else if (field !== 'version' && !isValidId(value)) {
        const site = field === 'groupId' ? (raw.groupId?.range ?? raw.parent?.range ?? raw.projectRange) : (raw.artifactId?.range ?? raw.projectRange);
        problems.push(this.files.problem('error', `${field}-invalid`, `'${field}' with value '${value}' does not match a valid id pattern.`, pomPath, site));
      }
    }
    if (assembled.modules.length > 0 && packaging !== 'pom') {
      const message = `Aggregator projects require 'pom' as packaging; ${pomPath} has modules and packaging '${packaging}'.`;
      problems.push(this.files.problem('error', 'aggregator-packaging', message, pomPath, raw.packaging?.range ?? raw.projectRange));
    }

    const interpolatedProperties = new Map<string, string>();
    for (const [name, property] of properties) interpolatedProperties.set(name, at(property.value, property, false));

    const toModel = (working: WorkingDependency): ModelDependency => this.interpolateDependency(working, at);
    const ownManagement = assembled.dependencyManagement.map(toModel);
    const chain = [...importChain, coordinatesOf(groupId, artifactId, version)];
    const imported = importDependencyManagement(
      ownManagement,
      chain,
      (entry, coordinates) => {
        const bom = this.buildDependencyModel(entry.groupId, entry.artifactId, entry.version ?? '', 'dependency', chain);
        if (!bom) {
          const message = `Non-resolvable import POM ${coordinates}: not found in the local repository (imported by ${entry.declaredAt.source.pomPath}).`;
          problems.push(this.siteProblem('error', 'import-not-found', message, entry.declaredAt));
          return undefined;
        }
        problems.push(...bom.problems.filter((problem) => problem.severity === 'error'));
        return bom;
      },
      (entry, code, message) => this.siteProblem('error', code, message, entry.declaredAt),
    );
    problems.push(...imported.problems);
    const managementIndex = indexManagement(imported.management);

    // A key written twice resolves to its last content at its first position (observed with Maven 3.8.7).
    const dependencies = collapseRepeated(assembled.dependencies).map((working) => {
      const written = {
        version: working.raw.version !== undefined,
        scope: working.raw.scope !== undefined,
        systemPath: working.raw.systemPath !== undefined,
      };
      return withDefaultScope(injectManagement(toModel(working), written, managementIndex));
    });
    const violations = [...validateDependencies(dependencies, 'dependencies'), ...validateDependencies(imported.management, 'dependencyManagement')];
    for (const { dependency, severity, code, message } of violations) problems.push(this.siteProblem(severity, code, message, dependency.declaredAt));

    const relocation = raw.relocation && {
      groupId: raw.relocation.groupId === undefined ? undefined : at(raw.relocation.groupId, { pomPath }),
      artifactId: raw.relocation.artifactId === undefined ? undefined : at(raw.relocation.artifactId, { pomPath }),
      version: raw.relocation.version === undefined ? undefined : at(raw.relocation.version, { pomPath }),
      message: raw.relocation.message,
    };

    return {
      groupId,
      artifactId,
      version,
      packaging,
      source: assembled.source,
      dependencies,
      dependencyManagement: imported.management,
      modules: assembled.modules.map((module) => at(module, { pomPath })),
      // Only a reactor's projects are ordered by their plugins: a dependency's pom skips the interpolation.
      buildPlugins: mode === 'project' ? pluginReferences(managedPlugins(assembled.plugins, assembled.pluginManagement), (text) => at(text, { pomPath }, false)) : [],
      extensions: mode === 'project' ? pluginReferences(assembled.extensions, (text) => at(text, { pomPath }, false)) : [],
      relocation,
      properties: interpolatedProperties,
      activeProfileIds: [...new Set(activeProfileIds)],
      problems: dedupeProblems(problems),
    };
  }

  private interpolateDependency(working: WorkingDependency, at: (text: string, site: { pomPath: string; range?: TextRange }) => string): ModelDependency {
    const { raw, site } = working;
    const where = { pomPath: site.source.pomPath, range: site.range };
    const ifWritten = (text: string | undefined): string | undefined => (text === undefined ? undefined : at(text, where));
    return {
      groupId: at(raw.groupId, where),
      artifactId: at(raw.artifactId, where),
      version: ifWritten(raw.version),
      type: ifWritten(raw.type) ?? 'jar',
      classifier: ifWritten(raw.classifier),
      scope: ifWritten(raw.scope),
      optional: raw.optional === undefined ? undefined : ifWritten(raw.optional) === 'true',
      systemPath: ifWritten(raw.systemPath),
      exclusions: raw.exclusions.map((exclusion) => ({ groupId: at(exclusion.groupId, where), artifactId: at(exclusion.artifactId, where) })),
      declaredAt: site,
    };
  }

  private siteProblem(severity: ModelProblem['severity'], code: string, message: string, site: DeclarationSite): ModelProblem {
    return this.files.problem(severity, code, message, site.source.pomPath, site.range);
  }

  private interpolationProblem(issue: InterpolationIssue, site: { pomPath: string; range?: TextRange }, warnUnknown: boolean): ModelProblem | undefined {
    if (issue.kind === 'cycle') {
      const message = `Resolving expression '\${${issue.expression}}': detected a recursive expression cycle: ${issue.cycle.join(' -> ')}.`;
      return this.files.problem('error', 'property-cycle', message, site.pomPath, site.range);
    }
    if (!warnUnknown) return undefined;
    const message = `The expression '\${${issue.expression}}' refers to no property, model value, system property or environment variable; it is left as written.`;
    return this.files.problem('warning', 'property-unknown', message, site.pomPath, site.range);
  }
}
