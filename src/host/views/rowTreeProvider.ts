import * as vscode from 'vscode';

/** A row of a Jarscope view: its tree item, its children and its parent (for TreeView.reveal) known at once. */
export interface ViewRow<T> {
  readonly parent: T | undefined;
  children(): T[];
  toTreeItem(): vscode.TreeItem;
}

/** A tree provider over rows that render themselves; `show` replaces the top-level rows and refreshes the view. */
export class RowTreeProvider<T extends ViewRow<T>> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<T | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  protected rows: T[] = [];

  protected show(rows: T[]): void {
    this.rows = rows;
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: T): vscode.TreeItem {
    return node.toTreeItem();
  }

  getChildren(node?: T): T[] {
    return node ? node.children() : this.rows;
  }

  getParent(node: T): T | undefined {
    return node.parent;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
