import type { MemberReference } from '../classfile/classInfo';
import type { ClassSummary } from './classSummary';
import type { LoadedClass } from './linkageServices';
import { memberKey, resolvesMember, type ClassLookup, type Resolution } from './memberResolution';

/** A verdict with every class its resolution looked up and the summary the classpath gave for it (undefined: not on the classpath). */
interface RememberedVerdict {
  readonly verdict: Resolution;
  readonly consulted: readonly string[];
  readonly summaries: readonly (ClassSummary | undefined)[];
}

/** Bounds the memory of a long-lived caller: about the distinct member references of a few hundred jars. */
const REMEMBERED_VERDICTS = 1_000_000;

/**
 * Member-reference verdicts (see resolvesMember) kept across classpaths and runs. Resolution is a pure
 * function of the classes it looks up (JVM spec §5.4.3: the owner, its superclasses and superinterfaces),
 * so a verdict still holds on any classpath that gives each of those names the same summary (the same
 * object, hence the same file version) or, for one the classpath lacks, the same JDK: an edit that
 * removes a dependency resolves again only the references whose hierarchy touched its classes.
 */
export class MemberVerdicts {
  private platformIdentity: string | undefined;
  private readonly verdicts = new Map<string, RememberedVerdict>();
  private readonly keys = new WeakMap<ClassSummary, readonly string[]>();
  /** Verdicts taken from memory and verdicts resolved, since the counts were last reset. */
  readonly counts = { remembered: 0, resolved: 0 };

  /** Verdicts found against another JDK are forgotten: its classes answer the look-ups the classpath does not. */
  usePlatform(identity: string): void {
    if (identity !== this.platformIdentity) this.verdicts.clear();
    this.platformIdentity = identity;
  }

  /** The keys (see memberKey) of a summary's member references, built once per summary. */
  keysOf(summary: ClassSummary): readonly string[] {
    let keys = this.keys.get(summary);
    if (keys === undefined) {
      keys = summary.memberReferences.map(memberKey);
      this.keys.set(summary, keys);
    }
    return keys;
  }

  /** Whether `reference` (whose key is `key`) resolves on the classpath `loaded`, whose look-ups `lookup` answers. */
  async resolve(reference: MemberReference, key: string, loaded: ReadonlyMap<string, LoadedClass>, lookup: ClassLookup): Promise<Resolution> {
    const known = this.verdicts.get(key);
    if (known !== undefined && known.consulted.every((name, index) => loaded.get(name)?.summary === known.summaries[index])) {
      this.counts.remembered++;
      return known.verdict;
    }
    const consulted: string[] = [];
    const verdict = await resolvesMember(reference, (name) => {
      consulted.push(name);
      return lookup(name);
    });
    this.counts.resolved++;
    this.verdicts.delete(key);
    this.verdicts.set(key, { verdict, consulted, summaries: consulted.map((name) => loaded.get(name)?.summary) });
    // Maps iterate in insertion order: the first key is the verdict found longest ago.
    if (this.verdicts.size > REMEMBERED_VERDICTS) this.verdicts.delete(this.verdicts.keys().next().value!);
    return verdict;
  }
}
