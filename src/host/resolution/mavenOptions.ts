import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import * as vscode from 'vscode';

/** The `jarscope.maven.*` settings of one workspace folder, paths made absolute. */
export interface MavenOptions {
  readonly localRepository: string | undefined;
  readonly settingsFile: string | undefined;
  readonly activeProfiles: readonly string[];
  readonly inactiveProfiles: readonly string[];
  readonly userProperties: ReadonlyMap<string, string>;
}

/** A path setting: `~/` is the home folder, a relative path is relative to the workspace folder. */
function pathSetting(value: unknown, folder: string | undefined): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const path = value.trim();
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(1));
  if (isAbsolute(path) || folder === undefined) return resolve(path);
  return resolve(folder, path);
}

/** Reads the settings as the folder that holds `pomPath` sees them; values of the wrong type are ignored. */
export function readMavenOptions(pomPath: string): MavenOptions {
  const uri = vscode.Uri.file(pomPath);
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  const config = vscode.workspace.getConfiguration('jarscope.maven', uri);
  const profiles = config.get<unknown>('profiles');
  const ids = Array.isArray(profiles) ? profiles.filter((id): id is string => typeof id === 'string' && id.trim() !== '').map((id) => id.trim()) : [];
  // Maven's -P: `!id` or `-id` deactivates a profile, `id` or `+id` activates it.
  const inactive = ids.filter((id) => id.startsWith('!') || id.startsWith('-')).map((id) => id.slice(1));
  const active = ids.filter((id) => !id.startsWith('!') && !id.startsWith('-')).map((id) => id.replace(/^\+/, ''));
  const properties = config.get<unknown>('properties');
  const userProperties = new Map<string, string>();
  if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) {
    for (const [name, value] of Object.entries(properties as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') userProperties.set(name, String(value));
    }
  }
  return {
    localRepository: pathSetting(config.get<unknown>('localRepository'), folder),
    settingsFile: pathSetting(config.get<unknown>('settingsFile'), folder),
    activeProfiles: active,
    inactiveProfiles: inactive,
    userProperties,
  };
}
