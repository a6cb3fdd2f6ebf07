import * as vscode from 'vscode';
import { pathText } from './findingPresentation';
import type { FindingsDiagnostics } from './findingsDiagnostics';

/** Paths beyond this many are counted, not listed: a hover must stay readable. */
const MAX_PATHS = 5;

/**
 * The whole message of each finding under the pointer (the Problems panel shows its first sentence), with
 * its dependency paths and scopes.
 */
export function registerFindingHovers(diagnostics: FindingsDiagnostics): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { scheme: 'file', pattern: '**/pom.xml' },
    {
      provideHover(document, position) {
        const entries = diagnostics.findingsIn(document.uri).filter((entry) => entry.diagnostic.range.contains(position));
        if (entries.length === 0) return undefined;
        const markdown = new vscode.MarkdownString();
        for (const { finding } of entries) {
          markdown.appendMarkdown(`**Jarscope ${finding.code}** (${finding.scopes.join(', ')}): `);
          markdown.appendText(finding.message);
          markdown.appendMarkdown('\n\n');
          for (const path of finding.paths.slice(0, MAX_PATHS)) {
            markdown.appendMarkdown('- ');
            markdown.appendText(pathText(path));
            markdown.appendMarkdown('\n');
          }
          if (finding.paths.length > MAX_PATHS) markdown.appendMarkdown(`- … ${finding.paths.length - MAX_PATHS} more path(s)\n`);
          markdown.appendMarkdown('\n');
        }
        return new vscode.Hover(markdown, entries[0]?.diagnostic.range);
      },
    },
  );
}
