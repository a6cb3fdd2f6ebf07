/**
 * Maven 3.8.7's version order (maven-artifact `ComparableVersion`, the order `DefaultArtifactVersion`
 * and `VersionRange` use), reimplemented from its documented rules and checked against its behaviour.
 *
 * A version is split into items on '.', '-' and every digit/letter transition; '-' and a transition
 * open a nested list, so `1-rc-2` is `[1, [rc, [2]]]`. Trailing "null" items (0, "", ga, final,
 * release, empty lists) are dropped from every list, which makes `1.0.0 == 1 == 1-ga`.
 */

/**
 * Java keeps numbers of up to 9 digits in an int, up to 18 in a long, and the rest in a BigInteger;
 * items of different widths compare by width alone, before their values (a quirk: `1.5 < 1.0000000000.1`,
 * because ten zeros are not stripped and make a "long" zero).
 */
type NumberWidth = 0 | 1 | 2;

type Item =
  | { readonly kind: 'number'; readonly width: NumberWidth; readonly value: bigint }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'list'; readonly items: Item[] };

type ListItem = Extract<Item, { kind: 'list' }>;

/** Known qualifiers, lowest first; "" is a release. Unknown qualifiers sort after all of them. */
const qualifierOrder = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const qualifierAliases: ReadonlyMap<string, string> = new Map([
  ['ga', ''],
  ['final', ''],
  ['release', ''],
  ['cr', 'rc'],
]);
/** `a1`, `b1`, `m1`: a single letter directly followed by a digit abbreviates a qualifier. */
const letterShorthands: ReadonlyMap<string, string> = new Map([
  ['a', 'alpha'],
  ['b', 'beta'],
  ['m', 'milestone'],
]);

/**
 * Maven compares qualifiers as strings: a known one as its index, an unknown one as
 * "<count>-<qualifier>", so unknown qualifiers follow `sp` in lexical order.
 */
function comparableQualifier(qualifier: string): string {
  const index = qualifierOrder.indexOf(qualifier);
  return index < 0 ? `${qualifierOrder.length}-${qualifier}` : String(index);
}

const releaseIndex = comparableQualifier('');

function stringItem(text: string, followedByDigit: boolean): Item {
  const expanded = followedByDigit && text.length === 1 ? (letterShorthands.get(text) ?? text) : text;
  return { kind: 'string', value: qualifierAliases.get(expanded) ?? expanded };
}

const digitPattern = /\p{Nd}/u;

/** Java's `Character.isDigit(char)`: any Unicode decimal digit, one UTF-16 unit at a time. */
function isDigitUnit(unit: string): boolean {
  return digitPattern.test(unit);
}

/**
 * The value of a decimal digit, as Java's `Character.digit`: Unicode lays out each script's digits as
 * runs of ten starting at zero, so the position in the run gives the value.
 */
function digitValue(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 48 && code <= 57) return code - 48;
  let runStart = code;
  while (runStart > 0 && code - runStart < 60 && isDigitUnit(String.fromCharCode(runStart - 1))) runStart--;
  return (code - runStart) % 10;
}

function numberItem(digits: string): Item {
  // Only ASCII '0' is stripped, and an all-zero run keeps its length (Maven's stripLeadingZeroes).
  const firstNonZero = digits.search(/[^0]/);
  const stripped = firstNonZero < 0 ? digits : digits.slice(firstNonZero);
  let value = 0n;
  for (let i = 0; i < stripped.length; i++) value = value * 10n + BigInt(digitValue(stripped, i));
  const width: NumberWidth = stripped.length <= 9 ? 0 : stripped.length <= 18 ? 1 : 2;
  return { kind: 'number', width, value };
}

function parseItem(isDigit: boolean, text: string): Item {
  return isDigit ? numberItem(text) : stringItem(text, false);
}

function isNullItem(item: Item): boolean {
  switch (item.kind) {
    case 'number':
      return item.value === 0n;
    case 'string':
      return comparableQualifier(item.value) === releaseIndex;
    case 'list':
      return item.items.length === 0;
  }
}

/** Drops trailing null items, looking through trailing lists (ComparableVersion.ListItem.normalize). */
function normalize(list: ListItem): void {
  for (let i = list.items.length - 1; i >= 0; i--) {
    const item = list.items[i]!;
    if (isNullItem(item)) list.items.splice(i, 1);
    else if (item.kind !== 'list') break;
  }
}

function parseVersion(version: string): ListItem {
  const text = version.toLowerCase();
  const root: ListItem = { kind: 'list', items: [] };
  let list = root;
  const lists: ListItem[] = [root];
  const openList = (): void => {
    const nested: ListItem = { kind: 'list', items: [] };
    list.items.push(nested);
    list = nested;
    lists.push(nested);
  };
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charAt(i);
    if (unit === '.' || unit === '-') {
      list.items.push(i === start ? numberItem('0') : parseItem(isDigit, text.slice(start, i)));
      start = i + 1;
      if (unit === '-') openList();
    } else if (isDigitUnit(unit)) {
      if (!isDigit && i > start) {
        // MNG-7644: "1.0.0.X1" is read as "1.0.0-X1", so a qualifier after '.' still opens a list.
        if (list.items.length > 0) openList();
        list.items.push(stringItem(text.slice(start, i), true));
        start = i;
        openList();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.items.push(parseItem(true, text.slice(start, i)));
        start = i;
        openList();
      }
      isDigit = false;
    }
  }
  if (text.length > start) {
    if (!isDigit && list.items.length > 0) openList();
    list.items.push(parseItem(isDigit, text.slice(start)));
  }
  // Innermost lists first, so an emptied nested list is itself dropped by its parent.
  for (let i = lists.length - 1; i >= 0; i--) normalize(lists[i]!);
  return root;
}

function sign(value: number | bigint): number {
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `left` against `right`, where a missing item (a shorter list) is `undefined`. */
function compareItems(left: Item, right: Item | undefined): number {
  switch (left.kind) {
    case 'number':
      if (right === undefined) return left.value === 0n ? 0 : 1; // 1.0 == 1, 1.1 > 1
      if (right.kind !== 'number') return 1; // 1.1 > 1-sp, 1.1 > 1-1
      return left.width !== right.width ? sign(left.width - right.width) : sign(left.value - right.value);
    case 'string':
      if (right === undefined) return compareStrings(comparableQualifier(left.value), releaseIndex);
      if (right.kind !== 'string') return -1; // 1-rc < 1.1, 1-rc < 1-1
      return compareStrings(comparableQualifier(left.value), comparableQualifier(right.value));
    case 'list':
      if (right === undefined) {
        for (const item of left.items) {
          const result = compareItems(item, undefined);
          if (result !== 0) return result;
        }
        return 0;
      }
      if (right.kind === 'number') return -1; // 1-1 < 1.0.x
      if (right.kind === 'string') return 1; // 1-1 > 1-sp
      return compareLists(left, right);
  }
}

function compareLists(left: ListItem, right: ListItem): number {
  const length = Math.max(left.items.length, right.items.length);
  for (let i = 0; i < length; i++) {
    const l = left.items[i];
    const r = right.items[i];
    const result = l === undefined ? (r === undefined ? 0 : -compareItems(r, undefined)) : compareItems(l, r);
    if (result !== 0) return result;
  }
  return 0;
}

function canonicalOf(item: Item): string {
  switch (item.kind) {
    case 'number':
      return item.value.toString();
    case 'string':
      return item.value;
    case 'list': {
      let text = '';
      for (const child of item.items) {
        if (text.length > 0) text += child.kind === 'list' ? '-' : '.';
        text += canonicalOf(child);
      }
      return text;
    }
  }
}

// Versions repeat endlessly during resolution; parsing each distinct string once is enough.
const parsedCache = new Map<string, ListItem>();
const parsedCacheLimit = 20_000;

function parsed(version: string): ListItem {
  let items = parsedCache.get(version);
  if (items === undefined) {
    if (parsedCache.size >= parsedCacheLimit) parsedCache.clear();
    items = parseVersion(version);
    parsedCache.set(version, items);
  }
  return items;
}

/**
 * Compares two versions as Maven 3.8.7's `ComparableVersion.compareTo` does: negative when `a` is
 * older, 0 when Maven treats them as the same version (`1.0 == 1 == 1-ga`), positive when newer.
 * Order of qualifiers: alpha < beta < milestone < rc (= cr) < snapshot < "" (= ga = final = release)
 * < sp < unknown qualifiers (lexically); numbers compare by value and follow every qualifier.
 */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  return compareLists(parsed(a), parsed(b));
}

/**
 * Maven's canonical form of a version (`ComparableVersion.getCanonical`, what its `main` prints):
 * trailing zeros and release qualifiers dropped, aliases resolved, e.g. `1.0.0-GA` gives `1`.
 */
export function canonicalVersion(version: string): string {
  return canonicalOf(parsed(version));
}
