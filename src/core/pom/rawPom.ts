import type { TextRange } from './xmlTree';

/** A value written in a pom, uninterpolated, with where it was written. */
export interface RawValue {
  readonly value: string;
  readonly range: TextRange;
}

export interface RawExclusion {
  /** `*` is a wildcard (Maven 3.2.1+). */
  readonly groupId: string;
  readonly artifactId: string;
  readonly range: TextRange;
}

/**
 * A `<dependency>` as written: any field may still hold `${...}` expressions. Version, type, classifier, scope,
 * optional and systemPath are "" when written empty (Maven tells that from not written).
 */
export interface RawDependency {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version?: string;
  readonly type?: string;
  readonly classifier?: string;
  readonly scope?: string;
  readonly optional?: string;
  readonly systemPath?: string;
  readonly exclusions: readonly RawExclusion[];
  /** The `<dependency>` element. */
  readonly range: TextRange;
  readonly versionRange?: TextRange;
  readonly exclusionsRange?: TextRange;
}

export interface RawParent {
  readonly groupId?: string;
  readonly artifactId?: string;
  readonly version?: string;
  /** Undefined: Maven's default `../pom.xml`; empty string: an empty `<relativePath/>`, no lookup. */
  readonly relativePath?: string;
  readonly range: TextRange;
}

export interface RawActivation {
  readonly activeByDefault: boolean;
  readonly jdk?: string;
  readonly os?: { readonly name?: string; readonly family?: string; readonly arch?: string; readonly version?: string };
  readonly property?: { readonly name: string; readonly value?: string };
  readonly file?: { readonly exists?: string; readonly missing?: string };
}

/** The parts of a pom that a profile can contribute to (Maven model, ModelBase). */
/** A `<plugin>` of `<build>` (or of its pluginManagement), or an `<extension>`: what orders a reactor. */
export interface RawPlugin {
  /** `org.apache.maven.plugins` when not written (Plugin.getGroupId). */
  readonly groupId: string;
  readonly artifactId: string;
  readonly version?: string;
  /** `<inherited>false</inherited>`: child poms do not get it. */
  readonly inherited: boolean;
  readonly dependencies: readonly RawDependency[];
}

export interface RawModelBase {
  readonly modules: readonly RawValue[];
  readonly properties: readonly RawProperty[];
  readonly dependencies: readonly RawDependency[];
  readonly dependencyManagement: readonly RawDependency[];
  /** `<build><plugins>`. */
  readonly plugins: readonly RawPlugin[];
  /** `<build><pluginManagement><plugins>`. */
  readonly pluginManagement: readonly RawPlugin[];
}

export interface RawProperty {
  readonly name: string;
  readonly value: string;
  readonly range: TextRange;
}

export interface RawProfile extends RawModelBase {
  readonly id: string;
  readonly activation?: RawActivation;
  readonly range: TextRange;
}

export interface RawRelocation {
  readonly groupId?: string;
  readonly artifactId?: string;
  readonly version?: string;
  readonly message?: string;
}

/** A pom.xml as written, before inheritance, interpolation or profile activation. */
export interface RawPom extends RawModelBase {
  readonly modelVersion?: string;
  readonly groupId?: RawValue;
  readonly artifactId?: RawValue;
  readonly version?: RawValue;
  readonly packaging?: RawValue;
  readonly name?: string;
  readonly parent?: RawParent;
  readonly profiles: readonly RawProfile[];
  /** `<build><extensions>` (a profile has none). */
  readonly extensions: readonly RawPlugin[];
  readonly relocation?: RawRelocation;
  readonly projectRange: TextRange;
  readonly dependenciesRange?: TextRange;
  readonly dependencyManagementRange?: TextRange;
  /** True when the document declares a DTD; it is never loaded and its entities are never expanded. */
  readonly hasDoctype: boolean;
}
