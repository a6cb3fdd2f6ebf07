import { RUNTIME_PRESETS, type LoadingOrder, type RuntimeDefinition } from './runtimeDefinition';

/** The runtimes a workspace can name: the presets and its own, with a line per problem in the definitions. */
export interface RuntimeCatalog {
  readonly definitions: ReadonlyMap<string, RuntimeDefinition>;
  readonly problems: readonly string[];
}

const ORDERS: readonly LoadingOrder[] = ['parent-first', 'child-first'];

function stringList(value: unknown, field: string, problems: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map((item: string) => item.trim()).filter((item) => item !== '');
  if (typeof value === 'string' && value.trim() !== '') return [value.trim()];
  problems.push(`${field} must be a list of strings`);
  return undefined;
}

/**
 * Reads `jarscope.runtimes` (an object: name -> definition) as written in settings: `preset` (one of the
 * built-in runtimes to start from), `libs`, `order`, `parentFirstPatterns` (replacing the preset's) and
 * `additionalParentFirstPatterns` (added to them, as Flink's `classloader.parent-first-patterns.additional`).
 * A definition without a preset loads parent-first. A wrong value is a problem naming `source` and the
 * runtime; the definition is then left out (or the field ignored), never thrown.
 */
export function runtimeCatalog(raw: unknown, source: string): RuntimeCatalog {
  const definitions = new Map(RUNTIME_PRESETS);
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { definitions, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { definitions, problems: [`${source}: jarscope.runtimes must be an object of runtime definitions`] };
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const local: string[] = [];
    const definition = userDefinition(name, value, local);
    problems.push(...local.map((problem) => `${source}: runtime "${name}": ${problem}`));
    if (definition !== undefined) definitions.set(name, definition);
  }
  return { definitions, problems };
}

function userDefinition(name: string, value: unknown, problems: string[]): RuntimeDefinition | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('a definition must be an object with libs, order and patterns');
    return undefined;
  }
  const fields = value as Record<string, unknown>;
  let base: RuntimeDefinition | undefined;
  if (fields.preset !== undefined) {
    base = typeof fields.preset === 'string' ? RUNTIME_PRESETS.get(fields.preset) : undefined;
    if (base === undefined) {
      problems.push(`unknown preset ${JSON.stringify(fields.preset)} (presets: ${[...RUNTIME_PRESETS.keys()].join(', ')})`);
      return undefined;
    }
  }
  let order = base?.order ?? 'parent-first';
  if (fields.order !== undefined) {
    if ((ORDERS as readonly unknown[]).includes(fields.order)) order = fields.order as LoadingOrder;
    else problems.push(`order must be "parent-first" or "child-first", not ${JSON.stringify(fields.order)}`);
  }
  const libs = stringList(fields.libs, 'libs', problems) ?? [];
  const patterns = stringList(fields.parentFirstPatterns, 'parentFirstPatterns', problems) ?? base?.parentFirstPatterns ?? ['java.'];
  const additional = stringList(fields.additionalParentFirstPatterns, 'additionalParentFirstPatterns', problems) ?? [];
  return { name, libs: [...(base?.libs ?? []), ...libs], order, parentFirstPatterns: [...patterns, ...additional] };
}
