import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseClassFile } from '../classfile/parseClassFile';
import { loadJdkClassIndex, type JdkClassIndex } from '../jdk/jdkClassIndex';
import { jdkPackagesFile } from '../jdk/jdkPackagesCache';
import { locateJdk } from '../jdk/locateJdk';
import { summarizeClass, type ClassSummary } from './classSummary';

/**
 * Packages taken as the platform's when no JDK can be read: java.*, javax.* and jdk.*, the internal
 * sun.* and com.sun.*, and the W3C/SAX/GSS APIs the JDK ships. Missing-class and missing-member checks
 * then treat these as present and never look inside them.
 */
export const FALLBACK_PLATFORM_PACKAGES: readonly string[] = ['java/', 'javax/', 'jdk/', 'sun/', 'com/sun/', 'org/w3c/dom/', 'org/xml/sax/', 'org/ietf/jgss/'];

/** The classes the platform provides to every classpath. */
export interface PlatformClasses {
  /** The JDK read, or undefined when none was found (then FALLBACK_PLATFORM_PACKAGES apply). */
  readonly jdk: JdkClassIndex | undefined;
  /** Its feature release, which picks the versions of multi-release jars. */
  readonly release: number | undefined;
  /** Why no JDK could be read: reported once per run. */
  readonly problem: string | undefined;
  /**
   * Names this platform's contents for caches: the JDK's home, version and class file's size and
   * modification time, or the fallback.
   */
  readonly identity: string;
  has(binaryName: string): boolean;
  /**
   * A JDK class's declared members and supertypes; undefined when unknown (no JDK, absent, unreadable).
   * At once for a class read before, else once it is read.
   */
  summary(binaryName: string): ClassSummary | undefined | Promise<ClassSummary | undefined>;
  close(): Promise<void>;
}

/**
 * Finds and opens the JDK the checks compare against: the configured home, then JAVA_HOME, then `java`
 * on PATH (see locateJdk). Without one, the fallback packages stand for the platform. `cacheDir`: where
 * the JDK image's package table is kept between runs.
 */
export async function openPlatformClasses(javaHome: string | undefined, env: NodeJS.ProcessEnv, cacheDir?: string): Promise<PlatformClasses> {
  const location = await locateJdk({ javaHome, env });
  if (!location.found) {
    const tried = location.tried.map((attempt) => `${attempt.source} ${attempt.path}: ${attempt.problem}`).join('; ');
    return fallbackPlatform(`No JDK found (${tried}); classes of ${FALLBACK_PLATFORM_PACKAGES.map((p) => p.replace(/\//g, '.')).join('*, ')}* are taken as provided by the platform.`);
  }
  let jdk: JdkClassIndex;
  try {
    jdk = await loadJdkClassIndex(location.home, cacheDir === undefined ? undefined : jdkPackagesFile(cacheDir));
  } catch (error) {
    return fallbackPlatform(`The JDK at ${location.home} cannot be read (${error instanceof Error ? error.message : String(error)}); java.*, javax.* and the other platform packages are taken as provided.`);
  }
  const reading = new Map<string, Promise<ClassSummary | undefined>>();
  const summaries = new Map<string, ClassSummary | undefined>();
  return {
    jdk,
    release: jdk.release.featureVersion,
    problem: undefined,
    identity: await jdkIdentity(jdk),
    has: (binaryName) => jdk.has(binaryName),
    summary(binaryName) {
      if (summaries.has(binaryName)) return summaries.get(binaryName);
      let summary = reading.get(binaryName);
      if (summary === undefined) {
        summary = jdk
          .readClass(binaryName)
          .then((bytes) => (bytes === undefined ? undefined : summarizeClass(parseClassFile(bytes))))
          .catch(() => undefined)
          .then((read) => {
            summaries.set(binaryName, read);
            reading.delete(binaryName);
            return read;
          });
        reading.set(binaryName, summary);
      }
      return summary;
    },
    close: () => jdk.close(),
  };
}

/** The JDK's home, version, and the size and modification time of the file its classes come from. */
async function jdkIdentity(jdk: JdkClassIndex): Promise<string> {
  const files = jdk.source === 'jimage' ? [join(jdk.home, 'lib', 'modules')] : [join(jdk.home, 'jre', 'lib', 'rt.jar'), join(jdk.home, 'lib', 'rt.jar')];
  const stamps = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (stats) => `${stats.size}@${stats.mtimeMs}`,
        () => '-',
      ),
    ),
  );
  return `jdk ${jdk.home} ${jdk.source} ${jdk.release.version ?? '?'} ${stamps.join(' ')}`;
}

function fallbackPlatform(problem: string): PlatformClasses {
  return {
    jdk: undefined,
    release: undefined,
    problem,
    identity: `fallback ${FALLBACK_PLATFORM_PACKAGES.join(' ')}`,
    has: (binaryName) => FALLBACK_PLATFORM_PACKAGES.some((prefix) => binaryName.startsWith(prefix)),
    summary: () => undefined,
    close: () => Promise.resolve(),
  };
}
