import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../core/analysis/finding';
import { defaultCacheDir, JarIndexCache } from '../../core/cache/jarIndexCache';
import { workspaceJarFolders } from '../../core/folders/workspaceJarFolders';
import { LocalRepository } from '../../core/repo/localRepository';
import { levelOf, type SeverityLevel } from '../findings/findingPresentation';
import { readFindingsSettings } from '../findings/findingsSettings';
import { readMavenOptions } from '../resolution/mavenOptions';
import { readScanSettings } from '../settings';

const SEVERITIES: Readonly<Record<Exclude<SeverityLevel, 'off'>, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A folder finding with the level the user's `jarscope.severities` settings give it. */
interface LevelledFinding {
  readonly finding: Finding;
  readonly level: SeverityLevel;
}

/** `jarscope.jarFolders` of a workspace folder: globs or paths of loose jar folders. */
export function jarFolderGlobs(folder: vscode.WorkspaceFolder): string[] {
  const value = vscode.workspace.getConfiguration('jarscope', folder.uri).get<unknown>('jarFolders');
  return Array.isArray(value) ? value.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '').map((glob) => glob.trim()) : [];
}

/**
 * The findings on the workspace's loose jar folders, in the Problems panel at the level
 * `jarscope.severities` gives their code: each finding on every jar it names (a jar folder has no text to point into; the jar files are what a person renames or
 * deletes), the other jars as related information. Warnings (a glob matching nothing, a missing
 * folder) go to the log.
 */
export class JarFolderDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('jarscope-folders');
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires after every analysis of the jar folders. */
  readonly onDidChange = this.changeEmitter.event;
  private findingsNow: readonly LevelledFinding[] = [];
  private foldersNow: readonly string[] = [];
  private running: AbortController | undefined;
  // Jar indexes and identities across refreshes and sessions: an unchanged jar is read once.
  private readonly cache = new JarIndexCache(defaultCacheDir(process.env));

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** The findings of the last analysis. */
  get findings(): readonly Finding[] {
    return this.findingsNow.map(({ finding }) => finding);
  }

  /** The jar folders found by the last analysis, absolute. */
  get folders(): readonly string[] {
    return this.foldersNow;
  }

  /** Errors and warnings as shown, counted once per finding. */
  get counts(): { errors: number; warnings: number } {
    return {
      errors: this.findingsNow.filter(({ level }) => level === 'error').length,
      warnings: this.findingsNow.filter(({ level }) => level === 'warning').length,
    };
  }

  /** Analyses every workspace folder's jar folders again; a newer call cancels an older one. */
  async refresh(): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const findings: LevelledFinding[] = [];
    const folders: string[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const root = folder.uri.fsPath;
      const repositoryRoot = readMavenOptions(join(root, 'pom.xml')).localRepository ?? join(homedir(), '.m2', 'repository');
      try {
        const result = await workspaceJarFolders(root, {
          globs: jarFolderGlobs(folder),
          exclude: readScanSettings().exclude,
          repository: new LocalRepository(repositoryRoot),
          signal: controller.signal,
          cache: this.cache,
        });
        const { severities } = readFindingsSettings(join(root, 'pom.xml'));
        findings.push(...result.findings.map((finding) => ({ finding, level: levelOf(finding, severities) })));
        folders.push(...result.folders);
        for (const warning of result.warnings) this.log.warn(warning);
      } catch (error) {
        if (controller.signal.aborted) return;
        this.log.error(`jar folders of ${root} could not be analysed:`, error);
      }
    }
    if (controller.signal.aborted) return;
    void this.cache.flush();
    this.findingsNow = findings;
    this.foldersNow = folders;
    this.render();
    this.log.info(`jar folders: ${folders.length} folder(s), ${findings.length} finding(s)`);
    this.changeEmitter.fire();
  }

  dispose(): void {
    this.running?.abort();
    this.collection.dispose();
    this.changeEmitter.dispose();
  }

  private render(): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const { finding, level } of this.findingsNow) {
      if (level === 'off') continue;
      for (const jar of finding.jars.length > 0 ? finding.jars : [finding.location.file]) {
        const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), finding.message, SEVERITIES[level]);
        diagnostic.source = 'Jarscope';
        diagnostic.code = finding.code;
        diagnostic.relatedInformation = finding.related
          .filter((related) => related.location.file !== jar)
          .map((related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(related.location.file), new vscode.Position(0, 0)), related.message));
        byFile.set(jar, [...(byFile.get(jar) ?? []), diagnostic]);
      }
    }
    this.collection.clear();
    for (const [file, diagnostics] of byFile) this.collection.set(vscode.Uri.file(file), diagnostics);
  }
}
