import { managementKey } from './inheritance';
import type { EffectiveModel, ModelDependency, ModelProblem } from './modelTypes';

/** Builds a BOM's effective model; `undefined` when its pom is not found (the callback names it). */
export type BomLoader = (entry: ModelDependency, coordinates: string) => EffectiveModel | undefined;

/** Whether a dependencyManagement entry imports a BOM (`<type>pom</type><scope>import</scope>`). */
export function isBomImport(entry: ModelDependency): boolean {
  return entry.type === 'pom' && entry.scope === 'import';
}

/**
 * Maven 3.8's DefaultDependencyManagementImporter: the pom's own (and inherited) entries first, then the
 * management of each imported BOM in declaration order, an entry added only when its management key is not
 * present yet (so the pom beats every BOM and the first BOM beats later ones). The import entries themselves
 * are dropped. A BOM brings its whole effective management, including what it inherits and imports.
 */
export function importDependencyManagement(
  management: readonly ModelDependency[],
  importChain: readonly string[],
  loadBom: BomLoader,
  problem: (entry: ModelDependency, code: string, message: string) => ModelProblem,
): { management: ModelDependency[]; problems: ModelProblem[] } {
  const result: ModelDependency[] = [];
  const keys = new Set<string>();
  const imports: ModelDependency[] = [];
  const problems: ModelProblem[] = [];
  for (const entry of management) {
    if (isBomImport(entry)) {
      imports.push(entry);
    } else {
      result.push(entry);
      keys.add(managementKey(entry));
    }
  }
  for (const entry of imports) {
    const coordinates = `${entry.groupId}:${entry.artifactId}:${entry.version ?? ''}`;
    if (entry.version === undefined || entry.version === '') {
      problems.push(problem(entry, 'import-version-missing', `The import of ${entry.groupId}:${entry.artifactId} has no version.`));
      continue;
    }
    if (importChain.includes(coordinates)) {
      const cycle = [...importChain.slice(importChain.indexOf(coordinates)), coordinates].join(' -> ');
      problems.push(problem(entry, 'import-cycle', `The BOM imports form a cycle: ${cycle}`));
      continue;
    }
    const bom = loadBom(entry, coordinates);
    if (!bom) continue;
    for (const imported of bom.dependencyManagement) {
      const key = managementKey(imported);
      if (!keys.has(key)) {
        keys.add(key);
        result.push(imported);
      }
    }
  }
  return { management: result, problems };
}
