import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { JarIndex } from '../../archive/archiveEntry';
import { readEntries } from '../../archive/openJar';
import type { ParsedEntry } from '../classSummary';
import { ClassSummaryEncoder } from './classSummaryEncoder';
import { appendErrorEntry, appendSummaryEntryStart, decodeParsedEntries, type EncodedParsedEntries } from './parsedEntriesCodec';

/** A batch of class entries of one jar or classpath directory to read and parse. */
export interface ParseRequest {
  readonly kind: 'jar' | 'directory';
  readonly path: string;
  readonly entryNames: readonly string[];
  /**
   * For a jar: its index made earlier, holding at least the named entries. The jar is then read from the
   * local headers it points at instead of listing the central directory again, when the file's size and
   * modification time still match (see openJar).
   */
  readonly index?: JarIndex;
  /**
   * Binary names of every class the element defines: when given, each summary keeps only the references
   * that leave the element (see externalReferences), so that the result is what the caches keep.
   */
  readonly ownClasses?: readonly string[];
}

/**
 * Reads and parses the named class entries of a jar (inflated on demand) or a directory. An entry that
 * cannot be read or parsed gives an error text naming it; the others are still parsed.
 */
export async function parseEntries(request: ParseRequest, signal?: AbortSignal): Promise<ParsedEntry[]> {
  return decodeParsedEntries(await parseEncodedEntries(request, signal));
}

/**
 * parseEntries, encoded (parsedEntriesCodec): what a worker sends and the cache keeps, made from the
 * class bytes without the summary objects in between (see ClassSummaryEncoder).
 */
export async function parseEncodedEntries(request: ParseRequest, signal?: AbortSignal): Promise<EncodedParsedEntries> {
  const encoder = new ClassSummaryEncoder(request.ownClasses === undefined ? undefined : new Set(request.ownClasses));
  const { out } = encoder;
  const table = { index: (text: string) => encoder.interner.add(text) };
  const bytesOf = new Map<string, Buffer>();
  if (request.kind === 'jar') {
    const read = await readEntries(request.path, request.entryNames, { signal, ...(request.index === undefined ? {} : { index: request.index }) });
    for (const [name, bytes] of read.bytes) bytesOf.set(name, bytes);
    for (const error of read.errors) appendErrorEntry(error.entryName ?? '', error.message, table, out);
  } else {
    for (const name of request.entryNames) {
      signal?.throwIfAborted();
      try {
        bytesOf.set(name, await readFile(join(request.path, name)));
      } catch (error) {
        appendErrorEntry(name, `${request.path}/${name}: ${error instanceof Error ? error.message : String(error)}`, table, out);
      }
    }
  }
  for (const [entryName, bytes] of bytesOf) {
    const mark = out.length;
    try {
      appendSummaryEntryStart(entryName, table, out);
      encoder.append(bytes);
    } catch (error) {
      out.length = mark;
      appendErrorEntry(entryName, `${request.path}!/${entryName}: ${error instanceof Error ? error.message : String(error)}`, table, out);
    }
  }
  return { strings: encoder.interner.strings, data: Int32Array.from(out), memberKeys: encoder.memberKeys.result() };
}
