import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { AnalysedScope, FindingCode } from '../../core/analysis/finding';
import type { IgnorePatterns } from '../../core/analysis/ignorePatterns';
import type { RuntimeOptions } from '../../core/runtime/runtimeSelection';
import { ignorePatterns } from '../../cli/checkCommand';
import { FINDING_CODES, isFindingCode, isSeverityLevel, type SeverityLevel } from './findingPresentation';

/** The `jarscope.*` settings of the classpath analysis, as the folder of one pom sees them. */
export interface FindingsSettings {
  readonly javaHome: string | undefined;
  readonly scopes: readonly AnalysedScope[];
  readonly ignore: IgnorePatterns;
  /** Per finding code: `jarscope.severity.<code>` wins over the `jarscope.severities` object. */
  readonly severities: ReadonlyMap<FindingCode, SeverityLevel>;
  /** `jarscope.runtimes` (with the presets), and `jarscope.runtime` for modules whose pom names no runtime. */
  readonly runtimes: RuntimeOptions;
}

const ALL_SCOPES: readonly AnalysedScope[] = ['compile', 'runtime', 'test'];

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
}

function folderOf(uri: vscode.Uri | undefined): string | undefined {
  return uri && vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
}

/** Reads the settings for the pom at `pomPath` (undefined: the window's); values of the wrong type are ignored. */
export function readFindingsSettings(pomPath?: string): FindingsSettings {
  const uri = pomPath === undefined ? undefined : vscode.Uri.file(pomPath);
  const config = vscode.workspace.getConfiguration('jarscope', uri);
  const jdk = config.get<unknown>('jdk');
  let javaHome: string | undefined;
  if (typeof jdk === 'string' && jdk.trim() !== '') {
    const path = jdk.trim();
    const folder = folderOf(uri);
    javaHome = path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : isAbsolute(path) || !folder ? resolve(path) : resolve(folder, path);
  }
  const scopes = strings(config.get<unknown>('scopes')).filter((scope): scope is AnalysedScope => (ALL_SCOPES as readonly string[]).includes(scope));
  const severities = new Map<FindingCode, SeverityLevel>();
  const object = config.get<unknown>('severities');
  if (typeof object === 'object' && object !== null && !Array.isArray(object)) {
    for (const [code, level] of Object.entries(object as Record<string, unknown>)) {
      if (isFindingCode(code) && isSeverityLevel(level)) severities.set(code, level);
    }
  }
  for (const code of FINDING_CODES) {
    const level = config.get<unknown>(`severity.${code}`);
    if (isSeverityLevel(level)) severities.set(code, level);
  }
  const runtime = config.get<unknown>('runtime');
  return {
    javaHome,
    scopes: scopes.length > 0 ? [...new Set(scopes)] : ALL_SCOPES,
    ignore: ignorePatterns(strings(config.get<unknown>('ignore'))),
    severities,
    runtimes: {
      // A plain copy: settings values may be frozen proxies, and the request goes to a worker thread.
      definitions: JSON.parse(JSON.stringify(config.get<unknown>('runtimes') ?? {})) as unknown,
      source: 'the jarscope.runtimes setting',
      baseDir: folderOf(uri) ?? (pomPath === undefined ? undefined : dirname(pomPath)),
      defaultName: typeof runtime === 'string' && runtime.trim() !== '' ? runtime.trim() : undefined,
    },
  };
}

/** Whether a configuration change asks for a new analysis (severities only re-render). */
export function affectsFindings(event: vscode.ConfigurationChangeEvent): boolean {
  return ['jarscope.jdk', 'jarscope.scopes', 'jarscope.ignore', 'jarscope.maven', 'jarscope.runtimes', 'jarscope.runtime'].some((section) => event.affectsConfiguration(section));
}

export function affectsSeverities(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('jarscope.severity') || event.affectsConfiguration('jarscope.severities');
}
