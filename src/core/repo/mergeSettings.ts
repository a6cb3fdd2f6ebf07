import type { MavenSettings } from './mavenSettings';

/**
 * The settings a build uses: the user settings laid over the global ones, as Maven's
 * MavenSettingsMerger does — the user's localRepository wins when set; global profiles and active
 * profile ids are added after the user's, unless the user settings already have that id.
 */
export function mergeSettings(user: MavenSettings | undefined, global: MavenSettings | undefined): MavenSettings | undefined {
  if (!user || !global) return user ?? global;
  const userProfileIds = new Set(user.profiles.map((profile) => profile.id));
  const localRepository = user.localRepository ?? global.localRepository;
  return {
    file: user.file,
    ...(localRepository !== undefined ? { localRepository } : {}),
    profiles: [...user.profiles, ...global.profiles.filter((profile) => !userProfileIds.has(profile.id))],
    activeProfiles: [...user.activeProfiles, ...global.activeProfiles.filter((id) => !user.activeProfiles.includes(id))],
  };
}
