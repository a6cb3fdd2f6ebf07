import type { TextRange } from '../pom/xmlTree';
import type { PluginReference } from './buildPlugins';

/** A pom file the effective model was built from: a workspace file, or a pom read from the local repository. */
export interface PomSource {
  kind: 'workspace' | 'repository';
  pomPath: string;
  groupId: string;
  artifactId: string;
  version: string;
}

/** Where something is written: the `<dependency>` element, in the pom that declares it (the pom itself, a parent or a BOM). */
export interface DeclarationSite {
  source: PomSource;
  range: TextRange;
}

export interface ModelExclusion {
  /** `*` is a wildcard (Maven 3.2.1+). */
  groupId: string;
  artifactId: string;
}

/** A dependency of the effective model: inherited, profile-injected, interpolated and managed. */
export interface ModelDependency {
  groupId: string;
  artifactId: string;
  /** Already injected from the pom's dependencyManagement when it had none, as Maven's model builder does. */
  version?: string;
  /** `jar` when not written (Maven's default). */
  type: string;
  classifier?: string;
  /** Undefined when neither written nor managed: the resolver defaults it to `compile`. */
  scope?: string;
  /**
   * Undefined when not written. Written, it is true only for "true" (Maven's isOptional()); a written false
   * still differs from none where maven-resolver compares dependencies (see DependencyPool).
   */
  optional: boolean | undefined;
  systemPath?: string;
  exclusions: ReadonlyArray<ModelExclusion>;
  /** The `<dependency>` element that declares it (in a parent pom when inherited, in a BOM when imported). */
  declaredAt: DeclarationSite;
  /**
   * For a dependency of the pom itself: the dependencyManagement entry that supplied at least one of its
   * version, scope, systemPath or exclusions.
   */
  managedBy?: DeclarationSite;
}

export interface ModelProblem {
  severity: 'error' | 'warning';
  /** A stable identifier of the kind of problem, e.g. `parent-not-found`. */
  code: string;
  message: string;
  /** The pom the problem is in. */
  pomPath: string;
  range?: TextRange;
  /** 1-based, when known. */
  line?: number;
  column?: number;
}

export interface ModelRelocation {
  groupId?: string;
  artifactId?: string;
  version?: string;
  message?: string;
}

/** The effective model of one pom, as Maven 3.8.7's DefaultModelBuilder produces it (the parts a resolver needs). */
export interface EffectiveModel {
  groupId: string;
  artifactId: string;
  version: string;
  packaging: string;
  source: PomSource;
  dependencies: ModelDependency[];
  /** The pom's own and inherited entries first, then import-scope BOMs in declaration order; first entry per management key wins. */
  dependencyManagement: ModelDependency[];
  modules: string[];
  /**
   * `<build><plugins>`, pluginManagement applied, and `<build><extensions>` of a project pom (empty for a pom read
   * as a dependency): reactor modules among them are built first.
   */
  buildPlugins: PluginReference[];
  extensions: PluginReference[];
  relocation?: ModelRelocation;
  properties: ReadonlyMap<string, string>;
  activeProfileIds: string[];
  problems: ModelProblem[];
}
