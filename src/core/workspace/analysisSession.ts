import type { KeptRepositoryModels } from '../model/keptRepositoryModels';
import { ModelBuilder } from '../model/modelBuilder';
import { LocalRepository } from '../repo/localRepository';
import { locateLocalRepository } from '../repo/locateLocalRepository';
import type { MavenSettings } from '../repo/mavenSettings';
import { ProjectResolver } from '../resolve/resolveProject';
import { readProjectConfig } from './projectConfig';
import { loadReactor, type Reactor, type ReactorProblem } from './reactor';
import { unknownProfileWarnings } from './requestedProfiles';

/** What Maven's profile activation and interpolation read from the JVM it runs in. */
export interface SessionRuntime {
  /** java.version, e.g. "17.0.21". */
  readonly jdkVersion: string;
  readonly os: { name: string; family: string; arch: string; version: string };
  readonly homeDir: string;
  /** Java system properties Maven exposes to poms, `-D` properties already merged in. */
  readonly systemProperties: ReadonlyMap<string, string>;
}

/** How to open a session: Maven's command-line options that decide the repository and the models. */
export interface AnalysisSessionOptions {
  /** The reactor's root folder (holding the top pom.xml). */
  readonly dir: string;
  readonly runtime: SessionRuntime;
  readonly env: NodeJS.ProcessEnv;
  /** `-Dname=value`. */
  readonly userProperties: ReadonlyMap<string, string>;
  /** `-Dmaven.repo.local` equivalent given as its own option. */
  readonly localRepo?: string;
  /** `-s <file>`. */
  readonly settingsFile?: string;
  /** `-P id` and `-P !id`. */
  readonly activeProfiles?: readonly string[];
  readonly inactiveProfiles?: readonly string[];
  /** Pom texts to build from instead of the files (an editor's unsaved buffers), by path. */
  readonly pomTexts?: ReadonlyMap<string, string>;
  /** Repository models kept across sessions by a long-lived caller (see KeptRepositoryModels). */
  readonly keptModels?: KeptRepositoryModels;
}

/** A reactor with the local repository and the resolver that resolves its modules. */
export interface AnalysisSession {
  readonly reactor: Reactor & { readonly builder: ModelBuilder };
  readonly repository: LocalRepository;
  readonly resolver: ProjectResolver;
  readonly settings: MavenSettings | undefined;
  /** Problems with settings or the repository location: warnings, the session still works. */
  readonly warnings: readonly string[];
  /** Reactor problems (dangling module entries...), each on the pom that has it. */
  readonly reactorProblems: readonly ReactorProblem[];
  /** Settings files that could not be read or parsed (also among the warnings): Maven stops before it builds. */
  readonly settingsErrors: readonly string[];
}

/**
 * Opens a workspace the way `mvn` does before it builds: locates the local repository and settings
 * (settings.xml's localRepository, `-Dmaven.repo.local`, ~/.m2/repository), loads the reactor from the
 * root pom's modules, and makes one resolver whose pom reads are shared by all modules. Shared by the CLI
 * and the editor so that both see the same projects.
 */
export function openAnalysisSession(options: AnalysisSessionOptions): AnalysisSession {
  const { runtime, env } = options;
  const config = readProjectConfig(options.dir, env, process.cwd());
  // maven.config's -D and -P under the command line's; the JVM's -D (jvm.config, MAVEN_OPTS, then the mvn
  // script's maven.multiModuleProjectDirectory) under every -D, which MavenCli sets as system properties too.
  const userProperties = new Map([...config.userProperties, ...options.userProperties]);
  const systemProperties = new Map(runtime.systemProperties);
  const belowCommandLine: Array<[string, string]> = [...config.jvmProperties, ['maven.multiModuleProjectDirectory', config.baseDir], ...config.userProperties];
  for (const [name, value] of belowCommandLine) if (!options.userProperties.has(name)) systemProperties.set(name, value);
  const activeProfiles = [...(options.activeProfiles ?? []), ...config.activeProfiles];
  const inactiveProfiles = [...(options.inactiveProfiles ?? []), ...config.inactiveProfiles];
  const location = locateLocalRepository({
    localRepo: options.localRepo,
    settingsFile: options.settingsFile ?? config.settingsFile,
    systemProperties,
    env,
    homeDir: runtime.homeDir,
  });
  const repository = new LocalRepository(location.root);
  const createBuilder = (workspacePoms: ReadonlyMap<string, string>): ModelBuilder =>
    new ModelBuilder({
      repository,
      workspacePoms,
      userProperties,
      systemProperties,
      env,
      activeProfiles,
      inactiveProfiles,
      settings: location.settings,
      jdkVersion: runtime.jdkVersion,
      os: runtime.os,
      ...(options.pomTexts === undefined ? {} : { pomTexts: options.pomTexts }),
      ...(options.keptModels === undefined ? {} : { keptModels: options.keptModels }),
    });
  const reactor = loadReactor(createBuilder, options.dir);
  return {
    reactor,
    repository,
    resolver: new ProjectResolver(reactor.builder, repository),
    settings: location.settings,
    // Maven checks the settings' <activeProfiles> first, then -P.
    warnings: [
      ...config.warnings,
      ...location.problems,
      ...unknownProfileWarnings([...(location.settings?.activeProfiles ?? []), ...activeProfiles], inactiveProfiles, reactor.modules),
    ],
    reactorProblems: reactor.problems,
    settingsErrors: location.settingsErrors,
  };
}
