const usage = `Usage: jarscope <command> [options]

Commands:
  tree [DIR]        print each module's dependency tree as mvn dependency:tree does
  classpath [DIR]   print a module's classpath as mvn dependency:build-classpath does

Run "jarscope <command> --help" for a command's options.
`;

/** Runs the CLI and returns the process exit code (0 fine, 1 findings that stop resolution, 2 bad usage). */
export function main(argv: readonly string[]): number {
  const [command] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(usage);
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`jarscope: unknown command "${command}"\n\n${usage}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
