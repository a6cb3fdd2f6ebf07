import type { Reactor, ReactorModule } from './reactor';

/** A module as Maven's reactor messages name it, with its folder: `g:a:v (dir)`. */
export function moduleName(module: ReactorModule): string {
  return `${module.model.groupId}:${module.model.artifactId}:${module.model.version} (${module.dir})`;
}

/**
 * What Maven, going on after a failure (--fail-at-end), tracks while it builds a reactor in order: a module
 * built after one that failed or was skipped, and that depends on it or has it as parent, is skipped
 * (ReactorBuildStatus blacklists a failed project's downstream).
 */
export class ReactorFailures {
  private readonly stopped = new Set<ReactorModule>();

  constructor(private readonly upstream: Reactor['upstream']) {}

  /** The failed or skipped module this one needs, for which Maven skips it; undefined when it is built. */
  failedUpstream(module: ReactorModule): ReactorModule | undefined {
    return this.upstream.get(module)?.find((upstream) => this.stopped.has(upstream));
  }

  /** Records that the module failed, or was skipped. */
  stop(module: ReactorModule): void {
    this.stopped.add(module);
  }
}

