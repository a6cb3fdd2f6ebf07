import type { Finding } from '../analysis/finding';
import type { ClasspathIndexer } from '../analysis/classpathIndexer';
import type { LinkageServices } from '../analysis/linkageServices';
import type { ModuleContext, ScopeView } from '../analysis/moduleContext';
import type { ReactorModule } from '../workspace/reactor';
import type { PomTexts } from '../analysis/pomTexts';
import { deployedView } from './deployedView';
import { prepareRuntime, type PreparedRuntime } from './preparedRuntime';
import { runtimeCatalog, type RuntimeCatalog } from './runtimeConfig';
import { runtimeMissingMembers } from './runtimeMissingMembers';
import { runtimeOverlaps } from './runtimeOverlap';
import { chooseRuntime, RUNTIME_PROPERTY, type RuntimeOptions } from './runtimeSelection';

/** The runtimes of one analysis run: definitions checked once, each runtime's jars found and indexed once. */
export class RuntimeRun {
  readonly catalog: RuntimeCatalog;
  private readonly prepared = new Map<string, Promise<PreparedRuntime>>();

  constructor(
    private readonly options: RuntimeOptions,
    private readonly baseDir: string,
    private readonly indexer: ClasspathIndexer,
  ) {
    this.catalog = runtimeCatalog(options.definitions, options.source ?? 'jarscope.runtimes');
  }

  /**
   * The runtime a module deploys to (see chooseRuntime), prepared, with a `runtime-problem` finding on the
   * module's `<project>` for an unknown runtime name and for each unusable path of its libs.
   */
  async forModule(module: ReactorModule, moduleId: string, pomTexts: PomTexts, signal?: AbortSignal): Promise<{ runtime: PreparedRuntime | undefined; findings: Finding[] }> {
    const choice = chooseRuntime(module, this.catalog, this.options);
    if (choice.kind === 'none') return { runtime: undefined, findings: [] };
    const location = pomTexts.projectLocation(module.pomPath);
    const problem = (message: string, jars: readonly string[], runtime: string): Finding => ({
      code: 'runtime-problem',
      severity: 'warning',
      module: moduleId,
      scopes: ['runtime'],
      message,
      location,
      paths: [],
      jars,
      classes: [],
      related: [],
      fixes: [],
      runtime,
    });
    if (choice.kind === 'unknown') {
      const from = this.options.name !== undefined ? '--runtime' : module.model.properties.get(RUNTIME_PROPERTY) !== undefined ? `the ${RUNTIME_PROPERTY} property` : `the ${RUNTIME_PROPERTY} setting`;
      const message = `Unknown runtime "${choice.name}" (named by ${from}); known runtimes: ${choice.known.join(', ')}. Define it in jarscope.runtimes; the runtime overlap is not analysed.`;
      return { runtime: undefined, findings: [problem(message, [], choice.name)] };
    }
    const { definition } = choice;
    const key = JSON.stringify(definition);
    let prepared = this.prepared.get(key);
    if (prepared === undefined) this.prepared.set(key, (prepared = prepareRuntime(definition, this.baseDir, this.indexer, signal)));
    const runtime = await prepared;
    const findings = runtime.problems.map((item) => problem(`${item.message}.`, [item.path], definition.name));
    return { runtime, findings };
  }
}

/**
 * The findings of a job deployed into a runtime: overlaps between the job's runtime classpath and the
 * runtime's jars (runtimeOverlaps) and members the job uses that the runtime's loaded copies lack
 * (runtimeMissingMembers), both on the class space the runtime's loading rules give (deployedView).
 */
export async function runtimeFindings(context: ModuleContext, job: ScopeView, runtime: PreparedRuntime, services: LinkageServices, signal?: AbortSignal): Promise<Finding[]> {
  const view = deployedView(job, runtime);
  return [...(await runtimeOverlaps(context, view, signal)), ...(await runtimeMissingMembers(context, view, services, signal))];
}

/** Whether the runtime's jars define a class (binary name with '/'): such a class is not missing from the deployed job. */
export function runtimeDefines(runtime: PreparedRuntime, className: string): boolean {
  return runtime.jars.some(({ indexed }) => indexed.classes.has(className));
}
