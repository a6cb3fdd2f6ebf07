import { analyzeModules, type AnalysisOptions, type AnalysisResult } from '../../../src/core/analysis/analyzeModules';
import type { Finding, FindingCode } from '../../../src/core/analysis/finding';
import { ClassParsePool, type ParsedBatch } from '../../../src/core/analysis/workers/classParsePool';
import type { ParseRequest } from '../../../src/core/analysis/workers/parseEntries';
import { openAnalysisSession, type AnalysisSession } from '../../../src/core/workspace/analysisSession';
import { tempDir } from '../helpers/tempDir';

/** A session on a fixture project and local repository, with no user settings or environment. */
export function fixtureSession(projectDir: string, repositoryDir: string): AnalysisSession {
  const home = tempDir('home');
  return openAnalysisSession({
    dir: projectDir,
    localRepo: repositoryDir,
    env: {},
    userProperties: new Map(),
    runtime: {
      jdkVersion: '17.0.21',
      os: { name: 'Linux', family: 'unix', arch: 'amd64', version: '6.1' },
      homeDir: home,
      systemProperties: new Map(),
    },
  });
}

/** Analyses every module of a fixture project with an in-memory cache and the machine's JDK. */
export async function analyzeFixture(projectDir: string, repositoryDir: string, options: AnalysisOptions = {}): Promise<AnalysisResult> {
  const session = fixtureSession(projectDir, repositoryDir);
  return analyzeModules(session, session.reactor.modules, { cacheDir: null, env: process.env, ...options });
}

export function findingsOf(result: AnalysisResult, code: FindingCode): Finding[] {
  return result.modules.flatMap((module) => module.findings).filter((finding) => finding.code === code);
}

/** The text a finding's location points at. */
export function locatedText(text: string, finding: Finding): string {
  return text.slice(finding.location.range.start, finding.location.range.end);
}

/** A pool that counts the classes it is asked to parse, in-process. */
export class CountingPool extends ClassParsePool {
  parsed = 0;

  constructor() {
    super({ maxWorkers: 0 });
  }

  override parseBatch(request: ParseRequest, signal?: AbortSignal): Promise<ParsedBatch> {
    this.parsed += request.entryNames.length;
    return super.parseBatch(request, signal);
  }
}
