import type { Finding } from './finding';
import type { LinkageFacts } from './linkageFacts';
import { elementLocation, elementName, pathSteps, type ModuleContext, type ScopeView } from './moduleContext';
import { dottedName } from './classSummary';
import { listNames } from './missingClasses';

/**
 * Class entries that are not valid class files (bad magic, a truncated constant pool...: JVM spec §4),
 * or that cannot be inflated: ClassFormatError when loaded. One finding per element.
 */
export function invalidClassFiles(context: ModuleContext, view: ScopeView, facts: LinkageFacts): Finding[] {
  const findings: Finding[] = [];
  view.elements.forEach(({ element }, elementIndex) => {
    const broken = (facts.invalidClasses[elementIndex] ?? []).map(([className, error]) => ({ className, error }));
    if (broken.length === 0) return;
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
  });
  return findings;
}
