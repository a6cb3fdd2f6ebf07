import { closeSync, constants, openSync, readSync } from 'node:fs';

/** Most poms fit in this; one buffer serves every read (a resolution reads hundreds of poms in a row). */
let sharedBuffer = Buffer.allocUnsafe(64 * 1024);

// Non-blocking, so that opening or reading a FIFO never waits for a writer (the flag is 0 where it does not exist).
const readFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The UTF-8 text of a file of 1 to `maxBytes` bytes, read without a stat: open, read, close. Undefined when
 * anything else is there (nothing, an empty file, a directory, a FIFO no one writes to, a larger file) or any
 * call fails: the caller then asks why through its slower, stat-based path, which words every case as before.
 * A stat builds a Stats object with four Dates per file, as much as the read itself costs for a small pom. What
 * a FIFO's writer has written when it is read is taken as its text (a pom cut short is then not well-formed).
 */
export function readSmallText(path: string, maxBytes: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, readFlags);
  } catch {
    return undefined;
  }
  try {
    let buffer = sharedBuffer;
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return undefined;
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const wanted = buffer.length - length;
      const count = readSync(fd, buffer, length, wanted, null);
      length += count;
      // A regular file's read comes back short only at its end: most poms then take one read, not two.
      if (count < wanted) break;
    }
    if (length === 0 || length > maxBytes) return undefined;
    if (buffer.length > sharedBuffer.length && buffer.length <= 1024 * 1024) sharedBuffer = buffer;
    return buffer.toString('utf8', 0, length);
  } catch {
    return undefined;
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a descriptor only read from does not fail in practice; nothing to undo if it does.
    }
  }
}
