import { appendSummary, decodeSummaryAt, StringTable, type StringIndexer } from '../../cache/classSummaryCodec';
import { memberKeysBuffer, MemberKeysWriter } from '../../cache/memberKeys';
import type { ParsedEntry } from '../classSummary';

/**
 * A batch of parsed entries as a worker sends it: one string table, one Int32Array and the bytes of the
 * member keys (both buffers transferred, not copied). Structured clone of thousands of small summary
 * objects cost more on both threads than parsing the classes did; an array of distinct strings and two
 * buffers are cheap to pass, and the receiver builds plain objects from them.
 */
export interface EncodedParsedEntries {
  readonly strings: readonly string[];
  readonly data: Int32Array;
  /** The fields' and methods' keys of every summary (see memberKeys). */
  readonly memberKeys: Uint8Array;
}

const SUMMARY = 0;
const ERROR = 1;

/** Per entry: its name, then SUMMARY and the summary (classSummaryCodec layout) or ERROR and the message. */
export function encodeParsedEntries(entries: readonly ParsedEntry[]): EncodedParsedEntries {
  const table = new StringTable();
  const out: number[] = [];
  const keys = new MemberKeysWriter();
  for (const entry of entries) {
    if ('summary' in entry) {
      appendSummaryEntryStart(entry.entryName, table, out);
      appendSummary(entry.summary, table, out, keys);
    } else {
      appendErrorEntry(entry.entryName, entry.error, table, out);
    }
  }
  return { strings: table.strings, data: Int32Array.from(out), memberKeys: keys.result() };
}

/** Starts an entry whose summary (classSummaryCodec layout) the caller appends next. */
export function appendSummaryEntryStart(entryName: string, table: StringIndexer, out: number[]): void {
  out.push(table.index(entryName), SUMMARY);
}

/** Appends an entry that could not be read or parsed, with the reason. */
export function appendErrorEntry(entryName: string, error: string, table: StringIndexer, out: number[]): void {
  out.push(table.index(entryName), ERROR, table.index(error));
}

/** @throws RangeError when the encoding is damaged (it never is between two threads of one build). */
export function decodeParsedEntries(encoded: EncodedParsedEntries): ParsedEntry[] {
  const { strings, data } = encoded;
  const keys = memberKeysBuffer(encoded.memberKeys);
  const text = (index: number | undefined): string => {
    const value = index === undefined ? undefined : strings[index];
    if (value === undefined) throw new RangeError('encoded entry points outside its string table');
    return value;
  };
  const entries: ParsedEntry[] = [];
  let at = 0;
  while (at < data.length) {
    const entryName = text(data[at++]);
    if (data[at++] === ERROR) {
      entries.push({ entryName, error: text(data[at++]) });
    } else {
      const { summary, end } = decodeSummaryAt(data, strings, keys, at);
      entries.push({ entryName, summary });
      at = end;
    }
  }
  return entries;
}
