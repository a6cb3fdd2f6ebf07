import { resolve } from 'node:path';
import { defaultCacheDir, JarIndexCache } from '../core/cache/jarIndexCache';
import { compareJarFolders } from '../core/folders/compareFolders';
import { folderProblem } from '../core/folders/findJarFolders';
import { folderComparisonJson, folderComparisonText } from '../core/folders/folderComparisonText';
import { readJarFolder } from '../core/folders/jarFolder';
import type { CommandOutput } from './commands';

export const compareDirsUsage = `Usage: jarscope compare-dirs A B [--format text|json]

Compares two jar folders by artifact (from META-INF/maven/**/pom.properties, else the file name):
what was added, removed, upgraded, downgraded, or changed in content at the same version.
Exit codes: 0 compared (whatever the differences), 2 bad usage or a folder that does not exist.
`;

type CompareDirsArguments = { ok: true; folders: [string, string]; format: 'text' | 'json'; help: boolean } | { ok: false; message: string };

function parseCompareDirsArguments(args: readonly string[]): CompareDirsArguments {
  const folders: string[] = [];
  let format: 'text' | 'json' = 'text';
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json') return { ok: false, message: `--format must be text or json, not "${value ?? ''}"` };
      format = value;
    } else if (arg.startsWith('-')) return { ok: false, message: `unknown option "${arg}"` };
    else folders.push(arg);
  }
  if (help) return { ok: true, folders: ['.', '.'], format, help };
  if (folders.length !== 2) return { ok: false, message: `compare-dirs takes two folders, not ${folders.length}` };
  return { ok: true, folders: [folders[0]!, folders[1]!], format, help };
}

/**
 * `jarscope compare-dirs A B`: what changed from jar folder A to jar folder B, by artifact. Jars that
 * cannot be read are named on stderr and left out; a folder that does not exist is a usage error.
 */
export async function runCompareDirs(args: readonly string[]): Promise<CommandOutput> {
  const parsed = parseCompareDirsArguments(args);
  if (!parsed.ok) return { exitCode: 2, stdout: '', stderr: `jarscope: error: ${parsed.message}\n\n${compareDirsUsage}` };
  if (parsed.help) return { exitCode: 0, stdout: compareDirsUsage, stderr: '' };
  const [before, after] = parsed.folders.map((folder) => resolve(folder)) as [string, string];
  for (const folder of [before, after]) {
    const problem = await folderProblem(folder);
    if (problem !== undefined) return { exitCode: 2, stdout: '', stderr: `jarscope: error: folder ${folder} ${problem}\n` };
  }
  const cache = new JarIndexCache(defaultCacheDir(process.env));
  const folders = [await readJarFolder(before, { cache }), await readJarFolder(after, { cache })] as const;
  await cache.flush();
  const problems = folders.flatMap((folder) => folder.problems.map((problem) => problem.message));
  const comparison = compareJarFolders(folders[0], folders[1]);
  const stdout = parsed.format === 'json' ? folderComparisonJson(comparison, problems) : folderComparisonText(comparison, process.cwd());
  return { exitCode: 0, stdout, stderr: problems.map((problem) => `jarscope: warning: ${problem}\n`).join('') };
}
