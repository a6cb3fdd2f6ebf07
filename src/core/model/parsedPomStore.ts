import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RawPom } from '../pom/rawPom';

// Bumped whenever RawPom's shape or the parser's output changes: a file of another format is ignored.
const STORE_FORMAT = 4;

/** A pom as parsed earlier, with the offsets of its line starts (to place problems without the text). */
export interface StoredPom {
  readonly pom: RawPom;
  readonly lineStarts: readonly number[];
}

type StoredRecord = [path: string, size: number, mtimeMs: number, pom: RawPom, lineStarts: number[]];

interface StoreFile {
  format: number;
  poms: StoredRecord[];
}

/**
 * Parsed poms kept across runs in one JSON file, each valid only while its path, size and modification
 * time are unchanged: a Debian or Maven repository's parent chains are parsed once, not on every run
 * (parsing is most of the time a run spends building models). The file is read once, on first use; a
 * damaged or unreadable file, or one of another format, is ignored and rewritten. Writing is best effort.
 */
export class ParsedPomStore {
  private records: Map<string, StoredRecord> | undefined;
  private dirty = false;

  constructor(readonly file: string) {}

  /** The pom parsed from `path` when it had this size and modification time. */
  get(path: string, size: number, mtimeMs: number): StoredPom | undefined {
    const record = this.load().get(path);
    if (record === undefined || record[1] !== size || record[2] !== mtimeMs) return undefined;
    return { pom: record[3], lineStarts: record[4] };
  }

  put(path: string, size: number, mtimeMs: number, stored: StoredPom): void {
    this.load().set(path, [path, size, mtimeMs, stored.pom, [...stored.lineStarts]]);
    this.dirty = true;
  }

  /** Writes the file when a pom was added since it was read (atomically: rename over the old one). */
  flush(): void {
    if (!this.dirty || this.records === undefined) return;
    this.dirty = false;
    const content: StoreFile = { format: STORE_FORMAT, poms: [...this.records.values()] };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, this.file);
    } catch {
      // Best effort: a read-only cache folder costs speed, never results.
    }
  }

  private load(): Map<string, StoredRecord> {
    if (this.records !== undefined) return this.records;
    this.records = new Map();
    try {
      const content = JSON.parse(readFileSync(this.file, 'utf8')) as StoreFile;
      if (content.format === STORE_FORMAT && Array.isArray(content.poms)) {
        for (const record of content.poms) if (isRecord(record)) this.records.set(record[0], record);
      }
    } catch {
      // Missing or damaged: start empty.
    }
    return this.records;
  }
}

function isRecord(record: unknown): record is StoredRecord {
  return (
    Array.isArray(record) &&
    record.length === 5 &&
    typeof record[0] === 'string' &&
    typeof record[1] === 'number' &&
    typeof record[2] === 'number' &&
    isRawPomShaped(record[3]) &&
    Array.isArray(record[4])
  );
}

/** The lists and ranges every RawPom has: enough to tell a stored pom from damage. */
function isRawPomShaped(value: unknown): value is RawPom {
  if (typeof value !== 'object' || value === null) return false;
  const pom = value as Record<string, unknown>;
  const lists = ['modules', 'properties', 'dependencies', 'dependencyManagement', 'profiles'];
  return lists.every((name) => Array.isArray(pom[name])) && typeof pom.projectRange === 'object' && pom.projectRange !== null;
}
