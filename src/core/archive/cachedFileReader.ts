import { close, createReadStream, fstat, open, read, stat, type Stats } from 'node:fs';
import type { Readable } from 'node:stream';
import { RandomAccessReader } from 'yauzl';
import { ArchiveError } from './archiveError';

// Reads are served from one block of this size: the central directory and a run of entries read in
// file order then cost one system call per block, not two per entry.
const READ_AHEAD_BYTES = 64 * 1024;

/**
 * yauzl's RandomAccessReader over an open file, with read-ahead: yauzl reads the central
 * directory as two small reads per entry, which against the file itself would be two system calls
 * (and two thread-pool round trips) per entry.
 */
export class CachedFileReader extends RandomAccessReader {
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;

  private closed: Promise<void> | undefined;

  private constructor(
    private readonly fd: number,
    readonly path: string,
    readonly stats: Stats,
  ) {
    super();
  }

  get size(): number {
    return this.stats.size;
  }

  /**
   * Opens `path` for reading. The callback fs API on a plain descriptor: FileHandle's promise
   * machinery cost more than the reads themselves on small jars.
   * @throws the file system's error (ENOENT, ELOOP, EACCES ...) as is.
   */
  static async open(path: string): Promise<CachedFileReader> {
    // Opening a named pipe for reading waits for a writer: refuse anything but a file before opening.
    const before = await new Promise<Stats>((resolve, reject) => stat(path, (error, found) => (error ? reject(error) : resolve(found))));
    if (!before.isFile()) throw new ArchiveError('unreadable', path, before.isDirectory() ? 'a directory, not a jar' : 'not a regular file');
    const fd = await new Promise<number>((resolve, reject) => open(path, 'r', (error, opened) => (error ? reject(error) : resolve(opened))));
    try {
      const stats = await new Promise<Stats>((resolve, reject) => fstat(fd, (error, found) => (error ? reject(error) : resolve(found))));
      return new CachedFileReader(fd, path, stats);
    } catch (error) {
      close(fd);
      throw error;
    }
  }

  /** Closes the file; later calls wait for the same close. */
  closeFile(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => close(this.fd, () => resolve()));
    return this.closed;
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    // A hit in the block answers at once: yauzl's eachEntry already yields between entries.
    const cached = this.cachedRange(position, length);
    if (cached !== undefined) {
      cached.copy(buffer, offset);
      callback(null);
      return;
    }
    this.readAt(position, length).then(
      (bytes) => {
        bytes.copy(buffer, offset);
        callback(null);
      },
      (error: Error) => callback(error),
    );
  }

  private cachedRange(position: number, length: number): Buffer | undefined {
    const start = position - this.blockStart;
    if (start < 0 || start + length > this.block.length) return undefined;
    return this.block.subarray(start, start + length);
  }

  /**
   * Reads the `length` bytes at `position` (cut at the end of the file) into the block in one read:
   * reads inside that range then cost no system call. For a run of many entries in file order.
   */
  async preload(position: number, length: number): Promise<void> {
    const start = Math.max(0, position);
    const end = Math.min(this.size, position + length);
    if (end <= start || (start >= this.blockStart && end <= this.blockStart + this.block.length)) return;
    this.block = await this.readExactly(start, end - start);
    this.blockStart = start;
  }

  /** `length` bytes at `position`; a view into the block when they fit in one. */
  async readAt(position: number, length: number): Promise<Buffer> {
    if (position < 0 || position + length > this.size) {
      throw new ArchiveError('truncated', this.path, `needs bytes ${position}..${position + length}, the file has ${this.size}`);
    }
    const cached = this.cachedRange(position, length);
    if (cached !== undefined) return cached;
    if (length > READ_AHEAD_BYTES) return this.readExactly(position, length);
    this.block = await this.readExactly(position, Math.min(READ_AHEAD_BYTES, this.size - position));
    this.blockStart = position;
    return this.block.subarray(0, length);
  }

  private async readExactly(position: number, length: number): Promise<Buffer> {
    const bytes = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const bytesRead = await new Promise<number>((resolve, reject) =>
        read(this.fd, bytes, filled, length - filled, position + filled, (error, count) => (error ? reject(error) : resolve(count))),
      );
      if (bytesRead === 0) throw new ArchiveError('truncated', this.path, `the file ends at ${position + filled}, before ${position + length}`);
      filled += bytesRead;
    }
    return bytes;
  }

  // yauzl streams entry data through here; this project inflates from readAt instead.
  override _readStreamForRange(start: number, end: number): Readable {
    return createReadStream('', { fd: this.fd, start, end: end - 1, autoClose: false });
  }

  // yauzl's close: the descriptor belongs to the jar that opened it, which closes it with closeFile.
  override close(callback: (err: Error | null) => void): void {
    setImmediate(callback, null);
  }
}
