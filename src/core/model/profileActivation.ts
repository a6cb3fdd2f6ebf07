import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { RawActivation } from '../pom/rawPom';
import { Interpolator } from './interpolation';

/** What profile activation may look at (Maven's ProfileActivationContext). */
export interface ProfileActivationContext {
  /** `-P id` (and settings `<activeProfiles>`). */
  activeProfileIds: ReadonlySet<string>;
  /** `-P !id`. */
  inactiveProfileIds: ReadonlySet<string>;
  userProperties: ReadonlyMap<string, string>;
  systemProperties: ReadonlyMap<string, string>;
  env: NodeJS.ProcessEnv;
  jdkVersion: string;
  os: { name: string; family: string; arch: string; version: string };
  /** The pom's folder; unknown for a pom read from the local repository (Maven builds those from a model source). */
  basedir?: string;
  /** The properties of the pom itself (as written), for `${...}` in file activation paths. */
  projectProperties: ReadonlyMap<string, string>;
}

export interface ActivatableProfile {
  readonly id: string;
  readonly activation?: RawActivation;
}

/**
 * The profiles of one pom (or of the settings) that are active, as Maven 3.8's DefaultProfileSelector decides:
 * `-P !id` deactivates; `-P id` activates; otherwise every activation condition written must hold (they are
 * ANDed since Maven 3.2.2); activeByDefault profiles count only when no other profile of the same list is active.
 */
export function selectActiveProfiles<P extends ActivatableProfile>(profiles: readonly P[], context: ProfileActivationContext): P[] {
  const active: P[] = [];
  const activeByDefault: P[] = [];
  for (const profile of profiles) {
    if (context.inactiveProfileIds.has(profile.id)) continue;
    if (context.activeProfileIds.has(profile.id) || conditionsHold(profile.activation, context)) active.push(profile);
    else if (profile.activation?.activeByDefault) activeByDefault.push(profile);
  }
  return active.length > 0 ? active : activeByDefault;
}

function conditionsHold(activation: RawActivation | undefined, context: ProfileActivationContext): boolean {
  if (!activation) return false;
  const checks: boolean[] = [];
  if (activation.jdk !== undefined) checks.push(jdkMatches(activation.jdk, context.jdkVersion));
  if (activation.os && Object.values(activation.os).some((value) => value !== undefined)) checks.push(osMatches(activation.os, context.os));
  if (activation.property) checks.push(propertyMatches(activation.property, context));
  if (activation.file && (activation.file.exists || activation.file.missing)) checks.push(fileMatches(activation.file, context));
  return checks.length > 0 && checks.every(Boolean);
}

/** PropertyProfileActivator: `!name` means absent; a value must equal (or, with `!value`, differ from) the user or system property. */
export function propertyMatches(property: { name: string; value?: string }, context: ProfileActivationContext): boolean {
  const negatedName = property.name.startsWith('!');
  const name = negatedName ? property.name.slice(1) : property.name;
  if (name === '') return false;
  const actual = context.userProperties.get(name) ?? context.systemProperties.get(name) ?? envProperty(name, context.env);
  if (property.value !== undefined && property.value !== '') {
    const negatedValue = property.value.startsWith('!');
    const expected = negatedValue ? property.value.slice(1) : property.value;
    return (expected === actual) !== negatedValue;
  }
  const present = actual !== undefined && actual !== '';
  return present !== negatedName;
}

/** Maven exposes environment variables as `env.NAME` system properties. */
export function envProperty(name: string, env: NodeJS.ProcessEnv): string | undefined {
  return name.startsWith('env.') ? env[name.slice(4)] : undefined;
}

/** JdkVersionProfileActivator: `!prefix`, a range such as `[1.8,11)`, or a prefix of java.version. */
export function jdkMatches(spec: string, javaVersion: string): boolean {
  if (spec.startsWith('!')) return !javaVersion.startsWith(spec.slice(1));
  if (spec.startsWith('[') || spec.startsWith('(')) return jdkInRange(javaVersion, spec);
  return javaVersion.startsWith(spec);
}

interface RangeBound {
  value: string;
  closed: boolean;
}

function jdkInRange(javaVersion: string, spec: string): boolean {
  const bounds: RangeBound[] = [];
  // Java's String.split drops trailing empty tokens; "[1.8," keeps one token.
  const tokens = spec.split(',');
  while (tokens.length > 0 && tokens[tokens.length - 1] === '') tokens.pop();
  for (const token of tokens) {
    if (token.startsWith('[')) bounds.push({ value: token.replace(/\[/g, ''), closed: true });
    else if (token.startsWith('(')) bounds.push({ value: token.replace(/\(/g, ''), closed: false });
    else if (token.endsWith(']')) bounds.push({ value: token.replace(/\]/g, ''), closed: true });
    else if (token.endsWith(')')) bounds.push({ value: token.replace(/\)/g, ''), closed: false });
    else if (token === '') bounds.push({ value: '', closed: false });
  }
  if (bounds.length < 2) bounds.push({ value: '99999999', closed: false });
  const [lower, upper] = bounds as [RangeBound, RangeBound];
  const lowerRelation = relationTo(javaVersion, lower, true);
  if (lowerRelation === 0) return true;
  if (lowerRelation < 0) return false;
  return relationTo(javaVersion, upper, false) <= 0;
}

function relationTo(javaVersion: string, bound: RangeBound, isLower: boolean): number {
  if (bound.value === '') return isLower ? 1 : -1;
  const versionTokens = numericTokens(javaVersion.replace(/[^0-9._-]/g, '').replace(/[._-]/g, '.').replace(/\.+/g, '.'));
  const boundTokens = numericTokens(bound.value);
  for (let i = 0; i < 3; i++) {
    const x = versionTokens[i] ?? 0;
    const y = boundTokens[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  if (!bound.closed) return isLower ? -1 : 1;
  return 0;
}

function numericTokens(version: string): number[] {
  return version.split('.').map((token) => {
    const number = parseInt(token, 10);
    return Number.isNaN(number) ? 0 : number;
  });
}

/** OperatingSystemProfileActivator: every given part (name, family, arch, version; `!` negates) must match. */
export function osMatches(
  condition: { name?: string; family?: string; arch?: string; version?: string },
  os: { name: string; family: string; arch: string; version: string },
): boolean {
  const osName = os.name.toLowerCase();
  const negatable = (expected: string | undefined, test: (value: string) => boolean): boolean => {
    if (expected === undefined) return true;
    const negated = expected.startsWith('!');
    return test(negated ? expected.slice(1) : expected) !== negated;
  };
  return (
    negatable(condition.family, (family) => family.toLowerCase() === os.family.toLowerCase() || isOsFamily(family.toLowerCase(), osName)) &&
    negatable(condition.name, (name) => name.toLowerCase() === osName) &&
    negatable(condition.arch, (arch) => arch.toLowerCase() === os.arch.toLowerCase()) &&
    negatable(condition.version, (version) => version.toLowerCase() === os.version.toLowerCase())
  );
}

/** plexus-utils Os.isFamily, on the lower-cased os.name. */
export function isOsFamily(family: string, osName: string): boolean {
  const isWindows = osName.includes('windows');
  const is9x = isWindows && ['95', '98', 'me', 'ce'].some((marker) => osName.includes(marker));
  const pathSeparator = isWindows || osName.includes('os/2') || osName.includes('netware') ? ';' : ':';
  switch (family) {
    case 'windows':
      return isWindows;
    case 'win9x':
      return is9x;
    case 'winnt':
      return isWindows && !is9x;
    case 'dos':
      return pathSeparator === ';' && !osName.includes('netware') && !isWindows;
    case 'mac':
      return osName.includes('mac');
    case 'tandem':
      return osName.includes('nonstop_kernel');
    case 'unix':
      return pathSeparator === ':' && !osName.includes('openvms') && (!osName.includes('mac') || osName.endsWith('x'));
    case 'z/os':
      return osName.includes('z/os') || osName.includes('os/390');
    default:
      return osName.includes(family);
  }
}

/**
 * FileProfileActivator: `exists` wins over `missing`; the path may use `${basedir}`/`${project.basedir}` (only
 * when the pom has a folder), the pom's properties, user and system properties; a relative path is taken from
 * the pom's folder; a path that is still not absolute never matches.
 */
export function fileMatches(file: { exists?: string; missing?: string }, context: ProfileActivationContext): boolean {
  const missing = !file.exists;
  const written = file.exists || file.missing;
  if (!written) return false;
  const basedir = context.basedir;
  if (basedir === undefined && written.includes('${basedir}')) return false;
  const interpolator = new Interpolator((expression) => {
    if (basedir !== undefined && (expression === 'basedir' || expression === 'project.basedir')) return basedir;
    return context.projectProperties.get(expression) ?? context.userProperties.get(expression) ?? context.systemProperties.get(expression);
  });
  let path = interpolator.interpolate(written);
  if (!isAbsolute(path) && basedir !== undefined) path = join(basedir, path);
  if (!isAbsolute(path)) return false;
  return existsSync(path) !== missing;
}
