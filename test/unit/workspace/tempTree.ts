import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A fresh folder under the system temp dir; `remove()` deletes it. */
export function makeTempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `jarscope-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes `files` (relative path -> text) below `root`, creating folders as needed. */
export function writeTree(root: string, files: Readonly<Record<string, string>>): void {
  for (const [relative, text] of Object.entries(files)) {
    const path = join(root, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

/** A minimal pom.xml; `modules` makes it an aggregator. */
export function pomText(artifactId: string, options: { parent?: string; modules?: readonly string[] } = {}): string {
  const parent = options.parent
    ? `<parent><groupId>org.example</groupId><artifactId>${options.parent}</artifactId><version>1.0</version></parent>`
    : '<groupId>org.example</groupId><version>1.0</version>';
  const modules = options.modules
    ? `<packaging>pom</packaging><modules>${options.modules.map((m) => `<module>${m}</module>`).join('')}</modules>`
    : '';
  return `<project><modelVersion>4.0.0</modelVersion>${parent}<artifactId>${artifactId}</artifactId>${modules}</project>\n`;
}
