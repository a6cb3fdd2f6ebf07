import type * as vscode from 'vscode';

const ATTEMPTS = 20;
const WAIT_MS = 150;

/** Whether `isSelected` holds now or turns true with a selection change within WAIT_MS. */
function selectedSoon<T>(view: vscode.TreeView<T>, isSelected: () => boolean): Promise<boolean> {
  if (isSelected()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      resolve(isSelected());
    }, WAIT_MS);
    const subscription = view.onDidChangeSelection(() => {
      if (!isSelected()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(true);
    });
  });
}

/**
 * Reveals, expands to and selects a row, focusing the view. A view whose pane was never open has not
 * fetched its rows yet when it opens, and the workbench then drops the reveal without a word: reveal again
 * until the row is selected (a bounded number of times). Returns whether it is.
 */
export async function revealRow<T>(view: vscode.TreeView<T>, row: T, idOf: (node: T) => string | undefined): Promise<boolean> {
  const wanted = idOf(row);
  const isSelected = (): boolean => view.selection.some((node) => idOf(node) === wanted);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    await view.reveal(row, { select: true, focus: true, expand: true });
    if (await selectedSoon(view, isSelected)) return true;
  }
  return false;
}
