import type { Fix, FixKind, TextEdit } from '../analysis/finding';
import type { NewXml } from './xmlEdits';
import { childText, parseXml, type XmlElement } from '../pom/xmlTree';
import { lastTexts } from './lastTexts';

/** Maven's POM 4.0.0 schema order of `<project>` children, which editors and `mvn` tooling keep. */
export const projectOrder: readonly string[] = [
  'modelVersion', 'parent', 'groupId', 'artifactId', 'version', 'packaging', 'name', 'description', 'url',
  'inceptionYear', 'organization', 'licenses', 'developers', 'contributors', 'mailingLists', 'prerequisites',
  'modules', 'scm', 'issueManagement', 'ciManagement', 'distributionManagement', 'properties',
  'dependencyManagement', 'dependencies', 'repositories', 'pluginRepositories', 'build', 'reporting', 'profiles',
];

/** The schema order of `<dependency>` children. */
export const dependencyOrder: readonly string[] = [
  'groupId', 'artifactId', 'version', 'type', 'classifier', 'scope', 'systemPath', 'exclusions', 'optional',
];

/** Coordinates of an artifact as a fix writes them. */
export interface ArtifactCoordinates {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  readonly type?: string;
  readonly classifier?: string;
}

/** The `<project>` element of a pom text, or undefined when the text is not a well-formed pom; parsed once per text (see lastTexts). */
export const projectElement: (text: string) => XmlElement | undefined = lastTexts((text) => {
  const parsed = parseXml(text);
  return parsed.ok && parsed.root.name === 'project' ? parsed.root : undefined;
});

/**
 * True when a `<dependency>` element has the management key of `artifact`: groupId, artifactId, type
 * (default `jar`) and classifier, as Maven's Dependency.getManagementKey() builds it.
 */
export function hasManagementKey(element: XmlElement, artifact: Omit<ArtifactCoordinates, 'version'>): boolean {
  return (
    childText(element, 'groupId') === artifact.groupId &&
    childText(element, 'artifactId') === artifact.artifactId &&
    (childText(element, 'type') ?? 'jar') === (artifact.type ?? 'jar') &&
    (childText(element, 'classifier') ?? '') === (artifact.classifier ?? '')
  );
}

export function makeFix(kind: FixKind, title: string, edits: readonly TextEdit[]): Fix {
  return { kind, title, preferred: false, edits };
}

/** A `<dependency>` to write, with only the fields that differ from Maven's defaults (type jar, no classifier). */
export function dependencyXml(artifact: ArtifactCoordinates & { readonly scope?: string }): NewXml {
  const children: NewXml[] = [
    { name: 'groupId', text: artifact.groupId },
    { name: 'artifactId', text: artifact.artifactId },
    { name: 'version', text: artifact.version },
  ];
  if (artifact.type !== undefined && artifact.type !== 'jar') children.push({ name: 'type', text: artifact.type });
  if (artifact.classifier) children.push({ name: 'classifier', text: artifact.classifier });
  if (artifact.scope !== undefined) children.push({ name: 'scope', text: artifact.scope });
  return { name: 'dependency', children };
}
