import type { MemberReference } from '../classfile/classInfo';
import type { ClassSummary } from '../analysis/classSummary';
import { decodeMemberKeys, type MemberKeysWriter } from './memberKeys';

const KINDS: readonly MemberReference['kind'][] = ['field', 'method', 'interfaceMethod'];

// Class summaries as flat number arrays over one string table per batch of a jar: descriptors and class
// names repeat thousands of times in a jar, so the encoding is a fraction of the size of the objects and
// decodes several times faster than JSON. Layout: name, superClass (-1 none), a counted list of
// interfaces, where the class's field keys start, end and its method keys end in the batch's member keys
// (see memberKeys: decoded only when asked for), a counted list of referenced classes, then the member
// references as (kind, owner, name, descriptor) quads.

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

/** Appends the encoding of `summary` to `out` and its member keys to `keys` (see decodeSummaryAt). */
export function appendSummary(summary: ClassSummary, table: StringIndexer, out: number[], keys: MemberKeysWriter): void {
  out.push(table.index(summary.name), summary.superClass === undefined ? -1 : table.index(summary.superClass));
  appendList(summary.interfaces, table, out);
  out.push(keys.length);
  for (const list of [summary.fields, summary.methods]) {
    for (const key of list) {
      keys.appendText(key);
      keys.endKey();
    }
    out.push(keys.length);
  }
  appendList(summary.referencedClasses, table, out);
  out.push(summary.memberReferences.length);
  for (const reference of summary.memberReferences) {
    out.push(KINDS.indexOf(reference.kind), table.index(reference.owner), table.index(reference.name), table.index(reference.descriptor));
  }
}

function appendList(list: readonly string[], table: StringIndexer, out: number[]): void {
  out.push(list.length);
  for (const value of list) out.push(table.index(value));
}

/**
 * Decodes the summary encoded at `start` of `data`; returns it and where the next one starts. Its fields
 * and methods are decoded from `keys` the first time they are read.
 * @throws RangeError when the data does not fit the table or the keys.
 */
export function decodeSummaryAt(data: ArrayLike<number>, strings: readonly string[], keys: Buffer, start: number): { summary: ClassSummary; end: number } {
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
  const keysStart = data[at++] ?? -1;
  const fieldsEnd = data[at++] ?? -1;
  const methodsEnd = data[at++] ?? -1;
  if (!(keysStart >= 0 && keysStart <= fieldsEnd && fieldsEnd <= methodsEnd && methodsEnd <= keys.length)) {
    throw new RangeError('encoded summary points outside its member keys');
  }
  const referencedClasses = list();
  const memberCount = data[at++] ?? 0;
  const memberReferences: MemberReference[] = [];
  for (let i = 0; i < memberCount; i++) {
    const kind = KINDS[data[at++] ?? -1];
    if (kind === undefined) throw new RangeError('encoded summary has an unknown member kind');
    memberReferences.push({ kind, owner: text(data[at++]), name: text(data[at++]), descriptor: text(data[at++]) });
  }
  let fields: readonly string[] | undefined;
  let methods: readonly string[] | undefined;
  // Own getters, not a class's: a copy made by spreading, or sent to another thread, still has the keys.
  const summary: ClassSummary = {
    name,
    superClass: superIndex === -1 ? undefined : text(superIndex),
    interfaces,
    get fields() {
      return (fields ??= decodeMemberKeys(keys, keysStart, fieldsEnd));
    },
    get methods() {
      return (methods ??= decodeMemberKeys(keys, fieldsEnd, methodsEnd));
    },
    referencedClasses,
    memberReferences,
  };
  return { summary, end: at };
}
