// Explaining as plain Node (no vscode), in the analysis worker: the failures are explained against the
// sessions and analysed classpaths of the latest background analysis, so nothing is resolved again.
import type { ClasspathIndexer } from '../../core/analysis/classpathIndexer';
import { explainFailures, type FailureExplanation } from '../../core/explain/explainFailure';
import type { ParsedFailure } from '../../core/explain/parseThrowable';
import type { AnalysedReactor } from '../findings/analyseReactors';

/**
 * Explains `failures` in every analysed reactor and merges the answers per failure: each class lists the
 * modules of all reactors, and the repository versions found in any of them.
 */
export async function explainReactors(
  analysed: readonly AnalysedReactor[],
  indexer: ClasspathIndexer,
  pomTexts: ReadonlyMap<string, string>,
  failures: readonly ParsedFailure[],
  signal: AbortSignal,
): Promise<FailureExplanation[]> {
  const perReactor: FailureExplanation[][] = [];
  for (const { session, modules, reactor } of analysed) {
    signal.throwIfAborted();
    perReactor.push(await explainFailures({ session, modules, indexer, pomTexts, runtimes: reactor.runtimes, signal }, failures));
  }
  return failures.map((failure, index) => {
    const answers = perReactor.map((explanations) => explanations[index]!);
    const classNames = [...new Set(answers.flatMap((answer) => answer.classes.map((explained) => explained.className)))];
    return {
      failure,
      classes: classNames.map((className) => {
        const parts = answers.flatMap((answer) => answer.classes.filter((explained) => explained.className === className));
        const repository = new Map(parts.flatMap((part) => part.repository).map((versions) => [`${versions.groupId}:${versions.artifactId}`, versions]));
        return { className, member: parts[0]?.member, repository: [...repository.values()], modules: parts.flatMap((part) => part.modules) };
      }),
    };
  });
}
