import { elementCandidateArtifacts } from './absence';
import type { LinkageServices, MissingReferences } from './linkageServices';
import type { ModuleContext, ScopeView } from './moduleContext';

/** Starts look-ups as elements are parsed (see lookAheadForMissingClasses); `done` waits for those started. */
export interface MissingClassLookAhead {
  readonly elementParsed: (elementIndex: number, missing: MissingReferences) => void;
  readonly done: () => Promise<void>;
}

/**
 * While the other elements of a classpath are still being parsed, looks in the local repository for the
 * classes that an element's loaded classes reference and that neither the classpath nor the JDK defines:
 * the jars the missing-class check will read to explain them (see RepositoryClassIndex.providersOf) are
 * then read already, in time the run would otherwise spend waiting for the parse. Only for elements whose
 * classes this run parses; one element's look-ups at a time, one class after another: they only fill the
 * index's memory.
 */
export function lookAheadForMissingClasses(context: ModuleContext, view: ScopeView, services: LinkageServices, signal: AbortSignal | undefined): MissingClassLookAhead {
  let chain = Promise.resolve();
  const elementParsed = (elementIndex: number, missingReferences: MissingReferences): void => {
    const { element, indexed } = view.elements[elementIndex]!;
    // Classes all found in the cache come at once: there is no parse to overlap, only work to repeat.
    if (!services.indexer.parsedClassesOf(indexed)) return;
    const artifact = element.node?.artifact;
    if (artifact !== undefined && context.ignore.ignoresArtifact(artifact.groupId, artifact.artifactId)) return;
    const missing = new Set<string>();
    for (const names of missingReferences.values()) for (const name of names) missing.add(name);
    if (missing.size === 0) return;
    const candidates = elementCandidateArtifacts(context, element);
    chain = chain
      .then(async () => {
        for (const className of missing) {
          if (signal?.aborted === true) return;
          if (!context.ignore.ignoresClass(className)) await services.repositoryIndex.providersOf(className, candidates, signal);
        }
      })
      // The check itself looks again and reports what goes wrong; this only reads ahead.
      .catch(() => undefined);
  };
  return { elementParsed, done: () => chain };
}
