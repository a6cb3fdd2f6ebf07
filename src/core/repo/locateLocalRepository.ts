import { existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, sep } from 'node:path';
import { isRegularFile } from './fileChecks';
import { readMavenSettings, type MavenSettings } from './mavenSettings';
import { mergeSettings } from './mergeSettings';

/** Where the local repository is, which rule chose it, and the settings files read on the way. */
export interface RepositoryLocation {
  root: string;
  source: 'option' | 'system-property' | 'user-settings' | 'global-settings' | 'default';
  userSettings?: MavenSettings;
  globalSettings?: MavenSettings;
  /** The user settings merged over the global ones: what a build's profiles and properties come from. */
  settings?: MavenSettings;
  problems: string[];
  /** Of `problems`, the settings files that could not be read or parsed: Maven stops before it builds ("Error executing Maven"). */
  settingsErrors: string[];
}

export interface LocateOptions {
  /** An explicit repository (a command-line option or an editor setting). */
  localRepo?: string;
  /** `mvn -s <file>`; defaults to `~/.m2/settings.xml`. */
  settingsFile?: string;
  /** `-D` properties: `maven.repo.local`, and `maven.conf` / `maven.home` for the global settings. */
  systemProperties: ReadonlyMap<string, string>;
  env: NodeJS.ProcessEnv;
  homeDir: string;
}

/**
 * Maven's own home, whose conf/ holds the global settings. The mvn script derives it from where the
 * (symlink-resolved) script lives, ignoring a MAVEN_HOME variable; m2.conf then sets `maven.conf` to
 * `${maven.home}/conf`. Debian's /usr/bin/mvn resolves to /usr/share/maven/bin/mvn, whose conf/ links
 * to /etc/maven. MAVEN_HOME is only a fallback for when no mvn is on PATH.
 */
function mavenConfDirectory(options: LocateOptions): string | undefined {
  const conf = options.systemProperties.get('maven.conf');
  if (conf) return conf;
  const home = options.systemProperties.get('maven.home') ?? mavenHomeOfLauncherOnPath(options.env) ?? options.env.MAVEN_HOME;
  return home ? join(home, 'conf') : undefined;
}

/** The Maven home of the `mvn` on PATH, found through its symlinks (as the mvn script finds its own). */
export function mavenHomeOfLauncherOnPath(env: NodeJS.ProcessEnv): string | undefined {
  const executables = process.platform === 'win32' ? ['mvn.cmd', 'mvn'] : ['mvn'];
  for (const directory of (env.PATH ?? '').split(delimiter)) {
    if (directory === '') continue;
    for (const name of executables) {
      const candidate = join(directory, name);
      if (!isRegularFile(candidate)) continue;
      try {
        // The native call resolves the whole path in one system call; fs.realpathSync walks it one lstat at a time.
        return dirname(dirname(realpathSync.native(candidate)));
      } catch {
        // A link that cannot be resolved: look further along PATH.
      }
    }
  }
  return undefined;
}

function readSettingsInto(file: string, options: LocateOptions, problems: string[], errors: string[]): MavenSettings | undefined {
  const { settings, problem } = readMavenSettings(file, options.env, options.homeDir, options.systemProperties);
  if (problem) {
    problems.push(problem);
    errors.push(problem);
  }
  return settings;
}

/**
 * Finds the local repository as Maven 3.8.7 does: an explicit option, else `-Dmaven.repo.local`,
 * else `<localRepository>` of the user settings (`-s` file or ~/.m2/settings.xml), else of the global
 * settings (conf/settings.xml of the Maven installation: the mvn on PATH, else $MAVEN_HOME), else
 * ~/.m2/repository. Both settings files are always read, since their profiles apply to every build;
 * their problems are returned, never thrown.
 */
export function locateLocalRepository(options: LocateOptions): RepositoryLocation {
  const problems: string[] = [];
  const settingsErrors: string[] = [];
  const userFile = options.settingsFile ?? join(options.homeDir, '.m2', 'settings.xml');
  if (options.settingsFile !== undefined && !existsSync(options.settingsFile)) {
    problems.push(`The specified user settings file does not exist: ${options.settingsFile}`);
  }
  const userSettings = readSettingsInto(userFile, options, problems, settingsErrors);
  const confDirectory = mavenConfDirectory(options);
  const globalSettings = confDirectory ? readSettingsInto(join(confDirectory, 'settings.xml'), options, problems, settingsErrors) : undefined;
  const settings = mergeSettings(userSettings, globalSettings);
  const found = (root: string, source: RepositoryLocation['source']): RepositoryLocation => ({
    root: mavenBasedir(root, process.cwd()),
    source,
    ...(userSettings ? { userSettings } : {}),
    ...(globalSettings ? { globalSettings } : {}),
    ...(settings ? { settings } : {}),
    problems,
    settingsErrors,
  });

  if (options.localRepo) return found(options.localRepo, 'option');
  const fromProperty = options.systemProperties.get('maven.repo.local');
  if (fromProperty) return found(fromProperty, 'system-property');
  if (userSettings?.localRepository) return found(userSettings.localRepository, 'user-settings');
  if (globalSettings?.localRepository) return found(globalSettings.localRepository, 'global-settings');
  return found(join(options.homeDir, '.m2', 'repository'), 'default');
}

/**
 * The repository's base directory written as Maven writes the paths under it: a relative path starts from the
 * process's working directory (the repository is a file URL made with File.toURI; the JDK ignores a later
 * -Duser.dir), and java.io.File drops repeated and trailing separators but keeps `.` and `..` segments, so
 * `-Dmaven.repo.local=./m2` prints `/work/./m2/...`.
 */
function mavenBasedir(path: string, workingDir: string): string {
  const absolute = isAbsolute(path) ? path : `${workingDir}${sep}${path}`;
  if (sep !== '/') return absolute;
  const collapsed = absolute.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}
