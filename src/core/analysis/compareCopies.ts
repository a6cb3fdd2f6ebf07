import { entryCrc32 } from '../archive/classpathEntries';
import type { IndexedEntry } from './classpathIndexer';

/**
 * Splits classes that several classpath elements define by whether the copies have the same bytes: CRC-32
 * and size agree. A jar entry's CRC-32 is in its central directory; a directory file's is read here, all
 * of them at once, and only when not known yet. A copy that cannot be read matches no other.
 */
export async function compareCopies(elements: readonly IndexedEntry[], classNames: readonly string[]): Promise<{ identical: string[]; different: string[] }> {
  const unknown: Array<Promise<unknown>> = [];
  for (const { index, classes } of elements) {
    if (index?.kind !== 'directory') continue;
    for (const className of classNames) {
      const entry = classes.get(className)!;
      if (entry.crc32 === undefined) unknown.push(entryCrc32(index, entry).catch(() => undefined));
    }
  }
  await Promise.all(unknown);
  const identical: string[] = [];
  const different: string[] = [];
  for (const className of classNames) {
    const [first, ...others] = elements.map(({ classes }) => classes.get(className)!);
    const same = first!.crc32 !== undefined && others.every((copy) => copy.crc32 === first!.crc32 && copy.uncompressedSize === first!.uncompressedSize);
    (same ? identical : different).push(className);
  }
  return { identical, different };
}
