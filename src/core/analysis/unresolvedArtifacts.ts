import { dirname, join } from 'node:path';
import { formatArtifact } from '../resolve/artifact';
import type { Finding } from './finding';
import { elementLocation, pathSteps, pathText, type ModuleContext, type ScopeView } from './moduleContext';

/**
 * Classpath elements whose file is not there (Maven stops with "Could not find artifact"), and files that
 * cannot be read as a jar or classpath folder (corrupt, truncated, not a zip, too many entries, a symlink
 * loop...): each on the dependency that brings it, while the rest of the classpath is still analysed.
 */
export function unresolvedArtifacts(context: ModuleContext, view: ScopeView): Finding[] {
  const findings: Finding[] = [];
  for (const { element, indexed } of view.elements) {
    const artifact = element.node?.artifact;
    const name = artifact === undefined ? element.file : formatArtifact(artifact);
    const base = {
      module: context.moduleId,
      scopes: [view.scope],
      location: elementLocation(context, element),
      paths: element.node === undefined ? [] : [pathSteps(context, element.nodePath)],
      jars: [element.file],
      classes: [],
      related: [],
      fixes: [],
    };
    if (!element.exists) {
      findings.push({
        ...base,
        code: 'unresolved-artifact',
        severity: 'error',
        message: `Could not find artifact ${name} in the local repository (${element.file}; path: ${pathText(base.paths[0] ?? [])}).`,
      });
    } else if (indexed.failure?.reason === 'missing' && isReactorOutput(context, element.file)) {
      // ReactorReader hands out a sibling's output folder before it is built: nothing to read yet.
      findings.push({
        ...base,
        code: 'unreadable-jar',
        severity: 'info',
        message: `${name} is a module of this reactor that has not been compiled (${element.file} does not exist): its classes are not analysed, so classes that need them may be reported missing.`,
      });
    } else if (indexed.failure !== undefined) {
      findings.push({
        ...base,
        code: 'unreadable-jar',
        severity: 'error',
        message: `Cannot read ${name} (${indexed.failure.reason}): ${indexed.failure.message}. Its classes are left out of the analysis.`,
      });
    } else if (indexed.problems.length > 0) {
      findings.push({
        ...base,
        code: 'unreadable-jar',
        severity: 'warning',
        message: `Parts of ${name} cannot be read: ${indexed.problems.map((problem) => `${problem.message} (${problem.reason})`).join('; ')}.`,
      });
    }
  }
  return findings;
}

function isReactorOutput(context: ModuleContext, file: string): boolean {
  return context.modules.some((module) => file === join(dirname(module.pomPath), 'target', 'classes') || file === join(dirname(module.pomPath), 'target', 'test-classes'));
}
