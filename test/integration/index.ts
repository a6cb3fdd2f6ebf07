// Entry point that VS Code's extension host loads as `extensionTestsPath`: runs the mocha suites
// bundled next to this file and reports "N passed, N failed".
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

const testOutputMarker = '[jarscope-test] ';

export async function run(): Promise<void> {
  // The extension host forwards console output as one joined string and drops printf formatting; the
  // marker tells the harness which lines are the test runner's (the workbench logs a lot besides).
  const report = (text: string) => console.log(text.split('\n').map((line) => `${testOutputMarker}${line}`).join('\n'));
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => report(format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // Each suite folder runs in its own window, on the workspace the runner opened for it.
  const suiteDir = join(__dirname, process.env.JARSCOPE_TEST_SUITE ?? 'suite');
  const grep = process.env.JARSCOPE_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(suiteDir).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(join(suiteDir, file));
  }
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('end', () => {
      const passed = runner.stats?.passes ?? 0;
      const failed = runner.stats?.failures ?? 0;
      report(`${passed} passed, ${failed} failed`);
    });
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
