import { basename, dirname } from 'node:path';
import type { ClasspathIndexer, IndexedEntry } from '../analysis/classpathIndexer';
import { expandLib } from './jarGlob';
import type { RuntimeDefinition } from './runtimeDefinition';

/** A problem with a runtime's jars: the path concerned and what is wrong with it. */
export interface RuntimeProblem {
  readonly path: string;
  readonly message: string;
}

/** One jar of a runtime, indexed with the classpath indexer (so cached like any classpath jar). */
export interface RuntimeJar {
  readonly file: string;
  readonly indexed: IndexedEntry;
}

/** A runtime with its jars found and indexed, in the order its class loader searches them. */
export interface PreparedRuntime {
  readonly definition: RuntimeDefinition;
  readonly jars: readonly RuntimeJar[];
  readonly problems: readonly RuntimeProblem[];
}

/**
 * Finds the jars of every `libs` entry (see expandLib; a jar named twice counts once) and indexes them. A
 * missing or empty folder, a glob that matches nothing, a runtime without libs and a jar that cannot be
 * read are each a problem naming the runtime and the path; the readable jars are still used.
 */
export async function prepareRuntime(definition: RuntimeDefinition, baseDir: string, indexer: ClasspathIndexer, signal?: AbortSignal): Promise<PreparedRuntime> {
  const problems: RuntimeProblem[] = [];
  if (definition.libs.length === 0) problems.push({ path: baseDir, message: `runtime "${definition.name}" names no libs (folders or globs of its jars)` });
  const files: string[] = [];
  for (const lib of definition.libs) {
    const found = expandLib(lib, baseDir);
    if (found.problem !== undefined) problems.push({ path: found.path, message: `runtime "${definition.name}": ${found.problem}` });
    for (const jar of found.jars) if (!files.includes(jar)) files.push(jar);
  }
  const jars: RuntimeJar[] = [];
  for (const file of files) {
    signal?.throwIfAborted();
    const indexed = await indexer.index(file, signal);
    if (indexed.failure !== undefined) {
      const cause = indexed.failure.message.startsWith(`${file}: `) ? indexed.failure.message.slice(file.length + 2) : indexed.failure.message;
      problems.push({ path: file, message: `runtime "${definition.name}": ${file} cannot be read as a jar (${cause}); its classes are not counted` });
    }
    jars.push({ file, indexed });
  }
  return { definition, jars, problems };
}

/** `<runtime>'s lib/x.jar`: the jar with its folder, as a person finds it in the runtime's installation. */
export function runtimeJarName(runtime: RuntimeDefinition, file: string): string {
  return `${runtime.name}'s ${basename(dirname(file))}/${basename(file)}`;
}
