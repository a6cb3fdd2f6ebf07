import type { ModelBuilder } from '../model/modelBuilder';
import type { EffectiveModel } from '../model/modelTypes';
import type { LocalRepository } from '../repo/localRepository';
import { versionlessKey, type Artifact } from './artifact';
import { resolvedEntries } from './classpath';
import { collectDependencies, type CollectProblem, type CollectResult } from './collector';
import { resolveConflicts } from './conflictResolver';
import type { Dependency, DependencyNode } from './dependencyGraph';
import { DependencyPool } from './dependencyPool';
import { DependencyConverter, ModelDescriptorSource, projectArtifact } from './modelDescriptors';
import { unsolvableConflictMessage } from './unsolvableConflict';

/** A project's mediated dependency graph. */
export interface ProjectResolution {
  readonly root: DependencyNode;
  readonly projectArtifact: Artifact;
  readonly problems: readonly CollectProblem[];
}

export interface ResolveOptions {
  /** Keep the losers, marked, as `mvn dependency:tree -Dverbose` shows them. */
  readonly verbose: boolean;
  readonly signal?: AbortSignal;
}

/** Reads dependency poms once per run and shares them between the projects of a reactor. */
export class ProjectResolver {
  private readonly converter = new DependencyConverter();
  /** One per run, as Maven's is one per session: every project of the reactor shares it. */
  private pool = new DependencyPool();
  private pluginLoaded = false;
  private readonly source: ModelDescriptorSource;

  constructor(
    private readonly builder: ModelBuilder,
    repository: LocalRepository,
  ) {
    this.source = new ModelDescriptorSource(builder, repository, this.converter);
  }

  /**
   * Resolves a project's dependencies as Maven 3.8.7 does for `dependency:tree`: the effective model's
   * dependencies and dependencyManagement make the collect request, the graph is collected and mediated.
   */
  resolve(model: EffectiveModel, options: ResolveOptions): ProjectResolution {
    return this.mediate(model, this.dependenciesOf(model), options.verbose, options.signal);
  }

  /**
   * The graph `mvn dependency:tree` prints without -Dverbose. maven-dependency-tree resolves the project again
   * after Maven's lifecycle has, from the project's dependency artifacts, whose versions are the ones the first
   * resolution selected for their conflict id (LifecycleDependencyResolver sets each one's resolved version,
   * DefaultProjectDependenciesResolver builds the request from them). That differs from the first graph only
   * where a direct dependency lost to a sibling, such as a relocated direct dependency of the same artifact: the
   * winning version then stands where the artifact was declared first.
   */
  resolvePlainTree(model: EffectiveModel, signal?: AbortSignal): ProjectResolution {
    const first = this.resolve(model, { verbose: false, signal });
    // Where the first resolution fails, Maven stops before the plugin runs.
    if (first.problems.some((problem) => problem.fatal)) return first;
    const selected = new Map(resolvedEntries(first.root).map(({ artifact }) => [versionlessKey(artifact), artifact.version]));
    let changed = false;
    const dependencies = this.dependenciesOf(model).map((dependency) => {
      const version = selected.get(versionlessKey(dependency.artifact));
      if (version === undefined || version === dependency.artifact.version) return dependency;
      changed = true;
      return { ...dependency, artifact: { ...dependency.artifact, version }, versionSpec: version };
    });
    return changed ? this.mediate(model, dependencies, false, signal) : first;
  }

  /**
   * The graph `mvn dependency:tree -Dverbose` prints, after collecting into this run's pool what Maven's run
   * collects before it (see prepareVerboseTree). Where the lifecycle's collection fails, Maven stops the module
   * there: the graph is then that collection's, mediated, so that it can still be shown.
   */
  resolveVerboseTree(model: EffectiveModel, signal?: AbortSignal): ProjectResolution {
    const dependencies = this.dependenciesOf(model);
    const failedLifecycle = this.prepareVerboseTree(model, dependencies, signal);
    return mediated(failedLifecycle ?? this.collect(model, dependencies, signal), true, signal);
  }

  /**
   * The verbose graph of a project Maven skips (a project it depends on failed), which the editor still shows:
   * what its collection interns stays out of this run's pool, and it loads no plugin, as Maven collects nothing
   * for it.
   */
  resolveSkippedVerboseTree(model: EffectiveModel, signal?: AbortSignal): ProjectResolution {
    const { pool, pluginLoaded } = this;
    this.pool = pool.copy();
    try {
      return this.resolveVerboseTree(model, signal);
    } finally {
      this.pool = pool;
      this.pluginLoaded = pluginLoaded;
    }
  }

  /**
   * Collects into this run's pool all that Maven's verbose tree of a project does: what a later project's tree
   * may show. False when the project's resolution fails, as Maven's would.
   */
  collectOnly(model: EffectiveModel): boolean {
    const dependencies = this.dependenciesOf(model);
    if (this.prepareVerboseTree(model, dependencies) !== undefined) return false;
    this.collect(model, dependencies);
    return true;
  }

  /**
   * What Maven collects into the run's pool before the plugin collects a project's verbose tree: first the
   * lifecycle's resolution of the project (the mojo requires test-scope dependencies), built from its dependency
   * artifacts, whose optional flag is true or false but never unwritten (RepositoryUtils.toDependency of a
   * legacy artifact); then, once per run, maven-dependency-plugin's own dependencies, as Maven loads the plugin
   * only after the first resolution that succeeds (MojoExecutor). Returns the lifecycle's collection when it
   * fails: Maven then neither loads the plugin nor runs it for this project.
   */
  private prepareVerboseTree(
    model: EffectiveModel,
    dependencies: readonly Dependency[],
    signal?: AbortSignal,
  ): (CollectResult & { artifact: Artifact }) | undefined {
    const lifecycleDependencies = dependencies.map((dependency) => (dependency.optional === undefined ? { ...dependency, optional: false } : dependency));
    const lifecycle = this.collect(model, lifecycleDependencies, signal);
    if (lifecycle.problems.some((problem) => problem.fatal)) return lifecycle;
    if (!this.pluginLoaded) {
      this.pluginLoaded = true;
      this.loadDependencyPlugin();
    }
    return undefined;
  }

  /**
   * Collects maven-dependency-plugin 3.5.0's own dependencies into this run's dependency pool. Its test and
   * provided dependencies are left out, as below any dependency (DefaultPluginDependenciesResolver makes the
   * plugin the root dependency). Nothing when its pom is not in the local repository.
   */
  private loadDependencyPlugin(): void {
    const model = this.builder.buildFromRepository('org.apache.maven.plugins', 'maven-dependency-plugin', '3.5.0');
    if (!model) return;
    const runtime = this.dependenciesOf(model).filter((dependency) => dependency.scope.value !== 'test' && dependency.scope.value !== 'provided');
    this.collect(model, runtime);
  }

  private mediate(model: EffectiveModel, dependencies: readonly Dependency[], verbose: boolean, signal?: AbortSignal): ProjectResolution {
    return mediated(this.collect(model, dependencies, signal), verbose, signal);
  }

  private collect(model: EffectiveModel, dependencies: readonly Dependency[], signal?: AbortSignal): CollectResult & { artifact: Artifact } {
    const artifact = projectArtifact(model);
    const managedDependencies = model.dependencyManagement
      .map((dependency) => this.converter.toManagedDependency(dependency))
      .filter(isDefined);
    return { ...collectDependencies({ root: artifact, dependencies, managedDependencies }, this.source, signal, this.pool), artifact };
  }

  private dependenciesOf(model: EffectiveModel): Dependency[] {
    return model.dependencies.map((dependency) => this.converter.toDependency(dependency)).filter(isDefined);
  }
}

/** A collected graph mediated in place, with the collection's problems and an unsolvable version conflict's. */
function mediated(collected: CollectResult & { artifact: Artifact }, verbose: boolean, signal?: AbortSignal): ProjectResolution {
  const { unsolvablePaths } = resolveConflicts(collected.root, verbose, signal);
  const problems = unsolvablePaths === undefined ? collected.problems : [...collected.problems, unsolvableConflictProblem(collected.artifact, unsolvablePaths)];
  return { root: collected.root, projectArtifact: collected.artifact, problems };
}

/** Maven fails the project on it: reported at the first path, which names the direct dependency it goes through. */
function unsolvableConflictProblem(project: Artifact, paths: readonly (readonly DependencyNode[])[]): CollectProblem {
  const first = paths[0] ?? [];
  const artifacts = first.map((node) => node.artifact);
  return {
    code: 'unsolvable-version-conflict',
    message: unsolvableConflictMessage(paths),
    artifact: artifacts[artifacts.length - 1] ?? project,
    path: [project, ...artifacts.slice(0, -1)],
    declaredAt: first[0]?.dependency?.declaredAt,
    fatal: true,
  };
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
