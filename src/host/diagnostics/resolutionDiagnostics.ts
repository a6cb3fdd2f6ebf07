import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ModelProblem } from '../../core/model/modelTypes';
import { parsePom } from '../../core/pom/parsePom';
import { lineAndColumnAt, type TextRange } from '../../core/pom/xmlTree';
import { formatArtifact } from '../../core/resolve/artifact';
import type { CollectProblem } from '../../core/resolve/collector';
import { distinctModelProblems, type ResolvedModule, type ResolvedReactor } from '../../core/workspace/resolveWorkspace';
import { remapRange } from '../resolution/rangeRemap';
import type { ResolutionService } from '../resolution/resolutionService';

const SOURCE = 'Jarscope';

/** A problem placed in a pom, by offsets in the text the core read. */
interface PlacedProblem {
  readonly pomPath: string;
  readonly range: TextRange;
  readonly severity: vscode.DiagnosticSeverity;
  readonly code: string;
  readonly message: string;
}

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

function modelProblemPlaces(reactor: ResolvedReactor, positions: PomPositions): PlacedProblem[] {
  const modulePoms = new Set(reactor.modules.map((module) => module.module.pomPath));
  const placed: PlacedProblem[] = [];
  const place = (problem: ModelProblem, pomPath: string, range: TextRange, prefix: string): void => {
    const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
    placed.push({ pomPath, range, severity, code: problem.code, message: prefix + problem.message });
  };
  for (const problem of distinctModelProblems(reactor.modules)) {
    // A workspace pom that is not well-formed XML already has its diagnostic (xmlDiagnostics).
    if (problem.code === 'pom-malformed' && modulePoms.has(problem.pomPath)) continue;
    if (modulePoms.has(problem.pomPath)) {
      place(problem, problem.pomPath, problem.range ?? { start: 0, end: 0 }, '');
      continue;
    }
    // A problem in a parent read from the local repository: shown on `<parent>` of each module it reaches.
    for (const { module } of reactor.modules) {
      if (!module.model.problems.includes(problem)) continue;
      place(problem, module.pomPath, positions.parentRange(module.pomPath), `In the parent ${problem.pomPath}: `);
    }
  }
  return placed;
}

/** On the module's direct dependency whose subtree needed the artifact (the artifact's own, when direct). */
function collectProblemPlace(resolved: ResolvedModule, problem: CollectProblem): PlacedProblem {
  const { module } = resolved;
  const direct = problem.path[1] ?? problem.artifact;
  const declaration = module.model.dependencies.find(
    (dependency) => dependency.groupId === direct.groupId && dependency.artifactId === direct.artifactId,
  )?.declaredAt;
  const path = [...problem.path.slice(1), problem.artifact].map((artifact) => formatArtifact(artifact)).join(' -> ');
  return {
    pomPath: declaration?.source.pomPath ?? module.pomPath,
    range: declaration?.range ?? { start: 0, end: 0 },
    severity: problem.fatal ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
    code: problem.code,
    message: problem.path.length > 1 ? `${problem.message} (path: ${path})` : problem.message,
  };
}

function diagnosticsFor(reactors: readonly ResolvedReactor[]): Map<string, vscode.Diagnostic[]> {
  const positions = new PomPositions();
  const placed = reactors.flatMap((reactor) => [
    ...modelProblemPlaces(reactor, positions),
    ...reactor.modules.flatMap((module) => (module.resolution?.problems ?? []).map((problem) => collectProblemPlace(module, problem))),
  ]);
  const byPath = new Map<string, vscode.Diagnostic[]>();
  const seen = new Set<string>();
  for (const problem of placed) {
    const key = `${problem.pomPath}|${problem.range.start}|${problem.code}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const range = positions.rangeOf(problem.pomPath, problem.range);
    if (!range) continue;
    const diagnostic = new vscode.Diagnostic(range, problem.message, problem.severity);
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
