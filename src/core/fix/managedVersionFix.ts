import type { Fix, TextEdit } from '../analysis/finding';
import { childElement, childElements, type XmlElement } from '../pom/xmlTree';
import { dependencyOrder, dependencyXml, hasManagementKey, makeFix, projectElement, projectOrder, type ArtifactCoordinates } from './pomElements';
import type { PomDocument } from './pomDocument';
import { appendChild, editContext, insertInOrder, replaceText, type EditContext } from './xmlEdits';

function pinEntry(context: EditContext, entry: XmlElement, version: string): TextEdit[] {
  const written = childElement(entry, 'version');
  if (written?.text === version) return [];
  if (written) return [replaceText(context, written, version)];
  return [insertInOrder(context, entry, { name: 'version', text: version }, dependencyOrder)];
}

/**
 * Pins `artifact` to its version in this pom's `<dependencyManagement>`. The root's dependencyManagement
 * beats nearest-wins for every transitive occurrence (Maven's DependencyManager), so this is the fix for
 * a version chosen by mediation. An entry with the same management key (groupId, artifactId, type,
 * classifier) gets its `<version>` set; otherwise an entry is added, and the section itself is created
 * where the POM schema orders it: before `<dependencies>`, else before `<repositories>`, `<build>`,
 * `<reporting>` or `<profiles>`, else last.
 */
export function managedVersionFix(
  pom: PomDocument,
  artifact: ArtifactCoordinates,
  title = `Pin ${artifact.groupId}:${artifact.artifactId} to ${artifact.version} in dependencyManagement`,
): Fix {
  const project = projectElement(pom.text);
  if (!project) return makeFix('pin-version', title, []);
  const context = editContext(pom);
  const management = childElement(project, 'dependencyManagement');
  const dependencies = childElement(management, 'dependencies');
  const entry = childElements(dependencies, 'dependency').find((element) => hasManagementKey(element, artifact));
  if (entry) return makeFix('pin-version', title, pinEntry(context, entry, artifact.version));
  const dependency = dependencyXml(artifact);
  let change: TextEdit;
  if (dependencies) change = appendChild(context, dependencies, dependency);
  else if (management) change = appendChild(context, management, { name: 'dependencies', children: [dependency] });
  else {
    const section = { name: 'dependencyManagement', children: [{ name: 'dependencies', children: [dependency] }] };
    change = insertInOrder(context, project, section, projectOrder);
  }
  return makeFix('pin-version', title, [change]);
}
