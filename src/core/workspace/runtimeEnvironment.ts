import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { arch, homedir, release, type as osType } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** What Maven's profile activation and interpolation read from the JVM it runs in. */
export interface RuntimeEnvironment {
  readonly jdkVersion: string;
  readonly os: { name: string; family: string; arch: string; version: string };
  readonly homeDir: string;
  /** Java system properties Maven exposes to poms (`${java.version}`, `${os.name}`, `${user.home}`…). */
  readonly systemProperties: Map<string, string>;
}

/** `JAVA_VERSION="17.0.12"` from a JDK's `release` file. */
function releaseVersion(javaHome: string): string | undefined {
  try {
    const text = readFileSync(join(javaHome, 'release'), 'utf8');
    return /^JAVA_VERSION="([^"]+)"/m.exec(text)?.[1];
  } catch {
    return undefined;
  }
}

/** The JDK Maven would run on: $JAVA_HOME, else the `java` on PATH; its version is read, never executed. */
function findJdk(env: NodeJS.ProcessEnv): { home: string; version: string } | undefined {
  if (env.JAVA_HOME) {
    const version = releaseVersion(env.JAVA_HOME);
    if (version) return { home: env.JAVA_HOME, version };
  }
  for (const directory of (env.PATH ?? '').split(delimiter)) {
    if (directory === '') continue;
    try {
      // One system call per PATH entry (fs.realpathSync would lstat every component in JavaScript).
      const home = dirname(dirname(realpathSync.native(join(directory, 'java'))));
      const version = releaseVersion(home);
      if (version) return { home, version };
    } catch {
      // Not here: keep looking along PATH.
    }
  }
  return undefined;
}

/** The JVM's java.home: the JDK itself from Java 9 on, its `jre` folder before (Java 8 still had one). */
function javaHomeProperty(jdk: { home: string; version: string }): string {
  const jre = join(jdk.home, 'jre');
  return jdk.version.startsWith('1.') && existsSync(jre) ? jre : jdk.home;
}

const javaArch: Record<string, string> = { x64: 'amd64', ia32: 'x86', arm64: 'aarch64' };

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
    // MavenCli sets the running Maven's version; poms use it, e.g. for maven-core's version.
    ['maven.version', '3.8.7'],
  ]);
  for (const [name, value] of userProperties) systemProperties.set(name, value);
  return { jdkVersion, os: { ...os, name: systemProperties.get('os.name') ?? os.name }, homeDir, systemProperties };
}
