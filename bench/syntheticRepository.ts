import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A deterministic pseudo-random sequence, so every run builds the same graph. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pomText(groupId: string, artifactId: string, version: string, dependencies: ReadonlyArray<{ artifactId: string; version: string; scope?: string }>): string {
  const entries = dependencies
    .map(
      (dependency) =>
        `    <dependency><groupId>${groupId}</groupId><artifactId>${dependency.artifactId}</artifactId>` +
        `<version>${dependency.version}</version>${dependency.scope ? `<scope>${dependency.scope}</scope>` : ''}</dependency>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>${groupId}</groupId>
  <artifactId>${artifactId}</artifactId>
  <version>${version}</version>
  <dependencies>
${entries}
  </dependencies>
</project>
`;
}

/** Layer sizes of the synthetic graph, top (the project's direct dependencies) first. */
function layerSizes(count: number): number[] {
  const shares = [0.02, 0.06, 0.15, 0.3];
  const sizes = shares.map((share) => Math.max(1, Math.round(count * share)));
  sizes.push(Math.max(1, count - sizes.reduce((sum, size) => sum + size, 0)));
  return sizes;
}

/**
 * Writes a local repository of `count` artifacts, two versions each so that mediation has conflicts to
 * settle, shaped like a real dependency graph: five layers, each artifact depending on three artifacts
 * of the next layers (some runtime, some test), and a project depending on the whole first layer.
 * Returns the project folder and the repository root.
 */
export function writeSyntheticRepository(root: string, count: number): { projectDir: string; repository: string } {
  const repository = join(root, 'repository');
  const groupId = 'bench.synthetic';
  const next = random(42);
  const name = (index: number): string => `artifact-${String(index).padStart(4, '0')}`;
  const sizes = layerSizes(count);
  const starts = sizes.map((_, layer) => sizes.slice(0, layer).reduce((sum, size) => sum + size, 0));
  for (let layer = 0; layer < sizes.length; layer++) {
    for (let index = starts[layer] as number; index < (starts[layer] as number) + (sizes[layer] as number); index++) {
      for (const version of ['1.0', '1.1']) {
        const dependencies: Array<{ artifactId: string; version: string; scope?: string }> = [];
        for (let edge = 0; layer + 1 < sizes.length && edge < 3; edge++) {
          const targetLayer = Math.min(sizes.length - 1, layer + 1 + (next() < 0.2 ? 1 : 0));
          const target = (starts[targetLayer] as number) + Math.floor(next() * (sizes[targetLayer] as number));
          if (dependencies.some((dependency) => dependency.artifactId === name(target))) continue;
          const roll = next();
          const scope = roll < 0.1 ? 'runtime' : roll < 0.15 ? 'test' : undefined;
          dependencies.push({ artifactId: name(target), version: next() < 0.5 ? '1.0' : '1.1', ...(scope ? { scope } : {}) });
        }
        const dir = join(repository, 'bench', 'synthetic', name(index), version);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${name(index)}-${version}.pom`), pomText(groupId, name(index), version, dependencies));
        writeFileSync(join(dir, `${name(index)}-${version}.jar`), '');
      }
    }
  }
  const projectDir = join(root, 'project');
  mkdirSync(projectDir, { recursive: true });
  const direct = Array.from({ length: sizes[0] as number }, (_, index) => ({ artifactId: name(index), version: '1.0' }));
  const project = pomText(groupId, 'synthetic-app', '1.0', direct).replace(
    `<groupId>${groupId}</groupId>\n  <artifactId>synthetic-app`,
    `<groupId>bench.project</groupId>\n  <artifactId>synthetic-app`,
  );
  writeFileSync(join(projectDir, 'pom.xml'), project);
  return { projectDir, repository };
}
