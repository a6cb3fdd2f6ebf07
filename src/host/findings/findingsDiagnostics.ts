import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../core/analysis/finding';
import { currentRange } from './analysedRanges';
import { countLevels, diagnosticData, shownElsewhere, type DiagnosticData, type SeverityLevel } from './findingPresentation';
import type { AnalysedPom, FindingsService, FindingsState } from './findingsService';
import { affectsSeverities, readFindingsSettings, type FindingsSettings } from './findingsSettings';

export const FINDINGS_SOURCE = 'Jarscope';

const severityOf: Readonly<Record<Exclude<SeverityLevel, 'off'>, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A finding shown as a diagnostic, with the text its offsets refer to. */
export interface ShownFinding {
  readonly finding: Finding;
  readonly data: DiagnosticData;
  readonly analysed: AnalysedPom;
  readonly diagnostic: vscode.Diagnostic;
  /** False while an edit has removed the element's text (an undo can bring it back). */
  readonly visible: boolean;
}

function relatedInformation(data: DiagnosticData, poms: ReadonlyMap<string, AnalysedPom>): vscode.DiagnosticRelatedInformation[] {
  return data.related.flatMap((entry) => {
    const uri = vscode.Uri.file(entry.file);
    if (entry.location === undefined) return [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, new vscode.Position(0, 0)), entry.message)];
    const analysed = poms.get(entry.file);
    const range = analysed ? currentRange(entry.file, analysed, entry.location.range) : new vscode.Range(entry.location.line - 1, entry.location.column - 1, entry.location.line - 1, entry.location.column - 1);
    return range ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range), entry.message)] : [];
  });
}

function shownFindings(state: FindingsState): ShownFinding[] {
  const shown: ShownFinding[] = [];
  // Settings are per pom (its folder's): read once per pom, not once per finding (a hundred findings would read them a hundred times).
  const severities = new Map<string, FindingsSettings['severities']>();
  const severitiesOf = (file: string): FindingsSettings['severities'] => {
    let known = severities.get(file);
    if (known === undefined) severities.set(file, (known = readFindingsSettings(file).severities));
    return known;
  };
  for (const finding of state.findings) {
    if (shownElsewhere(finding)) continue;
    const data = diagnosticData(finding, severitiesOf(finding.location.file));
    const analysed = state.poms.get(finding.location.file);
    if (!data || !analysed) continue;
    const range = currentRange(data.file, analysed, data.range);
    const diagnostic = new vscode.Diagnostic(range ?? new vscode.Range(0, 0, 0, 0), data.message, severityOf[data.level]);
    diagnostic.code = data.code;
    diagnostic.source = FINDINGS_SOURCE;
    diagnostic.relatedInformation = relatedInformation(data, state.poms);
    shown.push({ finding, data, analysed, diagnostic, visible: range !== undefined });
  }
  return shown;
}

/**
 * Shows the findings of the classpath analysis as diagnostics in the poms (collection `jarscope-findings`,
 * source Jarscope, code = finding code, the first sentence as message, the paths and jars as related
 * information), at the levels the settings give per code. Pom problems and resolution problems are left
 * to the `jarscope` and `jarscope-resolution` collections. While a pom is edited its diagnostics follow
 * the text (or go when their element is gone) until the next analysis replaces them.
 */
export class FindingsDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('jarscope-findings');
  private readonly renderEmitter = new vscode.EventEmitter<{ errors: number; warnings: number }>();
  /** Fires after every rendering with the counts shown. */
  readonly onDidRender = this.renderEmitter.event;
  private readonly disposables: vscode.Disposable[];
  /** Every finding of the last analysis as a diagnostic, also those whose element an edit removed since. */
  private analysed: ShownFinding[] = [];
  /** Those shown now. */
  private shown: ShownFinding[] = [];

  constructor(private readonly service: FindingsService) {
    this.disposables = [
      this.collection,
      this.renderEmitter,
      service.onDidChangeState(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsSeverities(event)) this.render();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && basename(event.document.uri.fsPath) === 'pom.xml') this.follow(event.document);
      }),
    ];
  }

  /** The findings shown in a document, as they are now. */
  findingsIn(uri: vscode.Uri): readonly ShownFinding[] {
    return this.shown.filter((entry) => entry.data.file === uri.fsPath);
  }

  get counts(): { errors: number; warnings: number } {
    return countLevels(this.shown.map((entry) => entry.data.level));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private render(): void {
    this.analysed = shownFindings(this.service.state);
    this.shown = this.analysed.filter((entry) => entry.visible);
    this.collection.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const entry of this.shown) byFile.set(entry.data.file, [...(byFile.get(entry.data.file) ?? []), entry.diagnostic]);
    for (const [file, diagnostics] of byFile) this.collection.set(vscode.Uri.file(file), diagnostics);
    this.renderEmitter.fire(this.counts);
  }

  /**
   * An edited pom: its diagnostics move with their element's text, or are hidden while it is gone (an undo
   * brings them back); the analysis that follows the edit replaces them.
   */
  private follow(document: vscode.TextDocument): void {
    const path = document.uri.fsPath;
    const inFile = this.analysed.filter((entry) => entry.data.file === path);
    if (inFile.length === 0) return;
    const visible = inFile.filter((entry) => {
      const range = currentRange(path, entry.analysed, entry.data.range);
      if (range) entry.diagnostic.range = range;
      return range !== undefined;
    });
    this.shown = [...this.shown.filter((entry) => entry.data.file !== path), ...visible];
    this.collection.set(
      document.uri,
      visible.map((entry) => entry.diagnostic),
    );
    this.renderEmitter.fire(this.counts);
  }
}
