import type { MemberReference } from '../classfile/classInfo';
import { isSummary } from './classpathIndexer';
import type { LinkageServices, LoadedClass } from './linkageServices';
import type { ClassLookup, Resolution } from './memberResolution';
import { MemberVerdicts } from './memberVerdicts';

// Where the checks have always found it (the runtime checks too).
export { memberKey } from './memberResolution';
import type { ScopeView } from './moduleContext';

/** A class referenced by a loaded class that neither the classpath nor the JDK defines. */
export interface MissingClassFact {
  /** Index into the scope's elements of the element whose class references it. */
  readonly elementIndex: number;
  readonly missing: string;
  /** The referencing class. */
  readonly from: string;
}

/** A member reference to a class on the classpath that its owner and supertypes do not declare. */
export interface UnresolvedMemberFact {
  readonly elementIndex: number;
  /** Index of the element that defines (wins for) the owner class. */
  readonly ownerIndex: number;
  readonly reference: MemberReference;
  readonly from: string;
}

/**
 * What the class-level checks of one classpath derive from its classes and the JDK alone, before any
 * attribution to poms, in the order the classpath's loaded classes give them; user ignore patterns are
 * applied afterwards, by the checks. Equal inputs (the same files at the same size and modification time,
 * the same JDK) give equal facts, which is what lets them be cached across runs.
 */
export interface LinkageFacts {
  readonly missingClasses: readonly MissingClassFact[];
  readonly unresolvedMembers: readonly UnresolvedMemberFact[];
  /** Per element (same indices as the scope's elements): [binary name, error] of class entries that cannot be read. */
  readonly invalidClasses: readonly (readonly (readonly [string, string])[])[];
}

/**
 * Derives the facts: references to classes no element and not the JDK defines (JVM spec §5.3), member
 * references that do not resolve (JVM spec §5.4.3.2-4, see resolvesMember), and class entries that could
 * not be parsed.
 */
export async function linkageFactsOf(
  services: LinkageServices,
  view: ScopeView,
  loaded: ReadonlyMap<string, LoadedClass>,
  signal?: AbortSignal,
): Promise<LinkageFacts> {
  const missingClasses = missingClassFacts(loaded);
  const unresolvedMembers = await unresolvedMemberFacts(services, loaded, signal);
  const invalidClasses: [string, string][][] = [];
  for (const { indexed } of view.elements) {
    const parsed = await services.indexer.classesOf(indexed, signal);
    const broken: [string, string][] = [];
    for (const [className, result] of parsed) if (!isSummary(result)) broken.push([className, result.error]);
    invalidClasses.push(broken);
  }
  return { missingClasses, unresolvedMembers, invalidClasses };
}

function missingClassFacts(loaded: ReadonlyMap<string, LoadedClass>): MissingClassFact[] {
  const missingClasses: MissingClassFact[] = [];
  for (const [className, { elementIndex, missing }] of loaded) {
    for (const referenced of missing) missingClasses.push({ elementIndex, missing: referenced, from: className });
  }
  return missingClasses;
}

/**
 * Resolves each distinct reference to a loaded owner once, in the order the loaded classes first make
 * it, then lists the references that do not resolve. The walks over every reference are plain loops:
 * only the resolutions wait.
 */
async function unresolvedMemberFacts(services: LinkageServices, loaded: ReadonlyMap<string, LoadedClass>, signal?: AbortSignal): Promise<UnresolvedMemberFact[]> {
  const memory = services.memberVerdicts ?? new MemberVerdicts();
  memory.usePlatform(services.platform.identity);
  const lookup = loadedLookup(services, loaded);
  const verdicts = new Map<string, Resolution>();
  const toResolve = referencesToResolve(memory, loaded, verdicts, signal);
  for (let index = 0; index < toResolve.length; index++) {
    if (index % 512 === 511) signal?.throwIfAborted();
    const [reference, key] = toResolve[index]!;
    verdicts.set(key, await memory.resolve(reference, key, loaded, lookup));
  }
  const unresolvedMembers: UnresolvedMemberFact[] = [];
  for (const [className, { elementIndex, summary }] of loaded) {
    const keys = memory.keysOf(summary);
    for (let index = 0; index < keys.length; index++) {
      if (verdicts.get(keys[index]!) !== false) continue;
      const reference = summary.memberReferences[index]!;
      unresolvedMembers.push({ elementIndex, ownerIndex: loaded.get(reference.owner)!.elementIndex, reference, from: className });
    }
  }
  return unresolvedMembers;
}

/** The first reference of each key whose owner is loaded, each key marked in `verdicts` (as undefined) until resolved. */
function referencesToResolve(
  memory: MemberVerdicts,
  loaded: ReadonlyMap<string, LoadedClass>,
  verdicts: Map<string, Resolution | undefined>,
  signal: AbortSignal | undefined,
): [MemberReference, string][] {
  const toResolve: [MemberReference, string][] = [];
  let checked = 0;
  for (const { summary } of loaded.values()) {
    if (++checked % 512 === 0) signal?.throwIfAborted();
    const keys = memory.keysOf(summary);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (verdicts.has(key)) continue;
      const reference = summary.memberReferences[index]!;
      if (!loaded.has(reference.owner)) continue;
      verdicts.set(key, undefined);
      toResolve.push([reference, key]);
    }
  }
  return toResolve;
}

/** The classes of a scope as loaded, then the JDK's: what member resolution walks. */
export function loadedLookup(services: LinkageServices, loaded: ReadonlyMap<string, LoadedClass>): ClassLookup {
  return (name) => loaded.get(name)?.summary ?? (services.platform.has(name) ? services.platform.summary(name) : undefined);
}

