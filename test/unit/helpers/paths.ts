import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'src', 'core'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The repository root, found from the compiled test's location. */
export const repoRoot = findRepoRoot(__dirname);

/** A path under test/fixtures. */
export function fixturePath(...segments: string[]): string {
  return join(repoRoot, 'test', 'fixtures', ...segments);
}
