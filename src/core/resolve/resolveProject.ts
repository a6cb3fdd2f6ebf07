import type { ModelBuilder } from '../model/modelBuilder';
import type { EffectiveModel } from '../model/modelTypes';
import type { LocalRepository } from '../repo/localRepository';
import type { Artifact } from './artifact';
import { collectDependencies, type CollectProblem } from './collector';
import { resolveConflicts } from './conflictResolver';
import type { DependencyNode } from './dependencyGraph';
import { DependencyPool } from './dependencyPool';
import { DependencyConverter, ModelDescriptorSource, projectArtifact } from './modelDescriptors';

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
  private readonly pool = new DependencyPool();
  private readonly source: ModelDescriptorSource;

  constructor(builder: ModelBuilder, repository: LocalRepository) {
    this.source = new ModelDescriptorSource(builder, repository, this.converter);
  }

  /**
   * Resolves a project's dependencies as Maven 3.8.7 does for `dependency:tree`: the effective model's
   * dependencies and dependencyManagement make the collect request, the graph is collected and mediated.
   */
  resolve(model: EffectiveModel, options: ResolveOptions): ProjectResolution {
    const dependencies = model.dependencies.map((dependency) => this.converter.toDependency(dependency)).filter(isDefined);
    const managed = model.dependencyManagement
      .map((dependency) => this.converter.toManagedDependency(dependency))
      .filter(isDefined);
    const artifact = projectArtifact(model);
    const collected = collectDependencies(
      { root: artifact, dependencies, managedDependencies: managed },
      this.source,
      options.signal,
      this.pool,
    );
    resolveConflicts(collected.root, options.verbose, options.signal);
    return { root: collected.root, projectArtifact: artifact, problems: collected.problems };
  }
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
