import * as vscode from 'vscode';
import { lineAndColumnAt, type TextRange } from '../../core/pom/xmlTree';
import type { ProjectTree } from '../../core/workspace/projectTree';
import type { WorkspaceAnalyzer } from '../workspaceAnalyzer';

/** The code of the diagnostic on a pom that is not well-formed XML. */
export const POM_ERROR_CODE = 'pom-error';
const SOURCE = 'Jarscope';

function positionAt(text: string, offset: number): vscode.Position {
  const { line, column } = lineAndColumnAt(text, offset);
  return new vscode.Position(line - 1, column - 1);
}

function rangeIn(text: string, range: TextRange): vscode.Range {
  return new vscode.Range(positionAt(text, range.start), positionAt(text, range.end));
}

/** The XML error's position, widened to the tag or word it points at so that it can be seen. */
function xmlErrorRange(text: string, offset: number): vscode.Range {
  const start = positionAt(text, offset);
  const token = /^(<\/?[^\s<>]*>?|[^\s<>]+)/.exec(text.slice(offset, offset + 200))?.[0] ?? '';
  return new vscode.Range(start, start.translate(0, Math.max(1, token.length)));
}

function diagnosticsFor(tree: ProjectTree): Map<string, vscode.Diagnostic[]> {
  const byPath = new Map<string, vscode.Diagnostic[]>();
  const add = (path: string, diagnostic: vscode.Diagnostic): void => {
    diagnostic.source = SOURCE;
    byPath.set(path, [...(byPath.get(path) ?? []), diagnostic]);
  };
  for (const node of tree.nodes) {
    const { file } = node;
    if (file.status === 'malformed') {
      const { error } = file;
      const diagnostic = new vscode.Diagnostic(
        xmlErrorRange(file.text, error.offset),
        `pom.xml is not well-formed XML: ${error.message}`,
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.code = POM_ERROR_CODE;
      add(file.path, diagnostic);
    }
    if (file.status === 'unreadable') continue;
    for (const problem of node.problems) {
      const diagnostic = new vscode.Diagnostic(rangeIn(file.text, problem.range), problem.message, vscode.DiagnosticSeverity.Warning);
      diagnostic.code = problem.code;
      add(problem.pomPath, diagnostic);
    }
  }
  return byPath;
}

/**
 * Shows what keeps a pom from being read in the pom itself: an Error where its XML breaks (code
 * `pom-error`), a Warning on a `<module>` that points nowhere or closes a cycle. Each new state replaces
 * the previous diagnostics, so a fixed or deleted pom loses its own.
 */
export function registerXmlDiagnostics(analyzer: WorkspaceAnalyzer): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('jarscope');
  let shown = new Set<string>();
  const subscription = analyzer.onDidChangeState((state) => {
    const next = diagnosticsFor(state.tree);
    for (const path of shown) if (!next.has(path)) collection.delete(vscode.Uri.file(path));
    for (const [path, diagnostics] of next) collection.set(vscode.Uri.file(path), diagnostics);
    shown = new Set(next.keys());
  });
  return vscode.Disposable.from(subscription, collection);
}
