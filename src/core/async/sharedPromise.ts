/** A Map or WeakMap of promises. */
interface PromiseMemo<K, V> {
  get(key: K): Promise<V> | undefined;
  set(key: K, value: Promise<V>): unknown;
  delete(key: K): boolean;
}

/**
 * The promise `memo` holds for `key`, else `make()`, kept there: callers that ask side by side share one
 * computation. One that rejects is dropped (a cancelled or failed computation is not an answer).
 */
export function sharedPromise<K, V>(memo: PromiseMemo<K, V>, key: K, make: () => Promise<V>): Promise<V> {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const made = make();
  memo.set(key, made);
  made.catch(() => {
    if (memo.get(key) === made) memo.delete(key);
  });
  return made;
}
