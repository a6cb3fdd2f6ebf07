import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { arch, homedir, release, type as osType, userInfo } from 'node:os';
import { mavenHomeOfLauncherOnPath } from '../repo/locateLocalRepository';
import { delimiter, dirname, join } from 'node:path';

/** What Maven's profile activation and interpolation read from the JVM it runs in. */
export interface RuntimeEnvironment {
  readonly jdkVersion: string;
  readonly os: { name: string; family: string; arch: string; version: string };
  readonly homeDir: string;
  /** Java system properties Maven exposes to poms (`${java.version}`, `${os.name}`, `${user.home}`…). */
  readonly systemProperties: Map<string, string>;
}

interface FoundJdk {
  readonly home: string;
  readonly version: string;
  /** `IMPLEMENTOR` of the release file: the JVM's java.vendor (Debian's OpenJDK: "Debian"). */
  readonly vendor: string | undefined;
}

/** `JAVA_VERSION="17.0.12"` and `IMPLEMENTOR="…"` of a JDK's `release` file; undefined without a version. */
function readRelease(home: string): FoundJdk | undefined {
  try {
    const text = readFileSync(join(home, 'release'), 'utf8');
    const version = /^JAVA_VERSION="([^"]+)"/m.exec(text)?.[1];
    return version ? { home, version, vendor: /^IMPLEMENTOR="([^"]+)"/m.exec(text)?.[1] } : undefined;
  } catch {
    return undefined;
  }
}

/** The JDK Maven would run on: $JAVA_HOME, else the `java` on PATH; its version is read, never executed. */
function findJdk(env: NodeJS.ProcessEnv): FoundJdk | undefined {
  if (env.JAVA_HOME) {
    const found = readRelease(env.JAVA_HOME);
    if (found) return found;
  }
  for (const directory of (env.PATH ?? '').split(delimiter)) {
    if (directory === '') continue;
    try {
      // One system call per PATH entry (fs.realpathSync would lstat every component in JavaScript).
      const found = readRelease(dirname(dirname(realpathSync.native(join(directory, 'java')))));
      if (found) return found;
    } catch {
      // Not here: keep looking along PATH.
    }
  }
  return undefined;
}

/** The JVM's java.home: the JDK itself from Java 9 on, its `jre` folder before (Java 8 still had one). */
function javaHomeProperty(jdk: FoundJdk): string {
  const jre = join(jdk.home, 'jre');
  return jdk.version.startsWith('1.') && existsSync(jre) ? jre : jdk.home;
}

const javaArch: Record<string, string> = { x64: 'amd64', ia32: 'x86', arm64: 'aarch64' };

/** java.specification.version: `1.8` for Java 8 (`1.8.0_402`), the feature release from Java 9 on (`17`). */
function specificationVersion(version: string): string {
  return version.startsWith('1.') ? version.split('.').slice(0, 2).join('.') : (version.split(/[.+-]/)[0] ?? version);
}

function userName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry for this uid (some containers).
    return undefined;
  }
}

function optional(name: string, value: string | undefined): Array<[string, string]> {
  return value === undefined ? [] : [[name, value]];
}

/** The environment as Maven 3.8.7 on this machine's JDK would see it, `-D` properties overriding. */
export function runtimeEnvironment(env: NodeJS.ProcessEnv, userProperties: ReadonlyMap<string, string>): RuntimeEnvironment {
  const homeDir = homedir();
  const os = {
    name: osType() === 'Windows_NT' ? 'Windows' : osType() === 'Darwin' ? 'Mac OS X' : osType(),
    family: process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'mac' : 'unix',
    arch: javaArch[arch()] ?? arch(),
    version: release(),
  };
  const jdk = findJdk(env);
  const mavenHome = mavenHomeOfLauncherOnPath(env);
  const jdkVersion = userProperties.get('java.version') ?? jdk?.version ?? '17';
  const systemProperties = new Map<string, string>([
    ['java.version', jdkVersion],
    // Poms name JDK files by it, e.g. a system-scoped ${java.home}/../lib/tools.jar.
    ...(jdk === undefined ? [] : [['java.home', javaHomeProperty(jdk)] as [string, string]]),
    ['os.name', os.name],
    ['os.arch', os.arch],
    ['os.version', os.version],
    ['user.home', homeDir],
    ['user.dir', process.cwd()],
    ['file.separator', '/'],
    ['path.separator', delimiter],
    ['line.separator', '\n'],
    ['java.specification.version', specificationVersion(jdkVersion)],
    ...optional('java.vendor', jdk?.vendor),
    ...optional('user.name', userName()),
    // The JDK's default on Linux, whatever TMPDIR says.
    ...optional('java.io.tmpdir', process.platform === 'linux' ? '/tmp' : undefined),
    ...optional('sun.arch.data.model', arch() === 'x64' || arch() === 'arm64' ? '64' : undefined),
    // MavenCli sets the running Maven's version; poms use it, e.g. for maven-core's version. The mvn script
    // passes maven.home; m2.conf sets maven.conf from it.
    ['maven.version', '3.8.7'],
    ['maven.build.version', 'Apache Maven 3.8.7'],
    ...optional('maven.home', mavenHome),
    ...optional('maven.conf', mavenHome === undefined ? undefined : join(mavenHome, 'conf')),
  ]);
  for (const [name, value] of userProperties) systemProperties.set(name, value);
  return { jdkVersion, os: { ...os, name: systemProperties.get('os.name') ?? os.name }, homeDir, systemProperties };
}
