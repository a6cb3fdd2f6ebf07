import { readFileSync } from 'node:fs';
import type { DeclarationSite } from '../model/modelTypes';
import { parsePom } from '../pom/parsePom';
import type { RawPom } from '../pom/rawPom';
import type { TextRange } from '../pom/xmlTree';
import type { SourceLocation } from './finding';

/** A pom's text as analysed: what fixes are computed on and what locations count lines in. */
export interface PomText {
  readonly path: string;
  readonly text: string;
  /** Offsets where each line starts. */
  readonly lineStarts: readonly number[];
  readonly pom: RawPom | undefined;
}

/** Reads each pom once per analysis; editor buffers may be handed in to be used instead of the file. */
export class PomTexts {
  private readonly texts = new Map<string, PomText | undefined>();

  constructor(private readonly overrides: ReadonlyMap<string, string> = new Map()) {}

  get(path: string): PomText | undefined {
    if (this.texts.has(path)) return this.texts.get(path);
    let text = this.overrides.get(path);
    if (text === undefined) {
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        text = undefined;
      }
    }
    const value = text === undefined ? undefined : makePomText(path, text);
    this.texts.set(path, value);
    return value;
  }

  /** The `<dependency>` element of a declaration site, with 1-based line and column of its start. */
  locationOfSite(site: DeclarationSite): SourceLocation {
    return this.location(site.source.pomPath, site.range);
  }

  /** The `<project>` element of a pom (the whole file when it cannot be parsed). */
  projectLocation(pomPath: string): SourceLocation {
    const pom = this.get(pomPath);
    const range = pom?.pom?.projectRange ?? { start: 0, end: pom?.text.length ?? 0 };
    return this.location(pomPath, range);
  }

  location(file: string, range: TextRange): SourceLocation {
    const pom = this.get(file);
    const { line, column } = pom === undefined ? { line: 1, column: 1 } : lineAndColumn(pom.lineStarts, range.start);
    return { file, range, line, column };
  }
}

function makePomText(path: string, text: string): PomText {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const parsed = parsePom(text);
  return { path, text, lineStarts, pom: parsed.ok ? parsed.pom : undefined };
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
export function lineAndColumn(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}
