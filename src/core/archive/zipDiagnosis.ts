import type { CachedFileReader } from './cachedFileReader';
import { ArchiveError } from './archiveError';

const LOCAL_FILE_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
// The end record (22 bytes) plus the longest comment it may carry (APPNOTE 4.3.16).
const END_RECORD_SEARCH_BYTES = 22 + 0xffff;

/**
 * Names why yauzl could not open a file as a zip, from the file's bytes rather than the error's
 * text: no zip signature at all is not a zip; a local header at the start but no end record is a
 * jar cut short; anything else is a damaged central directory.
 */
export async function diagnoseUnopenableZip(reader: CachedFileReader, cause: unknown): Promise<ArchiveError> {
  if (cause instanceof ArchiveError) return cause;
  const detail = cause instanceof Error ? cause.message : String(cause);
  const { path, size } = reader;
  if (size < 4) return new ArchiveError('not-a-zip', path, `only ${size} bytes`);
  const head = await reader.readAt(0, 4);
  const tailLength = Math.min(size, END_RECORD_SEARCH_BYTES);
  const hasEndRecord = (await reader.readAt(size - tailLength, tailLength)).includes(END_OF_CENTRAL_DIRECTORY);
  if (!head.equals(LOCAL_FILE_HEADER) && !head.equals(END_OF_CENTRAL_DIRECTORY) && !hasEndRecord) {
    return new ArchiveError('not-a-zip', path, 'no zip signature: not a jar');
  }
  if (!hasEndRecord) return new ArchiveError('truncated', path, 'no end of central directory record: the file was cut short');
  return new ArchiveError('corrupt', path, detail);
}
