import { join } from 'node:path';
import type { LocalRepository } from '../repo/localRepository';
import type { ReactorModule } from '../workspace/reactor';
import type { Artifact } from './artifact';

/** Where an artifact's file is, and whether Maven could use it. */
export interface ArtifactFile {
  readonly path: string;
  readonly exists: boolean;
}

/**
 * The file Maven puts on the classpath for an artifact: a system dependency's systemPath; a reactor
 * module's pom, or its output folder after `compile` (test-classes for the `tests` classifier), as Maven's
 * ReactorReader answers; else the file in the local repository (not symlink-resolved).
 */
export function artifactFile(artifact: Artifact, modules: readonly ReactorModule[], repository: LocalRepository): ArtifactFile {
  if (artifact.systemPath !== undefined) return { path: artifact.systemPath, exists: repository.exists(artifact.systemPath) };
  const module = modules.find(
    (candidate) =>
      candidate.model.groupId === artifact.groupId &&
      candidate.model.artifactId === artifact.artifactId &&
      candidate.model.version === artifact.version,
  );
  if (module) {
    const moduleDir = join(module.pomPath, '..');
    if (artifact.extension === 'pom') return { path: module.pomPath, exists: true };
    const output = artifact.classifier === 'tests' ? 'test-classes' : 'classes';
    return { path: join(moduleDir, 'target', output), exists: true };
  }
  const path = repository.artifactPath({
    groupId: artifact.groupId,
    artifactId: artifact.artifactId,
    version: artifact.version,
    extension: artifact.extension,
    ...(artifact.classifier !== '' ? { classifier: artifact.classifier } : {}),
  });
  return { path, exists: repository.exists(path) };
}
