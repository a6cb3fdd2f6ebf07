/** A pom as the editor or the CLI holds it: fixes are computed on exactly this text. */
export interface PomDocument {
  readonly path: string;
  readonly text: string;
}

/** How a file lays out its lines, so that inserted XML looks as if the file's author wrote it. */
export interface TextLayout {
  /** One level of indentation: a tab or a run of spaces. */
  readonly indentUnit: string;
  /** `\r\n` when the file uses it, else `\n`. */
  readonly newline: string;
}

function mostFrequent(counts: ReadonlyMap<number, number>): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Detects the indentation unit and newline style of a file: tabs when most indented lines start with
 * one, else the most frequent step between the indentation of consecutive lines (2 when nothing is indented).
 */
export function detectLayout(text: string): TextLayout {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  let tabLines = 0;
  let spaceLines = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (indent.startsWith('\t')) tabLines++;
    else if (indent.length > 0) spaceLines++;
    const width = indent.length;
    if (!indent.includes('\t') && width > previous) steps.set(width - previous, (steps.get(width - previous) ?? 0) + 1);
    previous = indent.includes('\t') ? previous : width;
  }
  if (tabLines > spaceLines) return { indentUnit: '\t', newline };
  return { indentUnit: ' '.repeat(mostFrequent(steps) ?? 2), newline };
}
