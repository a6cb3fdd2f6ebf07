import type { TextRange } from '../pom/xmlTree';

export type Severity = 'error' | 'warning' | 'info';

/** Stable codes: diagnostics, quick fixes, settings and the JSON/SARIF outputs key on them. */
export type FindingCode =
  | 'pom-error'
  | 'unresolved-artifact'
  | 'version-conflict'
  | 'duplicate-class'
  | 'missing-class'
  | 'missing-member'
  | 'unreadable-jar'
  | 'invalid-class-file'
  | 'runtime-overlap'
  | 'runtime-missing-member'
  | 'runtime-problem'
  | 'folder-version-conflict'
  | 'embedded-artifact';

export type AnalysedScope = 'compile' | 'runtime' | 'test';

/** Where a finding is shown: a file, an offset range, and the 1-based line and column of its start. */
export interface SourceLocation {
  readonly file: string;
  readonly range: TextRange;
  readonly line: number;
  readonly column: number;
}

/** A replacement of `range` in `file` by `newText`, computed on the file's text as it was analysed. */
export interface TextEdit {
  readonly file: string;
  readonly range: TextRange;
  readonly newText: string;
}

export type FixKind = 'exclude' | 'pin-version' | 'add-dependency' | 'set-scope' | 'ignore';

export interface Fix {
  readonly kind: FixKind;
  readonly title: string;
  /** The fix a person should try first; editors mark it as preferred. */
  readonly preferred: boolean;
  readonly edits: readonly TextEdit[];
}

/** One step of a dependency path, from the module down to the artifact concerned. */
export interface PathStep {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  readonly classifier?: string;
  readonly scope?: string;
}

export interface RelatedLocation {
  readonly message: string;
  readonly location: SourceLocation;
}

/**
 * A problem Jarscope found, as plain data shared by the editor, the CLI and the reports. It belongs to the
 * `<dependency>` element that brings the problem in (else the `<project>`), and carries its fixes as edits.
 */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** The module's coordinates `groupId:artifactId:version`. */
  readonly module: string;
  /** The classpaths (of that module) on which the problem occurs. */
  readonly scopes: readonly AnalysedScope[];
  readonly message: string;
  readonly location: SourceLocation;
  readonly paths: readonly (readonly PathStep[])[];
  readonly jars: readonly string[];
  /** Dotted binary names, e.g. `org.a.Outer$Inner`. */
  readonly classes: readonly string[];
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly Fix[];
  /** runtime-overlap, runtime-missing-member, runtime-problem: the runtime (a name of jarscope.runtimes or a preset) concerned. */
  readonly runtime?: string;
  /** duplicate-class: the classes (of `classes`) whose copies differ; the others are byte-identical. */
  readonly differentClasses?: readonly string[];
  /** missing-class and missing-member: what is missing, who references it, and what would provide it. */
  readonly missing?: MissingDetail;
}

/** The structured side of a missing-class or missing-member finding, for views that group them. */
export interface MissingDetail {
  /** Dotted class names, or members as `Owner.name(descriptor)`. */
  readonly names: readonly string[];
  /** The dotted names of the classes that reference them. */
  readonly referencedBy: readonly string[];
  /**
   * The artifact that would provide them (for members: the owner's artifact, with a version that declares
   * them); absent when no artifact in the local repository does.
   */
  readonly provider?: { readonly groupId: string; readonly artifactId: string; readonly version?: string };
}
