import { access, realpath, stat } from 'node:fs/promises';
import { basename, delimiter, dirname, join } from 'node:path';

/** Where the JDK came from, in the order they are tried. */
export type JdkSource = 'option' | 'JAVA_HOME' | 'PATH';

export interface JdkLocateOptions {
  /** An explicitly configured JDK home (setting or command-line flag): tried first. */
  readonly javaHome?: string;
  /** The environment to read JAVA_HOME and PATH from; defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export type JdkLocation =
  | { readonly found: true; readonly home: string; readonly source: JdkSource }
  | { readonly found: false; readonly tried: readonly { readonly source: JdkSource; readonly path: string; readonly problem: string }[] };

/**
 * Finds the JDK whose classes the checks compare against: the explicit home, then JAVA_HOME, then
 * the `java` found on PATH, resolved through its symbolic links (e.g. /usr/bin/java ->
 * /etc/alternatives/java -> <home>/bin/java). Nothing is executed. A home counts when it holds
 * `lib/modules` (JDK 9+) or `jre/lib/rt.jar` / `lib/rt.jar` (JDK 8 and its JRE).
 */
export async function locateJdk(options: JdkLocateOptions = {}): Promise<JdkLocation> {
  const env = options.env ?? process.env;
  const tried: { source: JdkSource; path: string; problem: string }[] = [];
  const candidates: { source: JdkSource; path: string | undefined }[] = [
    { source: 'option', path: options.javaHome },
    { source: 'JAVA_HOME', path: env.JAVA_HOME },
  ];
  for (const { source, path } of candidates) {
    if (path === undefined || path === '') continue;
    const home = await jdkHomeAt(path);
    if (home !== undefined) return { found: true, home, source };
    tried.push({ source, path, problem: 'no lib/modules or rt.jar there' });
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const java = join(dir, process.platform === 'win32' ? 'java.exe' : 'java');
    const real = await realpath(java).catch(() => undefined);
    if (real === undefined || !(await isFile(real))) continue;
    const home = await jdkHomeAt(dirname(dirname(real)));
    if (home !== undefined) return { found: true, home, source: 'PATH' };
    tried.push({ source: 'PATH', path: real, problem: 'not inside a JDK home' });
  }
  if (tried.length === 0) tried.push({ source: 'PATH', path: env.PATH ?? '', problem: 'no java on PATH' });
  return { found: false, tried };
}

/** `path` itself when it is a JDK home, or the JDK 8 home above a `jre` directory. */
async function jdkHomeAt(path: string): Promise<string | undefined> {
  const home = await realpath(path).catch(() => undefined);
  if (home === undefined) return undefined;
  // A JDK 8 `java` lives in <jdk>/jre/bin: prefer the JDK home, which has the release file.
  if (basename(home) === 'jre' && (await exists(join(dirname(home), 'jre', 'lib', 'rt.jar')))) return dirname(home);
  for (const marker of [['lib', 'modules'], ['jre', 'lib', 'rt.jar'], ['lib', 'rt.jar']]) {
    if (await exists(join(home, ...marker))) return home;
  }
  return undefined;
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
}
