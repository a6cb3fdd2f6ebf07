import { isSummary, type ClasspathIndexer, type ParsedClasses } from './classpathIndexer';
import type { LinkageFactsCache } from '../cache/linkageFactsCache';
import type { ClassSummary } from './classSummary';
import type { PlatformClasses } from './jdkClasses';
import { linkageFactsOf, type LinkageFacts } from './linkageFacts';
import type { MemberVerdicts } from './memberVerdicts';
import type { ModuleContext, ScopeView } from './moduleContext';
import type { RepositoryClassIndex } from './repositoryClassIndex';

/** What the class-level analyses share across modules and scopes within one run. */
export interface LinkageServices {
  readonly indexer: ClasspathIndexer;
  readonly platform: PlatformClasses;
  readonly repositoryIndex: RepositoryClassIndex;
  /** Linkage facts of classpaths kept across runs; absent: derived every time. */
  readonly factsCache?: LinkageFactsCache;
  /** Member verdicts kept across classpaths and runs by a long-lived caller; absent: resolved once per classpath. */
  readonly memberVerdicts?: MemberVerdicts;
}

/** A class as the scope's class loader would load it: from the first element that defines it. */
export interface LoadedClass {
  readonly elementIndex: number;
  readonly summary: ClassSummary;
  /** The classes it references that neither the classpath nor the JDK defines (see missingReferences). */
  readonly missing: readonly string[];
}

/** Per class an element loads, the classes it references that no element and not the JDK define: only classes with any. */
export type MissingReferences = ReadonlyMap<string, readonly string[]>;

const NONE: readonly string[] = [];

/** What a class-level check of one scope works on. */
export interface LinkageCheck {
  readonly context: ModuleContext;
  readonly view: ScopeView;
  readonly facts: LinkageFacts;
  /** The scope's classes as loaded, read (and parsed) on the first call only. */
  readonly loaded: () => Promise<ReadonlyMap<string, LoadedClass>>;
  readonly services: LinkageServices;
  readonly signal?: AbortSignal;
}

/**
 * Parses the classes of every element of a scope and keeps, per binary name, the copy that wins by
 * classpath order. Copies that fail to parse are left out (the invalid-class-file check reports them).
 * Each element's missing references are worked out as soon as its classes are there, while other
 * elements are still parsed, and handed to `elementParsed`.
 */
export async function loadedClasses(
  services: LinkageServices,
  view: ScopeView,
  signal?: AbortSignal,
  elementParsed?: (elementIndex: number, missing: MissingReferences) => void,
): Promise<Map<string, LoadedClass>> {
  const missingOf: MissingReferences[] = [];
  const readAhead = platformSupertypesReader(services, view);
  const parsed = await Promise.all(
    view.elements.map(async ({ indexed }, elementIndex) => {
      const classes = await services.indexer.classesOf(indexed, signal);
      // Classes all found in the cache come at once: there is no parse to overlap the reads with.
      if (services.indexer.parsedClassesOf(indexed)) readAhead(classes);
      const missing = missingReferences(services, view, elementIndex, classes);
      missingOf[elementIndex] = missing;
      elementParsed?.(elementIndex, missing);
      return classes;
    }),
  );
  const loaded = new Map<string, LoadedClass>();
  for (const [className, definers] of view.definers) {
    const elementIndex = definers[0]!;
    const summary = parsed[elementIndex]!.get(className);
    if (isSummary(summary)) loaded.set(className, { elementIndex, summary, missing: missingOf[elementIndex]!.get(className) ?? NONE });
  }
  return loaded;
}

/**
 * Starts reading the JDK classes that classpath classes extend or implement, and their own supertypes:
 * member resolution walks them (JVM spec §5.4.3), and reading one from the JDK's image is a file read it
 * would otherwise wait for, one after another, after the last class is parsed.
 */
function platformSupertypesReader(services: LinkageServices, view: ScopeView): (classes: ParsedClasses) => void {
  const started = new Set<string>();
  const read = (name: string): void => {
    if (started.has(name) || view.definers.has(name) || !services.platform.has(name)) return;
    started.add(name);
    const found = services.platform.summary(name);
    if (found instanceof Promise) void found.then((platformClass) => platformClass && readSupertypes(platformClass));
    else if (found !== undefined) readSupertypes(found);
  };
  const readSupertypes = (summary: ClassSummary): void => {
    if (summary.superClass !== undefined) read(summary.superClass);
    for (const name of summary.interfaces) read(name);
  };
  return (classes) => {
    for (const parsed of classes.values()) if (isSummary(parsed)) readSupertypes(parsed);
  };
}

/**
 * For each class the element loads (it is the first element to define it), the classes it references
 * that neither the classpath nor the JDK defines, in the order it references them: linking them fails
 * (JVM spec §5.3).
 */
function missingReferences(services: LinkageServices, view: ScopeView, elementIndex: number, classes: ParsedClasses): MissingReferences {
  const missing = new Map<string, string[]>();
  for (const [className, referenced] of referencesBeyondJdk(services.platform, classes)) {
    if (view.definers.get(className)?.[0] !== elementIndex) continue;
    let names: string[] | undefined;
    for (const name of referenced) {
      if (!view.definers.has(name)) (names ??= []).push(name);
    }
    if (names !== undefined) missing.set(className, names);
  }
  return missing;
}

/**
 * Per class of an element, the classes it references that the JDK does not define, in order (the parser
 * already left out the element's own): only these can be missing, whatever else is on the classpath. Kept
 * with the element's parsed classes, so that a new classpath of the same jars (an edit) checks only them.
 */
const beyondJdk = new WeakMap<ParsedClasses, { readonly platform: string; readonly references: ReadonlyMap<string, readonly string[]> }>();

function referencesBeyondJdk(platform: PlatformClasses, classes: ParsedClasses): ReadonlyMap<string, readonly string[]> {
  const known = beyondJdk.get(classes);
  if (known !== undefined && known.platform === platform.identity) return known.references;
  const references = new Map<string, readonly string[]>();
  for (const [className, parsed] of classes) {
    if (!isSummary(parsed)) continue;
    const names = parsed.referencedClasses.filter((name) => !platform.has(name));
    if (names.length > 0) references.set(className, names);
  }
  beyondJdk.set(classes, { platform: platform.identity, references });
  return references;
}

/**
 * The linkage facts of a scope (see linkageFactsOf): from the cache when the same files (path, size and
 * modification time, in the same order) were analysed against the same JDK before, else derived from the
 * loaded classes and cached. A classpath with a directory (whose files can change under an unchanged
 * folder) or an unreadable element is always derived afresh.
 */
export async function scopeLinkageFacts(
  services: LinkageServices,
  view: ScopeView,
  loaded: () => Promise<ReadonlyMap<string, LoadedClass>>,
  signal?: AbortSignal,
): Promise<LinkageFacts> {
  const key = services.factsCache === undefined ? undefined : linkageFactsKey(view, services.platform);
  if (key !== undefined) {
    const cached = await services.factsCache!.get(key);
    if (cached !== undefined) return cached;
  }
  const facts = await linkageFactsOf(services, view, await loaded(), signal);
  if (key !== undefined) services.factsCache!.put(key, facts);
  return facts;
}

/** Every input the facts depend on, as text; undefined when one of them cannot be pinned down. */
export function linkageFactsKey(view: ScopeView, platform: PlatformClasses): string | undefined {
  const lines = [`platform\t${platform.identity}`];
  for (const { element, indexed } of view.elements) {
    if (!element.exists) lines.push(`absent\t${element.file}`);
    else if (indexed.index?.kind === 'jar') lines.push(`jar\t${indexed.index.path}\t${indexed.index.size}\t${indexed.index.mtimeMs}`);
    else return undefined;
  }
  return lines.join('\n');
}

/** Memoizes an asynchronous computation: it runs on the first call, later calls share its promise. */
export function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= compute());
}