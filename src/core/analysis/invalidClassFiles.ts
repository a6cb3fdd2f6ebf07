import type { ClasspathIndexer } from './classpathIndexer';
import type { Finding } from './finding';
import { elementLocation, elementName, pathSteps, type ModuleContext, type ScopeView } from './moduleContext';
import { dottedName } from './classSummary';
import { listNames } from './missingClasses';

/**
 * Class entries that are not valid class files (bad magic, a truncated constant pool...: JVM spec §4),
 * or that cannot be inflated: ClassFormatError when loaded. One finding per element.
 */
export async function invalidClassFiles(context: ModuleContext, view: ScopeView, indexer: ClasspathIndexer, signal?: AbortSignal): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const { element, indexed } of view.elements) {
    const parsed = await indexer.classesOf(indexed, signal);
    const broken: { className: string; error: string }[] = [];
    for (const [className, result] of parsed) if ('error' in result) broken.push({ className, error: result.error });
    if (broken.length === 0) continue;
    findings.push({
      code: 'invalid-class-file',
      severity: 'warning',
      module: context.moduleId,
      scopes: [view.scope],
      message: `${broken.length} class ${broken.length === 1 ? 'file' : 'files'} in ${elementName(context, element)} cannot be read (${listNames(broken.map((item) => item.error))}); they are left out of the analysis.`,
      location: elementLocation(context, element),
      paths: element.node === undefined ? [] : [pathSteps(context, element.nodePath)],
      jars: [element.file],
      classes: broken.map((item) => dottedName(item.className)),
      related: [],
      fixes: [],
    });
  }
  return findings;
}
