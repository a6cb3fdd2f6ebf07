// The editor's one analysis (plain Node, no vscode), run in the analysis worker: findings for the pom
// diagnostics, and the latest sessions and classpaths kept for Explain and Find Class, so that answering
// them resolves and indexes nothing again.
import { ClasspathIndexer } from '../../core/analysis/classpathIndexer';
import { defaultCacheDir } from '../../core/cache/jarIndexCache';
import type { FailureExplanation } from '../../core/explain/explainFailure';
import type { ParsedFailure } from '../../core/explain/parseThrowable';
import { explainReactors } from '../explain/explainReactors';
import { analyseReactors, type AnalysedReactor, type AnalysisReply, type AnalysisRequest } from './analyseReactors';
import { KeptResources } from './keptResources';

/** The cache folder is written after this long without a new run. */
const FLUSH_IDLE_MS = 3_000;

/** Explain was asked before any analysis finished. */
export class NotAnalysedError extends Error {
  constructor() {
    super('The workspace has not been analysed yet');
    this.name = 'NotAnalysedError';
  }
}

/**
 * Runs analyses with resources kept between runs (see KeptResources) and keeps the latest finished run's
 * sessions and analysed modules. Writing the cache folder waits until a run has replied.
 */
export class BackgroundAnalysis {
  private readonly kept: KeptResources;
  private latest: { readonly analysed: readonly AnalysedReactor[]; readonly pomTexts: ReadonlyMap<string, string> } | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private repositoryGeneration: number | undefined;
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(cacheDir: string = defaultCacheDir(process.env)) {
    this.kept = new KeptResources(cacheDir);
  }

  /** Starts the class-parse workers and reads the default JDK before the first run needs them. */
  warmUp(): void {
    this.kept.warmUp(undefined, process.env);
  }

  /**
   * Analyses the request. A reactor analysed for the first time (a cold open parses every class) first gets
   * the findings of the checks that parse no class, through `partial`, then the full reply.
   */
  async run(request: AnalysisRequest, signal: AbortSignal, partial?: (reply: AnalysisReply) => void): Promise<AnalysisReply> {
    clearTimeout(this.flushTimer);
    if (request.repositoryGeneration !== this.repositoryGeneration) {
      this.kept.forgetRepositoryAnswers();
      this.repositoryGeneration = request.repositoryGeneration;
    }
    const known = new Set(this.latest?.analysed.map((analysed) => analysed.reactor.pomPath));
    const firstAnswer = partial !== undefined && request.reactors.some((reactor) => !known.has(reactor.pomPath)) ? partial : undefined;
    this.kept.takeReuse();
    const analyses = await analyseReactors(request, signal, this.kept, firstAnswer);
    const { analysed } = analyses;
    const reply = { ...analyses.reply, reuse: this.kept.takeReuse() };
    this.latest = { analysed, pomTexts: new Map(request.pomTexts) };
    this.flushWhenIdle();
    return reply;
  }

  /** Explains failures against the latest finished analysis. */
  async explain(failures: readonly ParsedFailure[], signal: AbortSignal): Promise<FailureExplanation[]> {
    const latest = this.latest;
    if (latest === undefined) throw new NotAnalysedError();
    const javaHome = latest.analysed[0]?.reactor.javaHome;
    const platform = await this.kept.platform(javaHome, process.env);
    const indexer = new ClasspathIndexer({ cache: this.kept.cache, pool: this.kept.pool, javaRelease: platform.release });
    return explainReactors(latest.analysed, indexer, latest.pomTexts, failures, signal);
  }

  /**
   * Writes the cache folder once no run has started for a while: writing a cold run's jar indexes and
   * class summaries takes CPU that the analysis of the next edit needs more.
   */
  private flushWhenIdle(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.flushing = this.flushing.then(() => this.kept.flush()).catch(() => undefined);
    }, FLUSH_IDLE_MS);
    this.flushTimer.unref();
  }

  async close(): Promise<void> {
    clearTimeout(this.flushTimer);
    await this.flushing;
    await this.kept.close();
  }
}
