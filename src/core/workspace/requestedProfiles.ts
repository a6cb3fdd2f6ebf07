import type { ReactorModule } from './reactor';

/**
 * Maven's warning for each profile asked for (settings `<activeProfiles>`, -P) that no project of the reactor
 * activated, neither in its own pom, nor in a parent's, nor in settings (DefaultMaven.validateActivatedProfiles:
 * the build goes on). A profile asked to be deactivated (-P !id) is not checked, even when it is also asked for
 * (in -P, settings or .mvn/maven.config): Maven 3.8.7 is silent then.
 */
export function unknownProfileWarnings(requested: readonly string[], deactivated: readonly string[], modules: readonly ReactorModule[]): string[] {
  const activated = new Set(modules.flatMap((module) => module.model.activeProfileIds));
  return [...new Set(requested)]
    .filter((id) => !activated.has(id) && !deactivated.includes(id))
    .map((id) => `The requested profile "${id}" could not be activated because it does not exist.`);
}
