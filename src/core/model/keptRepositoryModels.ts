import { sep } from 'node:path';
import type { EffectiveModel } from './modelTypes';

/** A repository pom's effective model, with every pom file read to build it (its own, its parents', its BOMs'). */
export interface KeptModel {
  readonly model: EffectiveModel;
  readonly inputs: ReadonlySet<string>;
}

/** What a repository pom's model depends on besides its files: the build context of a ModelBuilder. */
export interface ModelContextParts {
  readonly repositoryRoot: string;
  /** `groupId:artifactId:version` to pom path: a parent or BOM with these coordinates comes from the reactor. */
  readonly workspacePoms: ReadonlyMap<string, string>;
  readonly userProperties: ReadonlyMap<string, string>;
  readonly systemProperties: ReadonlyMap<string, string>;
  readonly env: NodeJS.ProcessEnv;
  readonly activeProfiles: readonly string[];
  readonly inactiveProfiles: readonly string[];
  readonly settings: unknown;
  readonly jdkVersion: string;
  readonly os: unknown;
}

/** Build contexts whose models stay kept: the two builders of one reactor's run (see loadReactor), and a few more. */
const KEPT_CONTEXTS = 4;

/**
 * Effective models of local-repository poms kept across the runs of a long-lived caller (the editor's
 * worker), so that a run after an edit builds again only the workspace's models. A model is kept only when
 * every pom read to build it is a file of the local repository (none is a workspace pom, whose text an edit
 * changes), and only for the build context it was built in. Its files are not checked again: the caller
 * forgets every model (`clear`) when the repository changes.
 */
export class KeptRepositoryModels {
  private readonly contexts = new Map<string, Map<string, KeptModel>>();

  /** The models kept for one build context (see modelContextKey); the context used longest ago is forgotten. */
  forContext(key: string): Map<string, KeptModel> {
    let models = this.contexts.get(key);
    if (models === undefined) models = new Map();
    this.contexts.delete(key);
    this.contexts.set(key, models);
    // Maps iterate in insertion order: the first key is the context used longest ago.
    if (this.contexts.size > KEPT_CONTEXTS) this.contexts.delete(this.contexts.keys().next().value!);
    return models;
  }

  clear(): void {
    this.contexts.clear();
  }
}

/** Every part of a build context as one text: equal texts build equal models from equal files. */
export function modelContextKey(parts: ModelContextParts): string {
  return JSON.stringify(parts, (_name, value: unknown) => (value instanceof Map ? [...value].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : value));
}

/** Whether a pom read for a model is a file inside the local repository. */
export function isRepositoryFile(repositoryRoot: string, path: string): boolean {
  return path.startsWith(repositoryRoot.endsWith(sep) ? repositoryRoot : repositoryRoot + sep);
}
