// Explaining as plain Node (no vscode): opens each reactor as the findings analysis does and explains the
// failures against its analysed classpaths.
import { analyzeModules } from '../../core/analysis/analyzeModules';
import { defaultCacheDir } from '../../core/cache/jarIndexCache';
import { explainFailures, type FailureExplanation } from '../../core/explain/explainFailure';
import { openExplainIndexer } from '../../core/explain/explainIndexer';
import type { ParsedFailure } from '../../core/explain/parseThrowable';
import { openReactorSession, type ReactorRequest } from '../findings/analyseReactors';

/**
 * Explains `failures` in every reactor and merges the answers per failure: each class lists the modules
 * of all reactors, and the repository versions found in any of them. Jar indexes come from the persistent
 * cache the findings analysis filled, so a warm workspace reads no jar again.
 */
export async function explainReactors(
  reactors: readonly ReactorRequest[],
  pomTexts: ReadonlyMap<string, string>,
  failures: readonly ParsedFailure[],
  signal: AbortSignal,
): Promise<FailureExplanation[]> {
  const perReactor: FailureExplanation[][] = [];
  for (const reactor of reactors) {
    signal.throwIfAborted();
    const session = openReactorSession(reactor, pomTexts);
    const analysis = await analyzeModules(session, session.reactor.modules, { scopes: reactor.scopes, javaHome: reactor.javaHome, ignore: reactor.ignore, pomTexts, signal });
    const opened = openExplainIndexer(defaultCacheDir(process.env));
    try {
      perReactor.push(await explainFailures({ session, modules: analysis.modules, indexer: opened.indexer, pomTexts, signal }, failures));
    } finally {
      await opened.close();
    }
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
