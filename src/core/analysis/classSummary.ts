import type { ClassInfo, MemberReference } from '../classfile/classInfo';

/**
 * The parts of a class file that linkage checks need, as plain JSON-safe data (it goes through worker
 * messages and the persistent cache). Class names are binary names with '/'.
 */
export interface ClassSummary {
  readonly name: string;
  readonly superClass: string | undefined;
  readonly interfaces: readonly string[];
  /** `name:descriptor` of each declared field (JVM spec §4.5). */
  readonly fields: readonly string[];
  /** `name` + descriptor of each declared method, e.g. `close()V` (JVM spec §4.6). */
  readonly methods: readonly string[];
  /** Constant-pool classes and descriptor classes (JVM spec §4.4.1, §4.3), without the class itself. */
  readonly referencedClasses: readonly string[];
  readonly memberReferences: readonly MemberReference[];
}

/** What parsing one class entry gave: its summary, or why the bytes are not a class file. */
export type ParsedEntry = { readonly entryName: string; readonly summary: ClassSummary } | { readonly entryName: string; readonly error: string };

export function fieldKey(name: string, descriptor: string): string {
  return `${name}:${descriptor}`;
}

export function methodKey(name: string, descriptor: string): string {
  return `${name}${descriptor}`;
}

export function summarizeClass(info: ClassInfo): ClassSummary {
  return {
    name: info.thisClass,
    superClass: info.superClass,
    interfaces: info.interfaces,
    fields: info.fields.map((field) => fieldKey(field.name, field.descriptor)),
    methods: info.methods.map((method) => methodKey(method.name, method.descriptor)),
    referencedClasses: info.referencedClasses,
    memberReferences: info.memberReferences,
  };
}

// Only the boot loader may define java.* classes (JVMS §5.3.5: a SecurityException otherwise), so no
// classpath element owns a java.* member, and the member check only looks at owners on the classpath.
export const PLATFORM_ONLY_PACKAGE = 'java/';

/**
 * Keeps only the references that leave the element: a class the element itself defines (`own`) is on every
 * classpath the element is on, references inside one jar or folder are taken as consistent (javac
 * built them together), and members of java.* classes are never on the classpath. This keeps summaries,
 * the cache and the checks small; a shadowed copy of one of its classes is what the duplicate-class check
 * reports.
 */
export function externalReferences(summary: ClassSummary, own: { has(binaryName: string): boolean }): ClassSummary {
  return {
    ...summary,
    referencedClasses: summary.referencedClasses.filter((name) => !own.has(name)),
    memberReferences: summary.memberReferences.filter((reference) => !own.has(reference.owner) && !reference.owner.startsWith(PLATFORM_ONLY_PACKAGE)),
  };
}

/** `org/a/Outer$Inner` -> `org.a.Outer$Inner`: the binary name as Class.getName() prints it. */
export function dottedName(binaryName: string): string {
  return binaryName.replace(/\//g, '.');
}

/** The package of a binary name with '/', '' for the unnamed package. */
export function packageOf(binaryName: string): string {
  const slash = binaryName.lastIndexOf('/');
  return slash < 0 ? '' : binaryName.slice(0, slash);
}
