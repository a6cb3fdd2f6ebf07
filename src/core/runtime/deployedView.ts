import type { ScopeView } from '../analysis/moduleContext';
import { dottedName } from '../analysis/classSummary';
import type { PreparedRuntime } from './preparedRuntime';
import { runtimeLoadsFirst } from './runtimeDefinition';

/** The classes of a deployed job: its runtime classpath, then the runtime's jars, ordered as the runtime loads them. */
export interface DeployedView extends ScopeView {
  /** Elements below this index are the job's (its runtime classpath); the others the runtime's jars, in order. */
  readonly jobCount: number;
  readonly runtime: PreparedRuntime;
}

/**
 * The class space of a job deployed into a runtime, as a ScopeView whose `definers` list, per class, the
 * copy that loads first: under parent-first loading (Java's delegation model) the runtime's copies come
 * before the job's; under child-first loading (Flink's ChildFirstClassLoader, Spark's userClassPathFirst)
 * the job's come first, except for classes matching a parent-first pattern, which the runtime loads. The
 * checks that follow the first definer (loadedClasses, linkageFactsOf) then see what the runtime runs.
 * The job's view is its runtime classpath, which already leaves out `provided` (and test and system)
 * dependencies, as the jar it deploys does not carry them.
 */
export function deployedView(job: ScopeView, runtime: PreparedRuntime): DeployedView {
  const jobCount = job.elements.length;
  const elements = [
    ...job.elements,
    ...runtime.jars.map(({ file, indexed }) => ({ element: { file, exists: true, node: undefined, nodePath: [] }, indexed })),
  ];
  const definers = new Map<string, number[]>();
  for (const [className, indices] of job.definers) definers.set(className, [...indices]);
  runtime.jars.forEach(({ indexed }, offset) => {
    for (const className of indexed.classes.keys()) {
      const list = definers.get(className);
      if (list === undefined) definers.set(className, [jobCount + offset]);
      else list.push(jobCount + offset);
    }
  });
  for (const [className, list] of definers) {
    if (list.length < 2 || list[0]! >= jobCount || list[list.length - 1]! < jobCount) continue;
    if (runtimeLoadsFirst(runtime.definition, dottedName(className))) definers.set(className, [...list.filter((index) => index >= jobCount), ...list.filter((index) => index < jobCount)]);
  }
  return { scope: job.scope, elements, definers, jobCount, runtime };
}
