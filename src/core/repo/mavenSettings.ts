import { readFileSync } from 'node:fs';
import { parseActivation } from '../pom/parsePom';
import type { RawActivation } from '../pom/rawPom';
import { childElement, childElements, childText, parseXml, type XmlElement } from '../pom/xmlTree';
import { errorMessage } from './fileChecks';

/** A `<profile>` of settings.xml: only what settings profiles can contribute to a build. */
export interface SettingsProfile {
  id: string;
  activeByDefault: boolean;
  /** The conditions (jdk, os, property, file) that activate it, expanded as the rest of the settings. */
  activation?: Omit<RawActivation, 'activeByDefault'>;
  properties: ReadonlyMap<string, string>;
}

/** The parts of a settings.xml that change what a build resolves. */
export interface MavenSettings {
  file: string;
  localRepository?: string;
  profiles: SettingsProfile[];
  activeProfiles: string[];
}

export interface SettingsReadResult {
  settings?: MavenSettings;
  problem?: string;
}

/** How deep `${a}` -> `${b}` -> ... may go before an expression is left as written (a cycle). */
const maxExpansionDepth = 10;

/**
 * Expands `${...}` as Maven's DefaultSettingsBuilder does before it reads the settings: from the
 * given properties (user, then system properties), `${user.home}` from the home directory, and
 * `${env.NAME}` from the environment. Unknown expressions stay as written, as in Maven.
 */
function expand(text: string, lookup: (name: string) => string | undefined, depth = 0): string {
  if (depth >= maxExpansionDepth || !text.includes('${')) return text;
  return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    const value = lookup(name);
    return value === undefined ? whole : expand(value, lookup, depth + 1);
  });
}

function settingsLookup(env: NodeJS.ProcessEnv, homeDir: string, properties: ReadonlyMap<string, string>) {
  return (name: string): string | undefined => {
    const property = properties.get(name);
    if (property !== undefined) return property;
    if (name === 'user.home') return homeDir;
    return name.startsWith('env.') ? env[name.slice('env.'.length)] : undefined;
  };
}

/** An `<activation>`'s conditions with each value expanded. */
function readActivation(element: XmlElement | undefined, text: (value: string | undefined) => string | undefined): Omit<RawActivation, 'activeByDefault'> | undefined {
  const written = parseActivation(element);
  if (written === undefined) return undefined;
  const { os, property, file } = written;
  const propertyName = text(property?.name);
  return {
    jdk: text(written.jdk),
    os: os && { name: text(os.name), family: text(os.family), arch: text(os.arch), version: text(os.version) },
    property: propertyName === undefined ? undefined : { name: propertyName, value: text(property?.value) },
    file: file && { exists: text(file.exists), missing: text(file.missing) },
  };
}

function readProfile(element: XmlElement, text: (value: string | undefined) => string | undefined): SettingsProfile {
  const activation = childElement(element, 'activation');
  const properties = new Map<string, string>();
  for (const entry of childElement(element, 'properties')?.children ?? []) {
    properties.set(entry.name, text(entry.text) ?? '');
  }
  const conditions = readActivation(activation, text);
  return {
    // Maven's settings model defaults a profile's id to "default".
    id: text(childText(element, 'id')) ?? 'default',
    activeByDefault: text(childText(activation, 'activeByDefault')) === 'true',
    ...(conditions === undefined ? {} : { activation: conditions }),
    properties,
  };
}

/**
 * Reads a Maven settings.xml (user `~/.m2/settings.xml` or global `$MAVEN_HOME/conf/settings.xml`):
 * `<localRepository>`, `<profiles>` (id, activeByDefault, activation by jdk, os, property or file, properties) and
 * `<activeProfiles>`, with `${user.home}`, `${env.NAME}` and the given properties expanded.
 * A missing file gives neither settings nor a problem; an unreadable or malformed one gives a problem
 * naming the file (and line and column), never an exception.
 */
export function readMavenSettings(
  file: string,
  env: NodeJS.ProcessEnv,
  homeDir: string,
  properties: ReadonlyMap<string, string> = new Map(),
): SettingsReadResult {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { problem: `${file}: cannot read the settings: ${errorMessage(cause)}` };
  }
  const parsed = parseXml(source);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { problem: `${file}:${line}:${column}: malformed settings: ${message}` };
  }
  if (parsed.root.name !== 'settings') {
    return { problem: `${file}: expected root element 'settings' but found '${parsed.root.name}'` };
  }
  const lookup = settingsLookup(env, homeDir, properties);
  const text = (value: string | undefined): string | undefined => (value === undefined ? undefined : expand(value, lookup));
  const root = parsed.root;
  const localRepository = text(childText(root, 'localRepository'));
  return {
    settings: {
      file,
      ...(localRepository ? { localRepository } : {}),
      profiles: childElements(childElement(root, 'profiles'), 'profile').map((profile) => readProfile(profile, text)),
      activeProfiles: childElements(childElement(root, 'activeProfiles'), 'activeProfile')
        .map((element) => text(element.text) ?? '')
        .filter((id) => id !== ''),
    },
  };
}
