import type { ReactorModule } from './reactor';

/**
 * Maven's warning for each profile asked for (settings `<activeProfiles>`, -P) that no project of the reactor
 * activated, neither in its own pom, nor in a parent's, nor in settings (DefaultMaven.validateActivatedProfiles:
 * the build goes on). A profile asked to be deactivated (-P !id) is not checked.
 */
export function unknownProfileWarnings(requested: readonly string[], modules: readonly ReactorModule[]): string[] {
  const activated = new Set(modules.flatMap((module) => module.model.activeProfileIds));
  return [...new Set(requested)]
    .filter((id) => !activated.has(id))
    .map((id) => `The requested profile "${id}" could not be activated because it does not exist.`);
}
