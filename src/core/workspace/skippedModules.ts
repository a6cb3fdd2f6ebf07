import type { Reactor, ReactorModule } from './reactor';

/** A module as Maven's reactor messages name it, with its folder: `g:a:v (dir)`. */
export function moduleName(module: ReactorModule): string {
  return `${module.model.groupId}:${module.model.artifactId}:${module.model.version} (${module.dir})`;
}

/**
 * The modules that Maven, going on after a failure (--fail-at-end), skips: each module built after one that
 * failed or was skipped and that depends on it or has it as parent (ReactorBuildStatus blacklists a failed
 * project's downstream). Each maps to that module.
 */
export function skippedModules(
  reactor: Pick<Reactor, 'modules' | 'upstream'>,
  failed: (module: ReactorModule) => boolean,
): Map<ReactorModule, ReactorModule> {
  const skipped = new Map<ReactorModule, ReactorModule>();
  const stopped = new Set<ReactorModule>();
  for (const module of reactor.modules) {
    const failedUpstream = reactor.upstream.get(module)?.find((upstream) => stopped.has(upstream));
    if (failedUpstream !== undefined) skipped.set(module, failedUpstream);
    if (failedUpstream !== undefined || failed(module)) stopped.add(module);
  }
  return skipped;
}
