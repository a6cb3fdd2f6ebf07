/**
 * Iteration order of a small java.util.HashSet, which decides a few of maven-resolver's tie-breaks
 * (which of a node's scopes is reported, which conflict id is settled first). HashMap puts an element in
 * bucket `(h ^ h >>> 16) & (capacity - 1)` and iterates buckets in order, equal buckets in insertion order;
 * the capacity starts at 16 and doubles whenever the size passes three quarters of it.
 */
export function javaHashSetOrder<T>(elements: readonly T[], hashOf: (element: T) => number): T[] {
  let capacity = 16;
  while (elements.length > capacity * 0.75) capacity *= 2;
  const bucketOf = (element: T): number => {
    const hash = hashOf(element) | 0;
    return (hash ^ (hash >>> 16)) & (capacity - 1);
  };
  return elements
    .map((element, index) => ({ element, index, bucket: bucketOf(element) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.element);
}

/** java.lang.String#hashCode. */
export function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return hash;
}
