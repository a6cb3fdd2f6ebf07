// Writes a small jimage (the JDK's lib/modules format) for tests: header, redirect and offsets
// tables, location attribute streams, strings, then the resources; `/packages/<pkg>` resources are
// added for the packages of the class resources, as jlink does. A resource may be compressed with a
// named plugin: "zip" is zlib deflate, any other name is written as-is to exercise refusal.
import { deflateSync } from 'node:zlib';
import { jimageHash } from '../../../src/core/jdk/jimageHash';

export interface JImageResourceSpec {
  readonly module: string;
  readonly parent: string;
  readonly base: string;
  readonly extension: string;
  readonly data: Buffer;
  readonly compressWith?: string;
}

export function writeJImage(specs: readonly JImageResourceSpec[]): Buffer {
  const strings = new StringTable();
  const resources = [...specs, ...packageResources(specs, strings)];
  // Some name sets have no seed that separates them (e.g. two names whose hashes always share their
  // parity in a table of 2): a padding resource changes the table length.
  let table = perfectHash(resources.map((r) => fullName(r)));
  while (table === undefined) {
    resources.push({ module: 'java.base', parent: '', base: `padding${resources.length}`, extension: 'txt', data: Buffer.alloc(0) });
    table = perfectHash(resources.map((r) => fullName(r)));
  }
  const { redirect, slots } = table;
  for (const r of resources) for (const s of [r.module, r.parent, r.base, r.extension]) strings.offset(s);
  const contents: Buffer[] = [];
  const locations: Buffer[] = [];
  const locationOffsets: number[] = [];
  let contentSize = 0;
  let locationsSize = 0;
  for (const resource of resources) {
    const stored = resource.compressWith === undefined ? resource.data : compressed(resource.data, strings.offset(resource.compressWith));
    const attributes = [
      [1, strings.offset(resource.module)],
      [2, strings.offset(resource.parent)],
      [3, strings.offset(resource.base)],
      [4, strings.offset(resource.extension)],
      [5, contentSize],
      [6, resource.compressWith === undefined ? 0 : stored.length],
      [7, resource.data.length],
    ] as const;
    const location = Buffer.concat([...attributes.map(([kind, value]) => attribute(kind, value)), Buffer.from([0])]);
    locationOffsets.push(locationsSize);
    locations.push(location);
    locationsSize += location.length;
    contents.push(stored);
    contentSize += stored.length;
  }
  const tableLength = resources.length;
  const header = Buffer.alloc(28);
  const stringBytes = strings.bytes();
  [0xcafedada, 0x00010000, 0, tableLength, tableLength, locationsSize, stringBytes.length].forEach((v, i) => header.writeUInt32LE(v, i * 4));
  const redirectTable = Buffer.alloc(tableLength * 4);
  redirect.forEach((v, i) => redirectTable.writeInt32LE(v, i * 4));
  const offsetsTable = Buffer.alloc(tableLength * 4);
  slots.forEach((resourceIndex, slot) => offsetsTable.writeUInt32LE(locationOffsets[resourceIndex]!, slot * 4));
  return Buffer.concat([header, redirectTable, offsetsTable, ...locations, stringBytes, ...contents]);
}

function fullName(r: Omit<JImageResourceSpec, 'data'>): string {
  return `${r.module === '' ? '' : `/${r.module}/`}${r.parent === '' ? '' : `${r.parent}/`}${r.base}${r.extension === '' ? '' : `.${r.extension}`}`;
}

/** `/packages/<dotted package>` resources: (is-empty, module-name-offset) pairs per module. */
function packageResources(specs: readonly JImageResourceSpec[], strings: StringTable): JImageResourceSpec[] {
  const modulesByPackage = new Map<string, Set<string>>();
  for (const s of specs) if (s.extension === 'class') modulesByPackage.set(s.parent, (modulesByPackage.get(s.parent) ?? new Set()).add(s.module));
  return [...modulesByPackage].map(([parent, modules]) => {
    const dotted = parent.replaceAll('/', '.');
    const dot = dotted.lastIndexOf('.');
    return {
      module: 'packages',
      parent: '',
      base: dot < 0 ? dotted : dotted.slice(0, dot),
      extension: dot < 0 ? '' : dotted.slice(dot + 1),
      data: Buffer.concat([...modules].map((module) => modulePair(strings.offset(module)))),
    };
  });
}

function modulePair(moduleNameOffset: number): Buffer {
  const pair = Buffer.alloc(8);
  pair.writeUInt32LE(moduleNameOffset, 4);
  return pair;
}

class StringTable {
  private readonly offsets = new Map<string, number>([['', 0]]);
  private size = 1;

  offset(text: string): number {
    let offset = this.offsets.get(text);
    if (offset === undefined) {
      offset = this.size;
      this.offsets.set(text, offset);
      this.size += Buffer.byteLength(text) + 1;
    }
    return offset;
  }

  bytes(): Buffer {
    const out = Buffer.alloc(this.size);
    for (const [text, offset] of this.offsets) out.write(text, offset);
    return out;
  }
}

function compressed(data: Buffer, pluginNameOffset: number): Buffer {
  const body = deflateSync(data);
  const header = Buffer.alloc(29);
  header.writeUInt32LE(0xcafefafa, 0);
  header.writeBigUInt64LE(BigInt(body.length), 4);
  header.writeBigUInt64LE(BigInt(data.length), 12);
  header.writeUInt32LE(pluginNameOffset, 20);
  header[28] = 1;
  return Buffer.concat([header, body]);
}

function attribute(kind: number, value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  do {
    bytes.unshift(rest & 0xff);
    rest = Math.floor(rest / 256);
  } while (rest > 0);
  return Buffer.from([(kind << 3) | (bytes.length - 1), ...bytes]);
}

/** The redirect table: a bucket of one points straight at a slot (-1 - slot), larger ones get a seed. */
function perfectHash(names: readonly string[]): { redirect: number[]; slots: number[] } | undefined {
  const n = names.length;
  const buckets = new Map<number, number[]>();
  names.forEach((name, i) => {
    const bucket = jimageHash(Buffer.from(name)) % n;
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), i]);
  });
  const redirect = new Array<number>(n).fill(0);
  const slots = new Array<number>(n).fill(-1);
  const ordered = [...buckets].sort((a, b) => b[1].length - a[1].length);
  for (const [bucket, members] of ordered.filter(([, m]) => m.length > 1)) {
    for (let seed = 1; ; seed++) {
      if (seed > 10_000) return undefined;
      const wanted = members.map((i) => jimageHash(Buffer.from(names[i]!), seed) % n);
      if (new Set(wanted).size === wanted.length && wanted.every((slot) => slots[slot] === -1)) {
        wanted.forEach((slot, k) => (slots[slot] = members[k]!));
        redirect[bucket] = seed;
        break;
      }
    }
  }
  for (const [bucket, members] of ordered.filter(([, m]) => m.length === 1)) {
    const free = slots.indexOf(-1);
    slots[free] = members[0]!;
    redirect[bucket] = -1 - free;
  }
  return { redirect, slots };
}
