import { mapFewAtATime } from '../async/mapFewAtATime';
import { readPomText, workspacePomFromText, type WorkspacePomFile } from './workspacePomFile';

export interface ReadWorkspacePomsOptions {
  /** Text that wins over the file on disk, e.g. an editor's unsaved contents. */
  readonly textOf?: (path: string) => string | undefined;
  /** Results of an earlier read: a pom whose text did not change is not parsed again. */
  readonly previous?: ReadonlyMap<string, WorkspacePomFile>;
  readonly signal?: AbortSignal;
}

/** Files read at the same time: the libuv pool has four threads; more only queue. */
const PARALLEL_READS = 8;

/** Parses `text` unless `previous` already holds the result for exactly this text. */
export function reparseIfChanged(path: string, text: string, previous?: WorkspacePomFile): WorkspacePomFile {
  return previous && previous.status !== 'unreadable' && previous.text === text ? previous : workspacePomFromText(path, text);
}

async function readOne(path: string, options: ReadWorkspacePomsOptions): Promise<WorkspacePomFile> {
  const previous = options.previous?.get(path);
  const override = options.textOf?.(path);
  if (override !== undefined) return reparseIfChanged(path, override, previous);
  const read = await readPomText(path, options.signal);
  return 'text' in read ? reparseIfChanged(path, read.text, previous) : { path, status: 'unreadable', ...read };
}

/**
 * Reads and parses many poms, a few files at a time; each parse is short, so the event loop gets a turn
 * between files. A file that cannot be read is returned as `unreadable`; only an abort throws.
 */
export async function readWorkspacePoms(paths: readonly string[], options: ReadWorkspacePomsOptions = {}): Promise<WorkspacePomFile[]> {
  const results = await mapFewAtATime(paths, PARALLEL_READS, (path) => {
    options.signal?.throwIfAborted();
    return readOne(path, options);
  });
  options.signal?.throwIfAborted();
  return results;
}
