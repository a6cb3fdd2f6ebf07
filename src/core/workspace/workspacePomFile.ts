import { readFile } from 'node:fs/promises';
import { parsePom } from '../pom/parsePom';
import type { RawPom } from '../pom/rawPom';
import type { XmlSyntaxError } from '../pom/xmlTree';

/** A pom.xml of the workspace: parsed, not well-formed (with the XML error), or not readable at all. */
export type WorkspacePomFile =
  | { readonly path: string; readonly status: 'parsed'; readonly text: string; readonly pom: RawPom }
  | { readonly path: string; readonly status: 'malformed'; readonly text: string; readonly error: XmlSyntaxError }
  | { readonly path: string; readonly status: 'unreadable'; readonly cause: string; readonly errorCode?: string };

/** Parses the text of a pom.xml, e.g. the unsaved contents of an editor. */
export function workspacePomFromText(path: string, text: string): WorkspacePomFile {
  const result = parsePom(text);
  return result.ok
    ? { path, status: 'parsed', text, pom: result.pom }
    : { path, status: 'malformed', text, error: result.error };
}

/** Reads the file's text; a file that cannot be read gives the cause (and Node's error code) instead of throwing. */
export async function readPomText(path: string, signal?: AbortSignal): Promise<{ text: string } | { cause: string; errorCode?: string }> {
  try {
    return { text: await readFile(path, { encoding: 'utf8', signal }) };
  } catch (error) {
    if (signal?.aborted) throw error;
    const errorCode = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    if (errorCode === 'EISDIR') return { cause: 'pom.xml is a directory, not a file', errorCode };
    return { cause: error instanceof Error ? error.message : String(error), errorCode };
  }
}

/** Reads and parses a pom.xml; never throws except when `signal` aborts. */
export async function readWorkspacePom(path: string, signal?: AbortSignal): Promise<WorkspacePomFile> {
  const read = await readPomText(path, signal);
  return 'text' in read ? workspacePomFromText(path, read.text) : { path, status: 'unreadable', ...read };
}
