import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelBuilder } from '../src/core/model/modelBuilder';
import { LocalRepository } from '../src/core/repo/localRepository';
import { resolvedEntries } from '../src/core/resolve/classpath';
import { ProjectResolver } from '../src/core/resolve/resolveProject';
import { writeSyntheticRepository } from './syntheticRepository';

export interface SyntheticTiming {
  readonly artifacts: number;
  readonly resolvedArtifacts: number;
  /** First resolution: every pom read, parsed and built. */
  readonly coldMs: number;
  /** The same graph again with the poms' models cached, as an editor re-resolves after an edit. */
  readonly warmMs: readonly number[];
  /**
   * After those, the first resolution again and again, each with new caches (every pom read, parsed and
   * built again): as V8 optimises the pom-reading code (the warm runs do not run it), these fall towards
   * the first resolution's own work, without the one-time cost of running code for the first time that
   * the first resolution pays, as every CLI run does.
   */
  readonly freshCachesMs: readonly number[];
}

function modelBuilder(repository: LocalRepository): ModelBuilder {
  return new ModelBuilder({
    repository,
    workspacePoms: new Map(),
    userProperties: new Map(),
    systemProperties: new Map(),
    env: {},
    activeProfiles: [],
    inactiveProfiles: [],
    jdkVersion: '17',
    os: { name: 'Linux', family: 'unix', arch: 'amd64', version: '6' },
  });
}

/** One verbose resolution of the synthetic project: wall time, and how many artifacts it resolved. */
function resolveTimed(builder: ModelBuilder, repository: LocalRepository, projectDir: string): { ms: number; resolved: number } {
  const start = process.hrtime.bigint();
  const model = builder.buildFromFile(join(projectDir, 'pom.xml'));
  const resolution = new ProjectResolver(builder, repository).resolve(model, { verbose: true });
  const resolved = resolvedEntries(resolution.root).length;
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, resolved };
}

/**
 * The first resolution of an already written synthetic repository, for a process that does nothing else
 * before it: what one CLI run pays, without Node's start-up.
 */
export function timeFirstResolution(projectDir: string, repository: string): number {
  const repo = new LocalRepository(repository);
  return resolveTimed(modelBuilder(repo), repo, projectDir).ms;
}

/** Generates a synthetic local repository of `count` artifacts in a temp folder and resolves it in-process. */
export function timeSyntheticResolution(count: number, warmRuns: number, freshRuns = 8): SyntheticTiming {
  const scratch = mkdtempSync(join(tmpdir(), 'jarscope-bench-'));
  try {
    const { projectDir, repository } = writeSyntheticRepository(scratch, count);
    let repo = new LocalRepository(repository);
    let builder = modelBuilder(repo);
    const resolveOnce = (): { ms: number; resolved: number } => resolveTimed(builder, repo, projectDir);
    const cold = resolveOnce();
    const warm = Array.from({ length: warmRuns }, () => resolveOnce().ms);
    const freshCaches = Array.from({ length: freshRuns }, () => {
      repo = new LocalRepository(repository);
      builder = modelBuilder(repo);
      return resolveOnce().ms;
    });
    return { artifacts: count, resolvedArtifacts: cold.resolved, coldMs: cold.ms, warmMs: warm, freshCachesMs: freshCaches };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
