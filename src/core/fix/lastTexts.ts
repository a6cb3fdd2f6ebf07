/** How many distinct texts a memo keeps: the poms of a few modules, each in its latest version. */
const REMEMBERED_TEXTS = 8;

/**
 * Memoizes a pure function of a file's text over the few texts seen last. One analysis computes a fix
 * for every finding on the same pom text, and each fix needs the pom's tree and layout: computed once per
 * text instead of once per fix (the result must not be mutated by callers).
 */
export function lastTexts<T>(compute: (text: string) => T): (text: string) => T {
  const remembered = new Map<string, T>();
  return (text) => {
    if (remembered.has(text)) return remembered.get(text) as T;
    const value = compute(text);
    remembered.set(text, value);
    // Maps iterate in insertion order: the first key is the oldest text.
    if (remembered.size > REMEMBERED_TEXTS) remembered.delete(remembered.keys().next().value!);
    return value;
  };
}
