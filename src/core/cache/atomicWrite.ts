import { rename, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';

/**
 * Writes `content` to `target` through a temporary file and a rename, which is atomic: a reader sees the
 * old file or the new one, never half of one. Best effort: a cache that cannot be written costs speed,
 * never results, so failures are swallowed.
 */
export async function writeFileAtomically(target: string, content: string | Uint8Array): Promise<void> {
  // One temporary file per thread: the editor's analysis worker and its main thread may write one jar's files.
  const temporary = `${target}.${process.pid}-${threadId}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch {
    // See above.
  }
}

/** Writes `content` as JSON (see writeFileAtomically). */
export async function writeJsonAtomically(target: string, content: unknown): Promise<void> {
  await writeFileAtomically(target, JSON.stringify(content));
}
