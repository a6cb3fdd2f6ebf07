import type { Fix, TextEdit } from '../analysis/finding';
import { childElement, childElements } from '../pom/xmlTree';
import { dependencyXml, hasManagementKey, makeFix, projectElement, projectOrder, type ArtifactCoordinates } from './pomElements';
import type { PomDocument } from './pomDocument';
import { appendChild, editContext, insertInOrder } from './xmlEdits';

/**
 * Declares `artifact` as a direct dependency, last in `<dependencies>` (created where the POM schema
 * orders it when absent). A direct declaration is nearest of all, so Maven selects it over any
 * transitive version. No edit when a dependency with the same management key is already declared.
 */
export function addDependencyFix(
  pom: PomDocument,
  artifact: ArtifactCoordinates & { readonly scope?: string },
  title = `Add dependency ${artifact.groupId}:${artifact.artifactId}:${artifact.version}`,
): Fix {
  const project = projectElement(pom.text);
  if (!project) return makeFix('add-dependency', title, []);
  const dependencies = childElement(project, 'dependencies');
  if (childElements(dependencies, 'dependency').some((element) => hasManagementKey(element, artifact))) {
    return makeFix('add-dependency', title, []);
  }
  const context = editContext(pom);
  const dependency = dependencyXml(artifact);
  const change: TextEdit = dependencies
    ? appendChild(context, dependencies, dependency)
    : insertInOrder(context, project, { name: 'dependencies', children: [dependency] }, projectOrder);
  return makeFix('add-dependency', title, [change]);
}
