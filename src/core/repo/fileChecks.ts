import { statSync } from 'node:fs';

/** Whether `path` is a regular file, following symlinks; false for a directory, a dangling link or no access. */
export function isRegularFile(path: string): boolean {
  try {
    // A missing path is the common case (mvn looked up along PATH): no exception for it.
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** The message of a caught file-system error, for a problem that names the file. */
export function errorMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
