import { writeSync } from 'node:fs';
import { runClasspath, runTree, type CommandOutput } from './commands';
import { parseArguments } from './parseArguments';

const usage = `Usage: jarscope <command> [DIR] [options]

Commands:
  tree [DIR]        print each module's dependency tree as mvn dependency:tree does
  classpath [DIR]   print a module's classpath as mvn dependency:build-classpath does
  check [DIR]       find duplicate classes, missing classes and members, version conflicts
  compare-dirs A B  compare two jar folders by artifact: added, removed, upgraded, changed

Options:
  --verbose              (tree) show omitted dependencies and management notes, as -Dverbose
  --module RELDIR        only this module (relative to DIR, "." for the root; classpath default ".")
  --scope S              (classpath) compile, runtime or test (default test), or provided
                         or system alone, as -DincludeScope;
                         (check) only this classpath (default all three)
  --format F             (check) text, json or sarif (default text)
  --fail-on S            (check) exit 1 on a finding of severity S or worse: error, warning,
                         info or none (default error)
  --jdk DIR              (check) the JDK whose classes are present (default JAVA_HOME, then java on PATH)
  --ignore PATTERN       (check) ignore classes (org.a.*) or artifacts (group:artifact); repeatable
  --runtime NAME         (check) the runtime every module deploys to: flink, spark, spark-user-first
                         or a name of jarscope.runtimes in DIR/.vscode/settings.json (default: each
                         module's jarscope.runtime pom property); reports the job's overlap with it
  --runtime-lib GLOB     (check) a folder or glob (*, **, ?) of the runtime's jars; repeatable; adds to
                         the runtime, or alone makes a parent-first runtime of these jars
  --jar-folder GLOB      (check) also analyse this folder or glob (*, **, ?) of loose jars, on top
                         of the lib, libs, plugins and connectors folders; repeatable
  --format text|json     (compare-dirs) the output format (default text)
  -P a,!b  -Pa  -P!a     activate or deactivate profiles, as Maven
  -Dname=value  -Dname   set a property, as Maven
  --local-repo DIR       the local repository (default: as Maven finds it)
  --settings FILE        the user settings.xml (default ~/.m2/settings.xml)
  --help                 this text

Exit codes: 0 fine, 1 findings that stop resolution (check: findings at --fail-on), 2 bad usage.
Problems go to stderr as "path:line:col: severity: message".
`;

async function execute(argv: readonly string[]): Promise<CommandOutput> {
  const [command] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    return { exitCode: command === undefined ? 2 : 0, stdout: command === undefined ? '' : usage, stderr: command === undefined ? usage : '' };
  }
  if (command === 'compare-dirs') {
    const { runCompareDirs } = await import('./compareDirsCommand.js');
    return await runCompareDirs(argv.slice(1));
  }
  const parsed = parseArguments(argv);
  if (!parsed.ok) return { exitCode: 2, stdout: '', stderr: `jarscope: ${parsed.message}\n\n${usage}` };
  if (parsed.options.help) return { exitCode: 0, stdout: usage, stderr: '' };
  try {
    if (parsed.options.command === 'check') {
      // Loaded on demand: the class analysis is most of the bundle, and tree/classpath never need it.
      const { runCheck } = await import('./checkCommand.js');
      return await runCheck(parsed.options, process.env);
    }
    return parsed.options.command === 'tree' ? runTree(parsed.options, process.env) : runClasspath(parsed.options, process.env);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: 1, stdout: '', stderr: `jarscope: error: ${message}\n` };
  }
}

/**
 * Writes all of `text` to a standard stream's descriptor synchronously. Touching process.stdout loads
 * Node's stream machinery, a measurable part of a short run; a descriptor Node made non-blocking
 * (EAGAIN) gets the rest through the stream instead.
 */
function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(fd, bytes, written);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(written));
  }
}

/** Runs the CLI and returns the process exit code (0 fine, 1 findings that stop resolution, 2 bad usage). */
export async function main(argv: readonly string[]): Promise<number> {
  const output = await execute(argv);
  writeAll(1, output.stdout);
  writeAll(2, output.stderr);
  return output.exitCode;
}

void main(process.argv.slice(2)).then((exitCode) => {
  process.exitCode = exitCode;
});
