import type { IncludeScope } from '../core/resolve/classpath';
import { checkOptionNames, defaultCheckOptions, withCheckOption, type CheckOptions } from './checkOptions';
import { defaultRuntimeCliOptions, runtimeOptionNames, withRuntimeOption, type RuntimeCliOptions } from './runtimeOptions';
import { addProfiles, addProperty } from '../core/workspace/mavenSwitches';

export interface CliOptions {
  readonly command: 'tree' | 'classpath' | 'check';
  readonly dir: string;
  readonly help: boolean;
  readonly verbose: boolean;
  readonly module?: string;
  /** `check` takes compile, runtime or test only; `classpath` also provided and system, as -DincludeScope. */
  readonly scope: IncludeScope;
  /** Whether `--scope` was given: check analyses every scope unless it was. */
  readonly scopeGiven: boolean;
  readonly activeProfiles: string[];
  readonly inactiveProfiles: string[];
  /** `-D` properties, in order; a bare `-Dx` is `x=true` as in Maven. */
  readonly userProperties: Map<string, string>;
  readonly localRepo?: string;
  readonly settingsFile?: string;
  /** `--format`, `--fail-on`, `--jdk`, `--ignore`: check only. */
  readonly check: CheckOptions;
  /** `--runtime`, `--runtime-lib`: check only. */
  readonly runtime: RuntimeCliOptions;
  /** `--jar-folder` folders or globs of loose jars, on top of the lib/libs/plugins/connectors folders: check only. */
  readonly jarFolders: readonly string[];
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; message: string };

const analysedScopes: readonly IncludeScope[] = ['compile', 'runtime', 'test'];
const includeScopes: readonly IncludeScope[] = [...analysedScopes, 'provided', 'system'];

/**
 * Parses `jarscope tree|classpath|check [DIR] [options]`, accepting Maven's spellings of profiles and properties
 * (`-P a,b`, `-Pa`, `-P!a`, `--activate-profiles a`, `-Dx=y`, `-D x=y`, `-Dx`, `--define x=y`).
 */
export function parseArguments(argv: readonly string[]): ParseResult {
  const [command, ...rest] = argv;
  if (command !== 'tree' && command !== 'classpath' && command !== 'check') {
    return { ok: false, message: command === undefined ? 'no command given' : `unknown command "${command}"` };
  }
  let dir: string | undefined;
  let help = false;
  let verbose = false;
  let module: string | undefined;
  let scope: IncludeScope = 'test';
  const scopes = command === 'classpath' ? includeScopes : analysedScopes;
  let scopeGiven = false;
  let check = defaultCheckOptions();
  let runtime = defaultRuntimeCliOptions();
  const jarFolders: string[] = [];
  let localRepo: string | undefined;
  let settingsFile: string | undefined;
  const activeProfiles: string[] = [];
  const inactiveProfiles: string[] = [];
  const userProperties = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const value = (): string | undefined => {
      const next = rest[i + 1];
      if (next === undefined) return undefined;
      i++;
      return next;
    };
    const needValue = (name: string): string | { error: string } => value() ?? { error: `${name} needs a value` };
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--verbose' || arg === '-Dverbose' || arg === '-Dverbose=true') verbose = true;
    else if (arg === '--module' || arg === '--scope' || arg === '--local-repo' || arg === '--settings' || arg === '-s') {
      const given = needValue(arg);
      if (typeof given !== 'string') return { ok: false, message: given.error };
      if (arg === '--module') module = given;
      else if (arg === '--local-repo') localRepo = given;
      else if (arg === '--settings' || arg === '-s') settingsFile = given;
      else if ((scopes as readonly string[]).includes(given)) [scope, scopeGiven] = [given as IncludeScope, true];
      else return { ok: false, message: `--scope must be one of ${scopes.join(', ')}, not "${given}"` };
    } else if (arg.startsWith('--module=')) module = arg.slice('--module='.length);
    else if (arg.startsWith('--scope=')) {
      const given = arg.slice('--scope='.length);
      if (!(scopes as readonly string[]).includes(given)) {
        return { ok: false, message: `--scope must be one of ${scopes.join(', ')}, not "${given}"` };
      }
      [scope, scopeGiven] = [given as IncludeScope, true];
    } else if (command === 'check' && (arg === '--jar-folder' || arg.startsWith('--jar-folder='))) {
      const given = arg === '--jar-folder' ? needValue(arg) : arg.slice('--jar-folder='.length);
      if (typeof given !== 'string') return { ok: false, message: given.error };
      jarFolders.push(given);
    } else if (command === 'check' && [...checkOptionNames, ...runtimeOptionNames].some((name) => arg === name || arg.startsWith(`${name}=`))) {
      const equals = arg.indexOf('=');
      const name = equals < 0 ? arg : arg.slice(0, equals);
      const given = equals < 0 ? needValue(name) : arg.slice(equals + 1);
      if (typeof given !== 'string') return { ok: false, message: given.error };
      if (runtimeOptionNames.includes(name)) {
        const next = withRuntimeOption(runtime, name, given);
        if (typeof next === 'string') return { ok: false, message: next };
        runtime = next;
      } else {
        const next = withCheckOption(check, name, given);
        if (typeof next === 'string') return { ok: false, message: next };
        check = next;
      }
    } else if (arg.startsWith('--local-repo=')) localRepo = arg.slice('--local-repo='.length);
    else if (arg.startsWith('--settings=')) settingsFile = arg.slice('--settings='.length);
    else if (arg === '-P' || arg === '--activate-profiles') {
      const given = needValue(arg);
      if (typeof given !== 'string') return { ok: false, message: given.error };
      addProfiles(given, activeProfiles, inactiveProfiles);
    } else if (arg.startsWith('-P')) addProfiles(arg.slice(2), activeProfiles, inactiveProfiles);
    else if (arg === '-D' || arg === '--define') {
      const given = needValue(arg);
      if (typeof given !== 'string') return { ok: false, message: given.error };
      addProperty(given, userProperties);
    } else if (arg.startsWith('-D')) addProperty(arg.slice(2), userProperties);
    else if (arg.startsWith('-')) return { ok: false, message: `unknown option "${arg}"` };
    else if (dir === undefined) dir = arg;
    else return { ok: false, message: `unexpected argument "${arg}" (the project folder is already "${dir}")` };
  }
  if (userProperties.get('verbose') === 'true') {
    verbose = true;
    userProperties.delete('verbose');
  }
  return {
    ok: true,
    options: {
      command,
      dir: dir ?? '.',
      help,
      verbose,
      module,
      scope,
      scopeGiven,
      activeProfiles,
      inactiveProfiles,
      userProperties,
      localRepo,
      settingsFile,
      check,
      runtime,
      jarFolders,
    },
  };
}
