/** The coordinates in one `META-INF/maven/<groupId>/<artifactId>/pom.properties` of a jar. */
export interface PomProperties {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  /** The entry it was read from. */
  readonly entryName: string;
}

const POM_PROPERTIES = /^META-INF\/maven\/([^/]+)\/([^/]+)\/pom\.properties$/;

/** Whether an entry is a pom.properties that maven-archiver writes for the artifact built into a jar. */
export function isPomPropertiesEntry(name: string): boolean {
  return POM_PROPERTIES.test(name);
}

/**
 * Parses a pom.properties (java.util.Properties text: `key=value` or `key: value`, `#`/`!` comments).
 * The folder names under META-INF/maven stand in for a missing groupId or artifactId; without a
 * version it is undefined, as the file is then useless for identity.
 */
export function parsePomProperties(entryName: string, text: string): PomProperties | undefined {
  const folders = POM_PROPERTIES.exec(entryName);
  const values = new Map<string, string>();
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const separator = line.search(/[=:]/);
    if (separator <= 0) continue;
    values.set(line.slice(0, separator).trim(), line.slice(separator + 1).trim());
  }
  const groupId = values.get('groupId') ?? folders?.[1];
  const artifactId = values.get('artifactId') ?? folders?.[2];
  const version = values.get('version');
  if (groupId === undefined || artifactId === undefined || version === undefined || version === '') return undefined;
  return { groupId, artifactId, version, entryName };
}
