import * as vscode from 'vscode';

export interface ScanSettings {
  readonly exclude: readonly string[];
  readonly maxPoms: number;
  readonly debounceMs: number;
}

// 200 ms: a pause in typing that short already means the edit is done; the analysis runs in a worker, so typing stays smooth.
const defaults: ScanSettings = { exclude: [], maxPoms: 10_000, debounceMs: 200 };

function nonNegativeNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** The `jarscope.*` settings, with the declared defaults for values of the wrong type. */
export function readScanSettings(): ScanSettings {
  const config = vscode.workspace.getConfiguration('jarscope');
  const exclude = config.get<unknown>('scan.exclude');
  return {
    exclude: Array.isArray(exclude) ? exclude.filter((name): name is string => typeof name === 'string' && name !== '') : defaults.exclude,
    maxPoms: Math.max(1, Math.floor(nonNegativeNumber(config.get<unknown>('scan.maxPoms'), defaults.maxPoms))),
    debounceMs: nonNegativeNumber(config.get<unknown>('debounceMs'), defaults.debounceMs),
  };
}

/** Whether a configuration change touches the settings that decide which poms are found. */
export function affectsScan(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('jarscope.scan');
}
