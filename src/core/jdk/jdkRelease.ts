import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a JDK's `release` file says about its version (KEY="value" lines, JEP 220). */
export interface JdkRelease {
  /** JAVA_VERSION as written, e.g. `17.0.21.1` or `1.8.0_392`. */
  readonly version: string | undefined;
  /** The feature release: 17 for `17.0.2`, 8 for `1.8.0_392` (the pre-JEP 223 scheme). */
  readonly featureVersion: number | undefined;
  /** MODULES, when listed (JDK 9+). */
  readonly modules: readonly string[];
}

export function parseReleaseFile(text: string): JdkRelease {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) values.set(match[1]!, match[2]!.replace(/^"(.*)"$/, '$1'));
  }
  const version = values.get('JAVA_VERSION');
  const parts = version?.split(/[._+-]/) ?? [];
  const feature = parts[0] === '1' ? Number(parts[1]) : Number(parts[0]);
  return {
    version,
    featureVersion: Number.isInteger(feature) && feature > 0 ? feature : undefined,
    modules: values.get('MODULES')?.split(/\s+/).filter((m) => m !== '') ?? [],
  };
}

/** The release file of a JDK home; every field undefined when there is none. */
export async function readJdkRelease(home: string): Promise<JdkRelease> {
  const text = await readFile(join(home, 'release'), 'utf8').catch(() => '');
  return parseReleaseFile(text);
}
