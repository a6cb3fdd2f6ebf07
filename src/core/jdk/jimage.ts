import { open, stat, type FileHandle } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { decodeModifiedUtf8 } from '../classfile/modifiedUtf8';
import { JdkError } from './jdkError';
import { jimageHash } from './jimageHash';

// jimage layout (jdk.internal.jimage.BasicImageReader / ImageHeader): a header of seven u4 in the
// image's byte order, then the redirect table (s4 per slot), the offsets table (u4 per slot), the
// location attribute streams, the NUL-terminated strings, and then the resources themselves.
const IMAGE_MAGIC = 0xcafedada;
const SUPPORTED_MAJOR_VERSION = 1;
const HEADER_SIZE = 7 * 4;
// Location attribute kinds (jdk.internal.jimage.ImageLocation).
const ATTRIBUTE_END = 0;
const ATTRIBUTE_MODULE = 1;
const ATTRIBUTE_PARENT = 2;
const ATTRIBUTE_BASE = 3;
const ATTRIBUTE_EXTENSION = 4;
const ATTRIBUTE_OFFSET = 5;
const ATTRIBUTE_COMPRESSED = 6;
const ATTRIBUTE_UNCOMPRESSED = 7;
const ATTRIBUTE_COUNT = 8;
// A compressed resource starts with this header (jdk.internal.jimage.decompressor.CompressedResourceHeader):
// magic u4, compressed size u8, uncompressed size u8, decompressor name offset u4, content offset u4, terminal u1.
const COMPRESSED_MAGIC = 0xcafefafa;
const COMPRESSED_HEADER_SIZE = 29;
// The index (tables, locations, strings) is read into memory; a real JDK's is a couple of megabytes.
const MAX_INDEX_BYTES = 256 * 1024 * 1024;
// Largest resource this reader inflates.
const MAX_RESOURCE_BYTES = 64 * 1024 * 1024;

/** One resource of a jimage, named /module/parent/base.extension. */
export interface JImageLocation {
  readonly module: string;
  readonly parent: string;
  readonly base: string;
  readonly extension: string;
  readonly contentOffset: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

/**
 * A JDK 9+ run-time image (`lib/modules`), read from its own bytes: the index in memory, resources
 * read on demand. Resources compressed with the "zip" plugin (jlink --compress=2, zip-N) are
 * inflated; other plugins (string sharing, "compact-cp") give a 'compression-unsupported' JdkError.
 */
export class JImage {
  private readonly strings = new Map<number, string>();

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly index: Buffer,
    private readonly littleEndian: boolean,
    readonly tableLength: number,
    private readonly locationsStart: number,
    private readonly stringsStart: number,
    private readonly contentStart: number,
    private readonly fileSize: number,
    /** The image file's modification time when opened (with its size, what a cache of its tables is keyed by). */
    readonly mtimeMs: number,
  ) {}

  /** The image file's size in bytes when opened. */
  get size(): number {
    return this.fileSize;
  }

  static async open(path: string): Promise<JImage> {
    let handle: FileHandle;
    try {
      // A named pipe would block the open: only a regular file is an image.
      if (!(await stat(path)).isFile()) throw new Error('not a regular file');
      handle = await open(path, 'r');
    } catch (error) {
      throw new JdkError('unreadable', path, error instanceof Error ? error.message : String(error));
    }
    try {
      const { size, mtimeMs } = await handle.stat();
      const header = await readExactly(handle, path, 0, HEADER_SIZE, size);
      const littleEndian = header.readUInt32LE(0) === IMAGE_MAGIC;
      if (!littleEndian && header.readUInt32BE(0) !== IMAGE_MAGIC) {
        throw new JdkError('bad-magic', path, `magic 0x${header.readUInt32LE(0).toString(16)} is not a jimage's 0xcafedada`);
      }
      const u4 = (at: number) => (littleEndian ? header.readUInt32LE(at) : header.readUInt32BE(at));
      const major = u4(4) >>> 16;
      if (major !== SUPPORTED_MAJOR_VERSION) throw new JdkError('unsupported-version', path, `jimage version ${major}.${u4(4) & 0xffff}`);
      const tableLength = u4(16);
      const locationsSize = u4(20);
      const stringsSize = u4(24);
      const indexSize = HEADER_SIZE + tableLength * 8 + locationsSize + stringsSize;
      if (indexSize > MAX_INDEX_BYTES) throw new JdkError('corrupt', path, `an index of ${indexSize} bytes`);
      const index = await readExactly(handle, path, 0, indexSize, size);
      const locationsStart = HEADER_SIZE + tableLength * 8;
      return new JImage(path, handle, index, littleEndian, tableLength, locationsStart, locationsStart + locationsSize, indexSize, size, mtimeMs);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  /** Every resource in the image, in table order. */
  *locations(): Generator<JImageLocation> {
    for (let slot = 0; slot < this.tableLength; slot++) yield this.locationAt(this.u4(HEADER_SIZE + this.tableLength * 4 + slot * 4));
  }

  /** The resource named `/module/parent/base.extension`, found through the redirect table. */
  find(name: string): JImageLocation | undefined {
    if (this.tableLength === 0) return undefined;
    const bytes = Buffer.from(name, 'utf8');
    const redirect = this.s4(HEADER_SIZE + (jimageHash(bytes) % this.tableLength) * 4);
    let slot: number;
    if (redirect < 0) slot = -1 - redirect;
    else if (redirect > 0) slot = jimageHash(bytes, redirect) % this.tableLength;
    else return undefined;
    if (slot >= this.tableLength) throw new JdkError('corrupt', this.path, `redirect to slot ${slot} of ${this.tableLength}`);
    const location = this.locationAt(this.u4(HEADER_SIZE + this.tableLength * 4 + slot * 4));
    return locationName(location) === name ? location : undefined;
  }

  /** A resource's bytes, decompressed. */
  async read(location: JImageLocation): Promise<Buffer> {
    const stored = location.compressedSize > 0 ? location.compressedSize : location.uncompressedSize;
    if (location.uncompressedSize > MAX_RESOURCE_BYTES || stored > MAX_RESOURCE_BYTES) {
      throw new JdkError('corrupt', this.path, `${locationName(location)} claims ${location.uncompressedSize} bytes`);
    }
    let bytes = await readExactly(this.handle, this.path, this.contentStart + location.contentOffset, stored, this.fileSize);
    if (location.compressedSize > 0) {
      // Plugins may be stacked: each layer has its own header (Decompressor.decompressResource).
      for (let layer = 0; layer < 8 && bytes.length >= COMPRESSED_HEADER_SIZE && this.readU4(bytes, 0) === COMPRESSED_MAGIC; layer++) {
        bytes = this.decompressLayer(bytes, location);
      }
    }
    if (bytes.length !== location.uncompressedSize) {
      throw new JdkError('corrupt', this.path, `${locationName(location)} has ${bytes.length} bytes, the index says ${location.uncompressedSize}`);
    }
    return bytes;
  }

  private decompressLayer(bytes: Buffer, location: JImageLocation): Buffer {
    const uncompressedSize = Number(this.littleEndian ? bytes.readBigUInt64LE(12) : bytes.readBigUInt64BE(12));
    const plugin = this.string(this.readU4(bytes, 20));
    if (plugin !== 'zip') {
      throw new JdkError('compression-unsupported', this.path, `${locationName(location)} is compressed with "${plugin}", which this reader does not undo`);
    }
    if (uncompressedSize > MAX_RESOURCE_BYTES) throw new JdkError('corrupt', this.path, `${locationName(location)} inflates to ${uncompressedSize} bytes`);
    try {
      // java.util.zip.Inflater's default: zlib-wrapped deflate (ZipDecompressor).
      return inflateSync(bytes.subarray(COMPRESSED_HEADER_SIZE), { maxOutputLength: Math.max(1, uncompressedSize) });
    } catch (error) {
      throw new JdkError('corrupt', this.path, `${locationName(location)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Decodes the attribute stream at `offset` in the locations table into `attributes` (by kind). */
  private readAttributes(offset: number, attributes: number[]): void {
    attributes.fill(0);
    let at = this.locationsStart + offset;
    const end = this.stringsStart;
    while (at < end) {
      const byte = this.index[at]!;
      const kind = byte >>> 3;
      if (kind === ATTRIBUTE_END) return;
      if (kind >= ATTRIBUTE_COUNT) throw new JdkError('corrupt', this.path, `location attribute kind ${kind} at ${at}`);
      const length = (byte & 7) + 1;
      if (at + 1 + length > end) throw new JdkError('corrupt', this.path, `location attribute at ${at} runs past the table`);
      let value = 0;
      for (let i = 1; i <= length; i++) value = value * 256 + this.index[at + i]!;
      attributes[kind] = value;
      at += 1 + length;
    }
  }

  private locationAt(offset: number): JImageLocation {
    const attributes = new Array<number>(ATTRIBUTE_COUNT);
    this.readAttributes(offset, attributes);
    return {
      module: this.string(attributes[ATTRIBUTE_MODULE]!),
      parent: this.string(attributes[ATTRIBUTE_PARENT]!),
      base: this.string(attributes[ATTRIBUTE_BASE]!),
      extension: this.string(attributes[ATTRIBUTE_EXTENSION]!),
      contentOffset: attributes[ATTRIBUTE_OFFSET]!,
      compressedSize: attributes[ATTRIBUTE_COMPRESSED]!,
      uncompressedSize: attributes[ATTRIBUTE_UNCOMPRESSED]!,
    };
  }

  /**
   * The modules that hold each package, from the image's `/packages/<dotted package>` resources
   * (ImageReader: pairs of u4 "is empty" and u4 module name offset), as '/'-separated package names.
   * Only the module attribute of each location is decoded on the way.
   */
  async packageModules(): Promise<Map<string, string[]>> {
    const attributes = new Array<number>(ATTRIBUTE_COUNT);
    const offsetsTable = HEADER_SIZE + this.tableLength * 4;
    const packageLocations: JImageLocation[] = [];
    for (let slot = 0; slot < this.tableLength; slot++) {
      const offset = this.u4(offsetsTable + slot * 4);
      this.readAttributes(offset, attributes);
      if (this.string(attributes[ATTRIBUTE_MODULE]!) === 'packages') packageLocations.push(this.locationAt(offset));
    }
    const contents = await this.readMany(packageLocations);
    const packages = new Map<string, string[]>();
    packageLocations.forEach((location, i) => {
      const content = contents[i]!;
      const modules: string[] = [];
      for (let at = 0; at + 8 <= content.length; at += 8) {
        if (this.readU4(content, at) === 0) modules.push(this.string(this.readU4(content, at + 4)));
      }
      // The package is the whole last name segment: base and extension split it at its last dot.
      const dotted = location.extension === '' ? location.base : `${location.base}.${location.extension}`;
      if (modules.length > 0) packages.set(dotted.replaceAll('.', '/'), modules);
    });
    return packages;
  }

  /** Several small uncompressed resources; one read when they lie close together, as jlink writes them. */
  private async readMany(locations: readonly JImageLocation[]): Promise<Buffer[]> {
    if (locations.length === 0) return [];
    const plain = locations.every((l) => l.compressedSize === 0);
    const start = Math.min(...locations.map((l) => l.contentOffset));
    const end = Math.max(...locations.map((l) => l.contentOffset + l.uncompressedSize));
    if (!plain || end - start > MAX_RESOURCE_BYTES) return Promise.all(locations.map((l) => this.read(l)));
    const span = await readExactly(this.handle, this.path, this.contentStart + start, end - start, this.fileSize);
    return locations.map((l) => span.subarray(l.contentOffset - start, l.contentOffset - start + l.uncompressedSize));
  }

  /** The NUL-terminated string at `offset` in the strings table, decoded once. */
  private string(offset: number): string {
    const known = this.strings.get(offset);
    if (known !== undefined) return known;
    const start = this.stringsStart + offset;
    if (start >= this.contentStart) throw new JdkError('corrupt', this.path, `string offset ${offset} past the strings table`);
    let end = this.index.indexOf(0, start);
    if (end < 0 || end > this.contentStart) end = this.contentStart;
    const text = decodeModifiedUtf8(this.index, start, end);
    this.strings.set(offset, text);
    return text;
  }

  private u4(at: number): number {
    return this.readU4(this.index, at);
  }

  private s4(at: number): number {
    return this.littleEndian ? this.index.readInt32LE(at) : this.index.readInt32BE(at);
  }

  private readU4(bytes: Buffer, at: number): number {
    return this.littleEndian ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at);
  }
}

/** `/module/parent/base.extension`, leaving out the empty parts (ImageLocation.getFullName). */
export function locationName(location: Pick<JImageLocation, 'module' | 'parent' | 'base' | 'extension'>): string {
  let name = '';
  if (location.module !== '') name += `/${location.module}/`;
  if (location.parent !== '') name += `${location.parent}/`;
  name += location.base;
  if (location.extension !== '') name += `.${location.extension}`;
  return name;
}

async function readExactly(handle: FileHandle, path: string, position: number, length: number, fileSize: number): Promise<Buffer> {
  if (position + length > fileSize) throw new JdkError('truncated', path, `needs bytes up to ${position + length}, the file has ${fileSize}`);
  const bytes = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(bytes, filled, length - filled, position + filled);
    if (bytesRead === 0) throw new JdkError('truncated', path, `the file ends at ${position + filled}`);
    filled += bytesRead;
  }
  return bytes;
}
