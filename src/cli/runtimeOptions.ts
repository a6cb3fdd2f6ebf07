import { resolve } from 'node:path';
import type { RuntimeOptions } from '../core/runtime/runtimeSelection';
import { readWorkspaceRuntimeSettings } from '../core/runtime/workspaceRuntimeSettings';
import type { WorkspaceSettingsFile } from '../core/workspace/workspaceSettingsFile';

/** `--runtime NAME` and `--runtime-lib GLOB` of `jarscope check`. */
export interface RuntimeCliOptions {
  /** A preset or a name of `jarscope.runtimes`: every module deploys to it. */
  readonly runtime?: string;
  /** Folders or globs of jars, relative to the current folder: added to the runtime, or alone an ad-hoc parent-first runtime. */
  readonly runtimeLibs: readonly string[];
}

export const runtimeOptionNames: readonly string[] = ['--runtime', '--runtime-lib'];

export function defaultRuntimeCliOptions(): RuntimeCliOptions {
  return { runtimeLibs: [] };
}

/** Sets one runtime option from its command-line value; returns why the value is wrong, if it is. */
export function withRuntimeOption(options: RuntimeCliOptions, name: string, value: string): RuntimeCliOptions | string {
  const given = value.trim();
  if (given === '') return `${name} needs a value`;
  if (name === '--runtime') return { ...options, runtime: given };
  if (name === '--runtime-lib') return { ...options, runtimeLibs: [...options.runtimeLibs, given] };
  return `unknown option "${name}"`;
}

/**
 * The runtimes of a `check` run: the definitions and default runtime of `DIR/.vscode/settings.json` (the
 * editor's configuration, so CI and editor agree; relative libs against DIR), `--runtime` naming the runtime
 * of every module, `--runtime-lib` jars taken against the current folder as a shell user means them.
 */
export function checkRuntimeOptions(dir: string, options: RuntimeCliOptions, cwd: string, settingsFile: WorkspaceSettingsFile): { runtimes: RuntimeOptions; warnings: readonly string[] } {
  const settings = readWorkspaceRuntimeSettings(dir, settingsFile);
  return {
    runtimes: {
      definitions: settings.runtimes,
      source: settings.file ?? 'jarscope.runtimes',
      baseDir: dir,
      name: options.runtime,
      defaultName: settings.runtime,
      extraLibs: options.runtimeLibs.map((lib) => (lib.startsWith('~') ? lib : resolve(cwd, lib))),
    },
    warnings: settings.warnings,
  };
}
