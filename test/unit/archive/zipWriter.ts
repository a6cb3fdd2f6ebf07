// A small zip writer for test archives (APPNOTE.TXT 4.3-4.5): stored or deflated entries with one
// fixed timestamp (so the same input always gives the same bytes), optionally zip64 records on every
// entry, the "traditional encryption" flag, or a declared size that lies. Used by
// scripts/fixtures/buildClassFixtures.mjs for the committed jars and by tests for the big ones.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  readonly name: string;
  readonly data: Buffer;
  readonly method?: 'stored' | 'deflated';
  /** Sets general purpose bit 0 and prefixes a 12-byte (fake) encryption header. */
  readonly encrypted?: boolean;
  /** Writes this uncompressed size instead of the real one. */
  readonly declaredSize?: number;
}

export interface ZipOptions {
  /** Writes zip64 extra fields and the zip64 end records even where sizes are small. */
  readonly zip64?: boolean;
}

// 1980-01-01 00:00:00, the earliest MS-DOS date a zip entry can hold.
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const ZIP64_MARKER = 0xffffffff;
const UTF8_NAMES = 0x0800;

/** The bytes of a zip archive holding `entries` in order. */
export function writeZip(entries: readonly ZipEntrySpec[], options: ZipOptions = {}): Buffer {
  const zip64 = options.zip64 === true;
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = entry.method === 'deflated';
    let payload = deflated ? deflateRawSync(entry.data) : entry.data;
    if (entry.encrypted) payload = Buffer.concat([Buffer.alloc(12, 0xa5), payload]);
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const flags = UTF8_NAMES | (entry.encrypted ? 1 : 0);
    const method = deflated ? 8 : 0;
    const localExtra = zip64 ? zip64Extra([size, payload.length]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? ZIP64_MARKER : payload.length, 18);
    local.writeUInt32LE(zip64 ? ZIP64_MARKER : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const centralExtra = zip64 ? zip64Extra([size, payload.length, offset]) : Buffer.alloc(0);
    const central = centralHeader({ flags, method, crc, compressedSize: payload.length, size, offset, nameLength: name.length, extraLength: centralExtra.length, zip64 });
    parts.push(local, name, localExtra, payload);
    centrals.push(central, name, centralExtra);
    offset += local.length + name.length + localExtra.length + payload.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  return Buffer.concat([...parts, ...centrals, ...endRecords(entries.length, centralSize, offset, zip64)]);
}

/**
 * An archive whose central directory lists `count` entries that all point at one small stored
 * entry: the shape of a zip with a huge entry count, at 47 bytes per entry. Past 65,535 entries the
 * end records are zip64 unless `zip64` is false: then the 16-bit count wraps, as old writers did.
 */
export function manyEntriesZip(count: number, zip64 = count > 0xffff): Buffer {
  const name = Buffer.from('a');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt16LE(1, 26);
  const record = Buffer.concat([
    centralHeader({ flags: 0, method: 0, crc: 0, compressedSize: 0, size: 0, offset: 0, nameLength: 1, extraLength: 0, zip64: false }),
    name,
  ]);
  const central = Buffer.alloc(record.length * count);
  for (let i = 0; i < count; i++) record.copy(central, i * record.length);
  const centralOffset = local.length + name.length;
  return Buffer.concat([local, name, central, ...endRecords(count, central.length, centralOffset, zip64)]);
}

interface CentralFields {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  nameLength: number;
  extraLength: number;
  zip64: boolean;
}

function centralHeader(fields: CentralFields): Buffer {
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(fields.zip64 ? 45 : 20, 4);
  central.writeUInt16LE(fields.zip64 ? 45 : 20, 6);
  central.writeUInt16LE(fields.flags, 8);
  central.writeUInt16LE(fields.method, 10);
  central.writeUInt16LE(DOS_DATE, 14);
  central.writeUInt32LE(fields.crc, 16);
  central.writeUInt32LE(fields.zip64 ? ZIP64_MARKER : fields.compressedSize, 20);
  central.writeUInt32LE(fields.zip64 ? ZIP64_MARKER : fields.size, 24);
  central.writeUInt16LE(fields.nameLength, 28);
  central.writeUInt16LE(fields.extraLength, 30);
  central.writeUInt32LE(fields.zip64 ? ZIP64_MARKER : fields.offset, 42);
  return central;
}

/** Zip64 extended information extra field (APPNOTE 4.5.3): the listed 8-byte values in order. */
function zip64Extra(values: readonly number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, i) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * i));
  return extra;
}

/** End of central directory record, preceded by the zip64 record and locator when asked. */
function endRecords(count: number, centralSize: number, centralOffset: number, zip64: boolean): Buffer[] {
  const records: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(centralSize), 40);
    record.writeBigUInt64LE(BigInt(centralOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(centralOffset + centralSize), 8);
    locator.writeUInt32LE(1, 16);
    records.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : count & 0xffff, 8);
  end.writeUInt16LE(zip64 ? 0xffff : count & 0xffff, 10);
  end.writeUInt32LE(zip64 ? ZIP64_MARKER : centralSize, 12);
  end.writeUInt32LE(zip64 ? ZIP64_MARKER : centralOffset, 16);
  return [...records, end];
}
