import { readFileSync, statSync, type Stats } from 'node:fs';
import { parsePom } from '../pom/parsePom';
import type { RawPom } from '../pom/rawPom';
import type { TextRange } from '../pom/xmlTree';
import type { ModelProblem } from './modelTypes';
import type { ParsedPomStore } from './parsedPomStore';
import { readSmallText } from './smallTextRead';

export type PomFileRead =
  | { ok: true; pom: RawPom }
  | { ok: false; reason: 'missing' | 'unreadable' | 'malformed'; problem: ModelProblem };

/** A limit well above any real pom (the largest known are a few MB), so a hostile file cannot exhaust memory. */
const maxPomBytes = 32 * 1024 * 1024;

/** Offsets of line starts, so that many positions in one large pom are found by binary search. */
class LineIndex {
  constructor(readonly starts: readonly number[]) {}

  static of(text: string): LineIndex {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return new LineIndex(starts);
  }

  positionOf(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}

/** The stats of `path` following symlinks; undefined when nothing is there or it cannot be reached (as pathKind). */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Reads and parses each pom file once, and places problems in them by line and column. */
export class PomFileCache {
  private readonly reads = new Map<string, PomFileRead>();
  private readonly lineIndexes = new Map<string, LineIndex>();
  private store: ParsedPomStore | undefined;

  /**
   * @param overlays texts to use instead of the files at these absolute paths (editors' unsaved contents)
   * @param onRead told of every path asked for, read before or not (what a model was built from)
   */
  constructor(
    private readonly overlays: ReadonlyMap<string, string> = new Map(),
    private readonly onRead?: (pomPath: string) => void,
  ) {}

  /** Whether the pom at this path is read from an overlay text rather than the file. */
  hasOverlay(pomPath: string): boolean {
    return this.overlays.has(pomPath);
  }

  /**
   * Keeps parsed pom files in `store` across runs (keyed by path, size and modification time); texts
   * given as overlays are always parsed.
   */
  useStore(store: ParsedPomStore | undefined): void {
    this.store = store;
  }

  read(pomPath: string): PomFileRead {
    this.onRead?.(pomPath);
    const known = this.reads.get(pomPath);
    if (known) return known;
    const read = this.readUncached(pomPath);
    this.reads.set(pomPath, read);
    return read;
  }

  /** A problem in `pomPath`, at `range` when given, with its 1-based line and column. */
  problem(severity: ModelProblem['severity'], code: string, message: string, pomPath: string, range?: TextRange): ModelProblem {
    const position = range ? this.lineIndexes.get(pomPath)?.positionOf(range.start) : undefined;
    return { severity, code, message, pomPath, range, line: position?.line, column: position?.column };
  }

  private readUncached(pomPath: string): PomFileRead {
    const overlay = this.overlays.get(pomPath);
    return overlay !== undefined ? this.parse(pomPath, overlay) : this.readFile(pomPath);
  }

  private readFile(pomPath: string): PomFileRead {
    // Without a store, neither size nor time is needed when all goes well: the pom is read at once, and a
    // failed or refused read takes the stat-based path below, which finds and words the cause.
    const quick = this.store === undefined ? readSmallText(pomPath, maxPomBytes) : undefined;
    if (quick !== undefined) return this.parse(pomPath, quick);
    let text: string;
    let stats: Stats;
    try {
      // One stat answers both "is there a regular file" and "how large, how recent": a resolution reads
      // hundreds of poms, and each file-system call counts.
      const found = statOrUndefined(pomPath);
      if (found === undefined || !found.isFile()) {
        return { ok: false, reason: 'missing', problem: this.problem('error', 'pom-missing', `${pomPath} does not exist.`, pomPath) };
      }
      stats = found;
      if (stats.size > maxPomBytes) {
        const message = `${pomPath} is ${stats.size} bytes; poms over ${maxPomBytes} bytes are not read.`;
        return { ok: false, reason: 'unreadable', problem: this.problem('error', 'pom-too-large', message, pomPath) };
      }
      const stored = this.store?.get(pomPath, stats.size, stats.mtimeMs);
      if (stored !== undefined) {
        this.lineIndexes.set(pomPath, new LineIndex(stored.lineStarts));
        return { ok: true, pom: stored.pom };
      }
      text = readFileSync(pomPath, 'utf8');
    } catch (cause) {
      const message = `${pomPath} cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`;
      return { ok: false, reason: 'unreadable', problem: this.problem('error', 'pom-unreadable', message, pomPath) };
    }
    const read = this.parse(pomPath, text);
    // Only well-formed poms are kept: a malformed one is rare and its problem needs the text.
    if (read.ok) this.store?.put(pomPath, stats.size, stats.mtimeMs, { pom: read.pom, lineStarts: this.lineIndexes.get(pomPath)!.starts });
    return read;
  }

  private parse(pomPath: string, text: string): PomFileRead {
    const parsed = parsePom(text);
    if (!parsed.ok) {
      const { message, line, column, offset } = parsed.error;
      const problem: ModelProblem = {
        severity: 'error',
        code: 'pom-malformed',
        message: `Non-parseable POM ${pomPath}: ${message} (line ${line}, column ${column})`,
        pomPath,
        range: { start: offset, end: offset },
        line,
        column,
      };
      return { ok: false, reason: 'malformed', problem };
    }
    this.lineIndexes.set(pomPath, LineIndex.of(text));
    return { ok: true, pom: parsed.pom };
  }
}
