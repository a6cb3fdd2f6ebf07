import type { ReactorModule } from '../workspace/reactor';
import type { RuntimeCatalog } from './runtimeConfig';
import type { RuntimeDefinition } from './runtimeDefinition';

/** The pom property naming the runtime a module deploys to; child modules inherit it like any property. */
export const RUNTIME_PROPERTY = 'jarscope.runtime';

/** The name of the runtime `--runtime-lib` builds when no runtime is named: parent-first, those jars only. */
export const AD_HOC_RUNTIME = 'runtime-lib';

/** Which runtimes the modules of a run deploy to, as the CLI or the editor settings say. */
export interface RuntimeOptions {
  /** `jarscope.runtimes` as written (name -> definition); checked by runtimeCatalog. */
  readonly definitions?: unknown;
  /** Where `definitions` come from, named in problems (a settings file, "settings"). */
  readonly source?: string;
  /** The folder relative `libs` are taken against; default the reactor's root folder. */
  readonly baseDir?: string;
  /** `--runtime NAME`: every module deploys to it, whatever its pom says. */
  readonly name?: string;
  /** The `jarscope.runtime` setting: the runtime of modules whose pom names none. */
  readonly defaultName?: string;
  /** `--runtime-lib GLOB`: jars added to the module's runtime, or alone an ad-hoc parent-first runtime. */
  readonly extraLibs?: readonly string[];
}

export type RuntimeChoice =
  | { readonly kind: 'none' }
  | { readonly kind: 'runtime'; readonly definition: RuntimeDefinition }
  | { readonly kind: 'unknown'; readonly name: string; readonly known: readonly string[] };

/**
 * The runtime a module deploys to: `--runtime`, else the module's effective `jarscope.runtime` property
 * (so a parent pom names it for all its children), else the `jarscope.runtime` setting; `--runtime-lib`
 * jars are added to it, or form a parent-first runtime of their own. A `pom`-packaged module is not
 * deployed and has none.
 */
export function chooseRuntime(module: ReactorModule, catalog: RuntimeCatalog, options: RuntimeOptions): RuntimeChoice {
  if (module.model.packaging === 'pom') return { kind: 'none' };
  const extraLibs = options.extraLibs ?? [];
  const name = nonEmpty(options.name) ?? nonEmpty(module.model.properties.get(RUNTIME_PROPERTY)) ?? nonEmpty(options.defaultName);
  if (name === undefined) {
    return extraLibs.length === 0 ? { kind: 'none' } : { kind: 'runtime', definition: { name: AD_HOC_RUNTIME, libs: extraLibs, order: 'parent-first', parentFirstPatterns: ['java.'] } };
  }
  const definition = catalog.definitions.get(name);
  if (definition === undefined) return { kind: 'unknown', name, known: [...catalog.definitions.keys()] };
  return { kind: 'runtime', definition: extraLibs.length === 0 ? definition : { ...definition, libs: [...definition.libs, ...extraLibs] } };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
