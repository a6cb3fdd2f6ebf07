import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeModules } from '../core/analysis/analyzeModules';
import type { AnalysedScope, Finding } from '../core/analysis/finding';
import type { IgnorePatterns } from '../core/analysis/ignorePatterns';
import { defaultCacheDir, JarIndexCache } from '../core/cache/jarIndexCache';
import { readJarFolderSettings } from '../core/folders/jarFolderSettings';
import { workspaceJarFolders } from '../core/folders/workspaceJarFolders';
import { findingsJson } from '../core/report/findingsJson';
import { findingsSarif } from '../core/report/findingsSarif';
import { severityRank } from '../core/report/findingsSummary';
import { findingsText } from '../core/report/findingsText';
import { openAnalysisSession, type AnalysisSession } from '../core/workspace/analysisSession';
import type { ReactorModule } from '../core/workspace/reactor';
import { readWorkspaceSettingsFile } from '../core/workspace/workspaceSettingsFile';
import type { FailOn } from './checkOptions';
import type { CommandOutput } from './commands';
import type { CliOptions } from './parseArguments';
import { runtimeEnvironment } from '../core/workspace/runtimeEnvironment';
import { checkRuntimeOptions } from './runtimeOptions';
import { missingSettingsFile } from './session';

function usageError(message: string): CommandOutput {
  return { exitCode: 2, stdout: '', stderr: `jarscope: error: ${message}\n` };
}

/** `--ignore` patterns: one with a `:` names artifacts (`groupId:artifactId`), the others classes. */
export function ignorePatterns(patterns: readonly string[]): IgnorePatterns {
  return {
    artifacts: patterns.filter((pattern) => pattern.includes(':')),
    classes: patterns.filter((pattern) => !pattern.includes(':')),
  };
}

function selectModules(session: AnalysisSession, moduleDir: string | undefined): readonly ReactorModule[] | string {
  const modules = session.reactor.modules;
  if (moduleDir === undefined) return modules;
  const wanted = moduleDir.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '') || '.';
  const selected = modules.filter((module) => module.dir === wanted);
  if (selected.length > 0) return selected;
  return `no module "${moduleDir}" in the reactor at ${session.reactor.root} (modules: ${modules.map((module) => module.dir).join(', ')})`;
}

/** A reactor problem (a module entry without a pom) fails Maven before any module builds: an error finding. */
function reactorFindings(session: AnalysisSession, scopes: readonly AnalysedScope[]): Finding[] {
  const root = session.reactor.modules[0];
  return session.reactorProblems.map((problem) => ({
    code: 'pom-error',
    severity: 'error',
    module: root ? `${root.model.groupId}:${root.model.artifactId}:${root.model.version}` : problem.pomPath,
    scopes: [...scopes],
    message: problem.message,
    location: { file: problem.pomPath, range: { start: 0, end: 0 }, line: 1, column: 1 },
    paths: [],
    jars: [],
    classes: [],
    related: [],
    fixes: [],
  }));
}

/** Reads each pom once, for the text output's names of the elements findings are shown on. */
function pomTextReader(): (file: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(file, 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
}

/** Exit code 1 when a finding is at least as severe as `--fail-on`, else 0. */
export function checkExitCode(findings: readonly Finding[], failOn: FailOn): number {
  if (failOn === 'none') return 0;
  return findings.some((finding) => severityRank[finding.severity] >= severityRank[failOn]) ? 1 : 0;
}

/**
 * `jarscope check`: analyses the selected modules' classpaths (all three scopes unless `--scope` says
 * one) and prints the findings as text, JSON or SARIF on stdout; warnings (no JDK found, settings
 * problems) go to stderr. Exit code by `--fail-on`; 2 for bad usage.
 */
export async function runCheck(options: CliOptions, env: NodeJS.ProcessEnv): Promise<CommandOutput> {
  const dir = resolve(options.dir);
  if (!existsSync(join(dir, 'pom.xml'))) return usageError(`no pom.xml in ${dir}`);
  const missingSettings = missingSettingsFile(options);
  if (missingSettings !== undefined) return usageError(missingSettings);
  const runtime = runtimeEnvironment(env, options.userProperties);
  const session = openAnalysisSession({
    dir,
    runtime,
    env,
    userProperties: options.userProperties,
    localRepo: options.localRepo === undefined ? undefined : resolve(options.localRepo),
    settingsFile: options.settingsFile,
    activeProfiles: options.activeProfiles,
    inactiveProfiles: options.inactiveProfiles,
  });
  const modules = selectModules(session, options.module);
  if (typeof modules === 'string') return usageError(modules);
  const { scope } = options;
  // parseArguments gives check only the three classpaths.
  if (scope === 'provided' || scope === 'system') return usageError(`--scope must be one of compile, runtime, test, not "${scope}"`);
  const scopes: readonly AnalysedScope[] = options.scopeGiven ? [scope] : ['compile', 'runtime', 'test'];
  const { check } = options;
  // One read of .vscode/settings.json for the runtimes and the jar folders: a malformed file is one warning.
  const settingsFile = readWorkspaceSettingsFile(dir);
  const { runtimes, warnings: runtimeWarnings } = checkRuntimeOptions(dir, options.runtime, process.cwd(), settingsFile);
  // One jar cache for the classpaths and the jar folders: a jar on both is read once.
  const jarCache = new JarIndexCache(defaultCacheDir(env));
  const analysis = await analyzeModules(session, modules, { scopes, javaHome: check.jdk, env, ignore: ignorePatterns(check.ignore), runtimes, jarCache });
  const folderSettings = readJarFolderSettings(dir, settingsFile);
  const folders = await workspaceJarFolders(dir, { globs: [...folderSettings.globs, ...options.jarFolders], repository: session.repository, cache: jarCache });
  await jarCache.flush();
  const findings = [...reactorFindings(session, scopes), ...analysis.modules.flatMap((module) => module.findings), ...folders.findings];
  const warnings = new Set([...session.warnings, ...runtimeWarnings, ...analysis.warnings, ...folderSettings.warnings, ...folders.warnings]);
  const stderr = [...warnings].map((warning) => `jarscope: warning: ${warning}\n`).join('');
  const stdout =
    check.format === 'json' ? findingsJson(findings) : check.format === 'sarif' ? findingsSarif(findings, { baseDir: dir }) : findingsText(findings, { baseDir: dir, pomText: pomTextReader() });
  return { exitCode: checkExitCode(findings, check.failOn), stdout, stderr };
}
