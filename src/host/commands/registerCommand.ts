import * as vscode from 'vscode';

/** Cancellation is the user's or a newer request's doing: never an error to show. */
export function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError || (error instanceof Error && error.name === 'AbortError');
}

/**
 * Registers a command through the one wrapper every Jarscope command uses: a failure is logged with its
 * stack to the Jarscope log and shown once as an error message; a cancellation is silent.
 */
export function registerCommand(
  subscriptions: vscode.Disposable[],
  log: vscode.LogOutputChannel,
  command: string,
  handler: (...args: unknown[]) => unknown,
): void {
  const run = async (...args: unknown[]): Promise<unknown> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isCancellation(error)) {
        log.debug(`${command} cancelled`);
        return undefined;
      }
      log.error(`${command} failed:`, error);
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`Jarscope: ${message}`, 'Show Log').then((choice) => {
        if (choice) log.show();
      });
      return undefined;
    }
  };
  subscriptions.push(vscode.commands.registerCommand(command, run));
}
