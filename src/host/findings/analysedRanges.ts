import * as vscode from 'vscode';
import { lineAndColumnAt, type TextRange } from '../../core/pom/xmlTree';
import { remapRange } from '../resolution/rangeRemap';
import type { AnalysedPom } from './findingsService';

export function openDocument(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'file' && document.uri.fsPath === path);
}

/** Whether a document's text is still the text the analysis read. */
export function isCurrent(document: vscode.TextDocument, analysed: AnalysedPom): boolean {
  return document.version === analysed.version || document.getText() === analysed.text;
}

function rangeInText(text: string, range: TextRange): vscode.Range {
  const start = lineAndColumnAt(text, range.start);
  const end = lineAndColumnAt(text, range.end);
  return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
}

/**
 * Where an offset range of the analysed text is now: as is while the text is unchanged; in an editor
 * whose text changed since, at the same characters nearest to where they were (undefined when they are
 * gone), so a diagnostic never points at a stale range.
 */
export function currentRange(path: string, analysed: AnalysedPom, range: TextRange): vscode.Range | undefined {
  const document = openDocument(path);
  if (!document) return rangeInText(analysed.text, range);
  if (document.version === analysed.version) return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
  const moved = remapRange(analysed.text, document.getText(), range);
  return moved && new vscode.Range(document.positionAt(moved.start), document.positionAt(moved.end));
}

/** An offset range of the analysed text as an editor range, for an edit that is applied only while the text is unchanged. */
export function analysedRange(analysed: AnalysedPom, range: TextRange): vscode.Range {
  return rangeInText(analysed.text, range);
}
