import type { ClassExplanation } from './explainFailure';

/** A runtime jar that has the class, as Find Class lists it beside the classpath and repository copies. */
export interface RuntimeClassLocation {
  /** `flink-local's lib/text-utils-1.0.jar`. */
  readonly label: string;
  /** Which modules deploy to the runtime, and whether this copy is the one that loads (with the rule). */
  readonly description: string;
  readonly detail: string;
  readonly file: string;
}

/**
 * The runtime jars that define an explained class, once each: a deployed job loads its classes from them
 * as well as from its own jar, under the runtime's rules (see explainRuntime), so Find Class names them too.
 */
export function runtimeClassLocations(explained: ClassExplanation): RuntimeClassLocation[] {
  const locations = new Map<string, { label: string; modules: string[]; runtime: string; loadsFor: string[]; rule: string | undefined }>();
  for (const module of explained.modules) {
    const runtime = module.runtime;
    if (runtime === undefined) continue;
    for (const copy of runtime.copies) {
      let location = locations.get(copy.file);
      if (location === undefined) locations.set(copy.file, (location = { label: copy.name, modules: [], runtime: runtime.runtime, loadsFor: [], rule: undefined }));
      location.modules.push(module.moduleId);
      if (runtime.loaded?.file === copy.file) {
        location.loadsFor.push(module.moduleId);
        location.rule = runtime.rule;
      }
    }
  }
  return [...locations].map(([file, location]) => ({
    label: location.label,
    description:
      `in the runtime ${location.runtime} of ${location.modules.join(', ')}` +
      (location.loadsFor.length === 0 ? '' : `; loads first${location.loadsFor.length === location.modules.length ? '' : ` for ${location.loadsFor.join(', ')}`} (${location.rule})`),
    detail: file,
    file,
  }));
}
