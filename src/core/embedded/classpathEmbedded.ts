import type { Finding } from '../analysis/finding';
import { elementLocation, elementName, pathSteps, type ModuleContext, type ScopeView } from '../analysis/moduleContext';
import { identifyJar } from '../folders/jarIdentity';
import { isPomPropertiesEntry } from '../folders/pomProperties';
import { embeddedArtifacts, embeddedText } from './embeddedArtifacts';
import { repositoryClassNames } from './repositoryClassNames';

const namesByRepository = new WeakMap<ModuleContext['repository'], ReturnType<typeof repositoryClassNames>>();

/**
 * One `embedded-artifact` finding (information) per fat or shaded jar on a module's classpath: the
 * artifacts whose pom.properties it carries besides its own, each relocated or not (see
 * embeddedArtifacts; the module's local repository decides where it has the artifact's jar). Shown on
 * the dependency that brings the jar in.
 */
export async function classpathEmbeddedArtifacts(context: ModuleContext, view: ScopeView): Promise<Finding[]> {
  let classNames = namesByRepository.get(context.repository);
  if (classNames === undefined) {
    classNames = repositoryClassNames(context.repository);
    namesByRepository.set(context.repository, classNames);
  }
  const findings: Finding[] = [];
  for (const { element, indexed } of view.elements) {
    const index = indexed.index;
    if (index?.kind !== 'jar' || index.entries.filter((entry) => isPomPropertiesEntry(entry.name)).length < 2) continue;
    // A jar that cannot be opened again is reported as unreadable elsewhere.
    const identity = await identifyJar(index).catch(() => undefined);
    const embedded = identity === undefined ? [] : await embeddedArtifacts(index, identity, classNames);
    if (embedded.length === 0) continue;
    findings.push({
      code: 'embedded-artifact',
      severity: 'info',
      module: context.moduleId,
      scopes: [view.scope],
      message: `${elementName(context, element)} embeds ${embedded.length} ${embedded.length === 1 ? 'artifact' : 'artifacts'}: ${embedded.map(embeddedText).join(', ')}.`,
      location: elementLocation(context, element),
      paths: element.node === undefined ? [] : [pathSteps(context, element.nodePath)],
      jars: [element.file],
      classes: [],
      related: [],
      fixes: [],
    });
  }
  return findings;
}
