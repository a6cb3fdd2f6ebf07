/** Why a jar, a classpath directory or one of their entries could not be read. */
export type ArchiveErrorReason =
  | 'missing'
  | 'unreadable'
  | 'symlink-loop'
  | 'not-a-zip'
  | 'truncated'
  | 'corrupt'
  | 'too-many-entries'
  | 'too-deep'
  | 'entry-too-large'
  | 'entry-not-found'
  | 'encrypted'
  | 'unsupported-compression';

/**
 * A typed failure to read a classpath entry: `reason` is what callers branch on, `path` the jar or
 * directory, `entryName` the entry inside it when one entry is at fault.
 */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';

  constructor(
    readonly reason: ArchiveErrorReason,
    readonly path: string,
    detail: string,
    readonly entryName?: string,
  ) {
    super(`${path}${entryName === undefined ? '' : `!/${entryName}`}: ${detail}`);
  }
}

/** The ArchiveError for a failed file-system call on `path`, by its errno code. */
export function archiveErrorFromFs(error: unknown, path: string, entryName?: string): ArchiveError {
  if (error instanceof ArchiveError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ENOENT':
      return new ArchiveError('missing', path, 'no such file', entryName);
    case 'ELOOP':
      return new ArchiveError('symlink-loop', path, 'too many levels of symbolic links', entryName);
    default:
      return new ArchiveError('unreadable', path, detail, entryName);
  }
}
