import type { MemberReference } from '../classfile/classInfo';
import type { ClassSummary } from '../analysis/classSummary';

const KINDS: readonly MemberReference['kind'][] = ['field', 'method', 'interfaceMethod'];

// Class summaries as flat number arrays over one string table per batch of a jar: descriptors and class
// names repeat thousands of times in a jar, so the encoding is a fraction of the size of the objects and
// decodes several times faster than JSON. Layout: name, superClass (-1 none), then counted lists of
// interfaces, fields, methods and referenced classes, then the member references as (kind, owner, name,
// descriptor) quads.

/** Gives each string its index in a string table. */
export interface StringIndexer {
  index(value: string): number;
}

export class StringTable implements StringIndexer {
  readonly strings: string[] = [];
  private readonly indexes = new Map<string, number>();

  index(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(value);
      this.indexes.set(value, index);
    }
    return index;
  }
}

/** Appends the encoding of `summary` to `out` (several summaries back to back: see decodeSummaryAt). */
export function appendSummary(summary: ClassSummary, table: StringIndexer, out: number[]): void {
  out.push(table.index(summary.name), summary.superClass === undefined ? -1 : table.index(summary.superClass));
  for (const list of [summary.interfaces, summary.fields, summary.methods, summary.referencedClasses]) {
    out.push(list.length);
    for (const value of list) out.push(table.index(value));
  }
  out.push(summary.memberReferences.length);
  for (const reference of summary.memberReferences) {
    out.push(KINDS.indexOf(reference.kind), table.index(reference.owner), table.index(reference.name), table.index(reference.descriptor));
  }
}

/**
 * Decodes the summary encoded at `start` of `data`; returns it and where the next one starts.
 * @throws RangeError when the data does not fit the table.
 */
export function decodeSummaryAt(data: ArrayLike<number>, strings: readonly string[], start: number): { summary: ClassSummary; end: number } {
  let at = start;
  const text = (index: number | undefined): string => {
    const value = index === undefined ? undefined : strings[index];
    if (value === undefined) throw new RangeError('encoded summary points outside its string table');
    return value;
  };
  const name = text(data[at++]);
  const superIndex = data[at++];
  const list = (): string[] => {
    const count = data[at++] ?? 0;
    const values: string[] = [];
    for (let i = 0; i < count; i++) values.push(text(data[at++]));
    return values;
  };
  const interfaces = list();
  const fields = list();
  const methods = list();
  const referencedClasses = list();
  const memberCount = data[at++] ?? 0;
  const memberReferences: MemberReference[] = [];
  for (let i = 0; i < memberCount; i++) {
    const kind = KINDS[data[at++] ?? -1];
    if (kind === undefined) throw new RangeError('encoded summary has an unknown member kind');
    memberReferences.push({ kind, owner: text(data[at++]), name: text(data[at++]), descriptor: text(data[at++]) });
  }
  const summary: ClassSummary = { name, superClass: superIndex === -1 ? undefined : text(superIndex), interfaces, fields, methods, referencedClasses, memberReferences };
  return { summary, end: at };
}
