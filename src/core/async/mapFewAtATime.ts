/**
 * `map` over `items` with at most `atOnce` calls under way (reads that wait on the disk together without
 * opening every file at once); the results in the items' order. A call that throws rejects the whole.
 */
export async function mapFewAtATime<T, R>(items: readonly T[], atOnce: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runner = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) results[index] = await map(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, runner));
  return results;
}
