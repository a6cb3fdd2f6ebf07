import type { Severity } from '../core/analysis/finding';

export type FindingsFormat = 'text' | 'json' | 'sarif';
export type FailOn = Severity | 'none';

/** The options only `jarscope check` takes. */
export interface CheckOptions {
  readonly format: FindingsFormat;
  /** The least severity that makes the exit code 1. */
  readonly failOn: FailOn;
  /** The JDK whose classes count as present; else JAVA_HOME, else `java` on PATH. */
  readonly jdk?: string;
  /** `--ignore` patterns: `groupId:artifactId` for artifacts, else dotted class names; `*` matches anything. */
  readonly ignore: readonly string[];
}

export const checkOptionNames: readonly string[] = ['--format', '--fail-on', '--jdk', '--ignore'];

const formats: readonly FindingsFormat[] = ['text', 'json', 'sarif'];
const failOns: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

export function defaultCheckOptions(): CheckOptions {
  return { format: 'text', failOn: 'error', ignore: [] };
}

/** Sets one check option from its command-line value; returns why the value is wrong, if it is. */
export function withCheckOption(options: CheckOptions, name: string, value: string): CheckOptions | string {
  switch (name) {
    case '--format':
      return (formats as readonly string[]).includes(value) ? { ...options, format: value as FindingsFormat } : `--format must be one of ${formats.join(', ')}, not "${value}"`;
    case '--fail-on':
      return (failOns as readonly string[]).includes(value) ? { ...options, failOn: value as FailOn } : `--fail-on must be one of ${failOns.join(', ')}, not "${value}"`;
    case '--jdk':
      return { ...options, jdk: value };
    case '--ignore':
      return value.trim() === '' ? '--ignore needs a pattern' : { ...options, ignore: [...options.ignore, value.trim()] };
    default:
      return `unknown option "${name}"`;
  }
}
