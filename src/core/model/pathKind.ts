import { statSync } from 'node:fs';

/**
 * What is at a path, following symlinks, without ever throwing: a path through a regular file (ENOTDIR), a
 * dangling link, a loop (ELOOP) or a folder without permission (EACCES) is simply not there.
 */
export function pathKind(path: string): 'file' | 'directory' | 'other' | 'missing' {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return 'missing';
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}
