import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parsePom } from '../../core/pom/parsePom';
import { lineAndColumnAt, type TextRange } from '../../core/pom/xmlTree';
import type { WorkspaceReactor } from '../resolution/workspaceReactor';
import { resolutionProblemPlaces } from '../resolution/problemPlaces';
import { remapRange } from '../resolution/rangeRemap';
import type { ResolutionService } from '../resolution/resolutionService';

const SOURCE = 'Jarscope';

/** Reads each pom once per update, and turns offsets in what the core read into editor ranges. */
class PomPositions {
  private readonly texts = new Map<string, string | undefined>();

  diskText(path: string): string | undefined {
    if (!this.texts.has(path)) {
      let text: string | undefined;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        text = undefined;
      }
      this.texts.set(path, text);
    }
    return this.texts.get(path);
  }

  /** The range in the open editor's text when there is one (its unsaved text may have moved things), else on disk. */
  rangeOf(path: string, range: TextRange): vscode.Range | undefined {
    const disk = this.diskText(path) ?? '';
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'file' && candidate.uri.fsPath === path);
    if (document) {
      const moved = remapRange(disk, document.getText(), range);
      return moved && new vscode.Range(document.positionAt(moved.start), document.positionAt(moved.end));
    }
    const start = lineAndColumnAt(disk, range.start);
    const end = lineAndColumnAt(disk, range.end);
    return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
  }

  /** The `<parent>` element of a pom, else its first character. */
  parentRange(path: string): TextRange {
    const parsed = parsePom(this.diskText(path) ?? '');
    return (parsed.ok ? parsed.pom.parent?.range : undefined) ?? { start: 0, end: 0 };
  }
}

function diagnosticsFor(reactors: readonly WorkspaceReactor[]): Map<string, vscode.Diagnostic[]> {
  const positions = new PomPositions();
  const byPath = new Map<string, vscode.Diagnostic[]>();
  for (const problem of resolutionProblemPlaces(reactors, (pomPath) => positions.parentRange(pomPath))) {
    const range = positions.rangeOf(problem.pomPath, problem.range);
    if (!range) continue;
    const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
    const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
    diagnostic.code = problem.code;
    diagnostic.source = SOURCE;
    byPath.set(problem.pomPath, [...(byPath.get(problem.pomPath) ?? []), diagnostic]);
  }
  return byPath;
}

/**
 * Shows what resolution could not do where the pom says it: model problems (a missing parent or BOM, an
 * invalid dependency) on their element, and artifacts whose pom is missing or unusable on the direct
 * `<dependency>` that brings them in, with the problem's code. Own collection, `jarscope-resolution`;
 * each resolution replaces the previous diagnostics.
 */
export function registerResolutionDiagnostics(service: ResolutionService): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('jarscope-resolution');
  let shown = new Set<string>();
  const subscription = service.onDidChangeState((state) => {
    const next = diagnosticsFor(state.reactors);
    for (const path of shown) if (!next.has(path)) collection.delete(vscode.Uri.file(path));
    for (const [path, diagnostics] of next) collection.set(vscode.Uri.file(path), diagnostics);
    shown = new Set(next.keys());
  });
  return vscode.Disposable.from(subscription, collection);
}
