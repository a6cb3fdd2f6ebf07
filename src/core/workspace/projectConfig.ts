import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { errorMessage } from '../repo/fileChecks';
import { addProfiles, addProperty } from './mavenSwitches';

/** What a project's `.mvn` folder and MAVEN_OPTS add to every `mvn` run on it (Maven 3.8.7). */
export interface ProjectConfig {
  /** `maven.multiModuleProjectDirectory`: the nearest folder with a `.mvn` folder, from the project up; else the project's. */
  readonly baseDir: string;
  /** `-D` of `.mvn/maven.config`: user properties, under the command line's. */
  readonly userProperties: ReadonlyMap<string, string>;
  readonly activeProfiles: readonly string[];
  readonly inactiveProfiles: readonly string[];
  /** `-s` of `.mvn/maven.config`, from the working directory; the command line's wins. */
  readonly settingsFile: string | undefined;
  /** `-D` of `.mvn/jvm.config`, then of MAVEN_OPTS (the later wins): the JVM's system properties. */
  readonly jvmProperties: ReadonlyMap<string, string>;
  readonly warnings: readonly string[];
}

// maven.config options that take the next entry as their value (CLIManager); jarscope models only -D, -P and -s.
const OPTIONS_WITH_VALUE = new Set(['-f', '--file', '-gs', '--global-settings', '-t', '--toolchains', '-gt', '--global-toolchains', '-l', '--log-file', '-pl', '--projects', '-rf', '--resume-from', '-T', '--threads', '-b', '--builder']);

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    // ENOTDIR and the like: no folder there.
    return false;
  }
}

/** The mvn script's find_maven_basedir: up from the project to the first folder holding `.mvn`, `/` excluded. */
function multiModuleProjectDirectory(projectDir: string): string {
  for (let dir = projectDir; dir !== dirname(dir); dir = dirname(dir)) {
    if (isDirectory(join(dir, '.mvn'))) return dir;
  }
  return projectDir;
}

/** A config file's text, undefined when there is none, a warning naming it when it cannot be read. */
function readConfigFile(path: string, warnings: string[]): string | undefined {
  // Only inside a `.mvn` folder: a file named `.mvn` holds no config.
  if (!isDirectory(dirname(path))) return undefined;
  try {
    if (!(statSync(path, { throwIfNoEntry: false })?.isFile() ?? false)) return undefined;
    return readFileSync(path, 'utf8');
  } catch (error) {
    warnings.push(`${path}: cannot be read: ${errorMessage(error)}`);
    return undefined;
  }
}

/** `-Dname=value` words of JVM options (jvm.config, MAVEN_OPTS), which the mvn script splits on white space. */
function addJvmProperties(text: string, properties: Map<string, string>): void {
  for (const word of text.split(/\s+/)) if (word.startsWith('-D') && word.length > 2) addProperty(word.slice(2), properties);
}

/**
 * Reads `.mvn/maven.config` (MavenCli: its entries, split on white space, are parsed as command-line options and
 * merged under the command line's), `.mvn/jvm.config` and MAVEN_OPTS (the mvn script passes both to the JVM) of
 * the project rooted at `projectDir`, as `mvn` run there would.
 */
export function readProjectConfig(projectDir: string, env: NodeJS.ProcessEnv, workingDir: string): ProjectConfig {
  const baseDir = multiModuleProjectDirectory(resolve(projectDir));
  const warnings: string[] = [];
  const userProperties = new Map<string, string>();
  const activeProfiles: string[] = [];
  const inactiveProfiles: string[] = [];
  let settingsFile: string | undefined;
  const configFile = join(baseDir, '.mvn', 'maven.config');
  const words = (readConfigFile(configFile, warnings) ?? '').split(/\s+/).filter((word) => word !== '');
  const unrecognized: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = (): string | undefined => words[++i];
    if (word === '-D' || word === '--define') addProperty(next() ?? '', userProperties);
    else if (word.startsWith('-D')) addProperty(word.slice(2), userProperties);
    else if (word === '-P' || word === '--activate-profiles') addProfiles(next() ?? '', activeProfiles, inactiveProfiles);
    else if (word.startsWith('-P')) addProfiles(word.slice(2), activeProfiles, inactiveProfiles);
    else if (word === '-s' || word === '--settings') {
      const file = next();
      if (file !== undefined) settingsFile ??= resolve(workingDir, file);
    } else if (OPTIONS_WITH_VALUE.has(word)) next();
    else if (!word.startsWith('-')) unrecognized.push(word);
  }
  // Maven refuses to run then ("Unable to parse maven.config"); jarscope says so and reads the rest.
  if (unrecognized.length > 0) warnings.push(`${configFile}: unrecognized maven.config entries: [${unrecognized.join(', ')}]`);
  userProperties.delete('');
  const jvmProperties = new Map<string, string>();
  addJvmProperties(readConfigFile(join(baseDir, '.mvn', 'jvm.config'), warnings) ?? '', jvmProperties);
  addJvmProperties(env.MAVEN_OPTS ?? '', jvmProperties);
  return { baseDir, userProperties, activeProfiles, inactiveProfiles, settingsFile, jvmProperties, warnings };
}
