import type { RawDependency, RawPlugin } from '../pom/rawPom';

/** A build plugin or extension of an effective model, with the dependencies it declares: what orders a reactor. */
export interface PluginReference {
  readonly groupId: string;
  readonly artifactId: string;
  /** Undefined when neither written nor managed. */
  readonly version?: string;
  readonly dependencies: ReadonlyArray<{ readonly groupId: string; readonly artifactId: string; readonly version?: string }>;
}

const pluginKey = (plugin: RawPlugin): string => `${plugin.groupId}:${plugin.artifactId}`;
const dependencyKey = (dependency: RawDependency): string => `${dependency.groupId}:${dependency.artifactId}`;

/** One plugin merged into another of the same key: the dominant one's version and dependencies first. */
function mergePlugin(target: RawPlugin, source: RawPlugin, sourceDominant: boolean): RawPlugin {
  const [dominant, recessive] = sourceDominant ? [source, target] : [target, source];
  const keys = new Set(dominant.dependencies.map(dependencyKey));
  return {
    ...target,
    version: dominant.version ?? recessive.version,
    dependencies: [...dominant.dependencies, ...recessive.dependencies.filter((dependency) => !keys.has(dependencyKey(dependency)))],
  };
}

/**
 * ModelMerger.mergePluginContainer_Plugins, as profile injection and inheritance use it: the target's plugins
 * keep their order, each source plugin of the same key merged into its own; the other source plugins come
 * just before the next target plugin that the source also has, or else at the end.
 */
export function mergePlugins(target: readonly RawPlugin[], source: readonly RawPlugin[], sourceDominant: boolean): RawPlugin[] {
  if (source.length === 0) return [...target];
  const master = new Map(target.map((plugin) => [pluginKey(plugin), plugin]));
  const predecessors = new Map<string, RawPlugin[]>();
  let pending: RawPlugin[] = [];
  for (const plugin of source) {
    const key = pluginKey(plugin);
    const existing = master.get(key);
    if (existing === undefined) {
      pending.push(plugin);
      continue;
    }
    master.set(key, mergePlugin(existing, plugin, sourceDominant));
    if (pending.length > 0) {
      predecessors.set(key, pending);
      pending = [];
    }
  }
  return [...[...master].flatMap(([key, plugin]) => [...(predecessors.get(key) ?? []), plugin]), ...pending];
}

/** A parent's plugins as a child inherits them (InheritanceAssembler): those marked `<inherited>false</inherited>` stay behind. */
export function inheritPlugins(child: readonly RawPlugin[], parent: readonly RawPlugin[]): RawPlugin[] {
  return mergePlugins(child, parent.filter((plugin) => plugin.inherited), false);
}

/** PluginManagementInjector: a build plugin takes its version, and the dependencies it lacks, from its managed entry. */
export function managedPlugins(plugins: readonly RawPlugin[], management: readonly RawPlugin[]): RawPlugin[] {
  const managed = new Map(management.map((plugin) => [pluginKey(plugin), plugin]));
  return plugins.map((plugin) => {
    const entry = managed.get(pluginKey(plugin));
    return entry === undefined ? plugin : mergePlugin(plugin, entry, false);
  });
}

/** The plugins as references, their coordinates interpolated. */
export function pluginReferences(plugins: readonly RawPlugin[], interpolate: (text: string) => string): PluginReference[] {
  const optional = (text: string | undefined): string | undefined => (text === undefined ? undefined : interpolate(text));
  return plugins.map((plugin) => ({
    groupId: interpolate(plugin.groupId),
    artifactId: interpolate(plugin.artifactId),
    version: optional(plugin.version),
    dependencies: plugin.dependencies.map((dependency) => ({
      groupId: interpolate(dependency.groupId),
      artifactId: interpolate(dependency.artifactId),
      version: optional(dependency.version),
    })),
  }));
}
