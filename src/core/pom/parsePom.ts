import type {
  RawActivation,
  RawDependency,
  RawExclusion,
  RawModelBase,
  RawParent,
  RawPlugin,
  RawPom,
  RawProfile,
  RawProperty,
  RawRelocation,
  RawValue,
} from './rawPom';
import { childElement, childElements, childText, nonEmptyText, parseXml, type XmlElement, type XmlSyntaxError } from './xmlTree';

export type PomParseResult =
  | { readonly ok: true; readonly pom: RawPom }
  | { readonly ok: false; readonly error: XmlSyntaxError };

function rawValue(parent: XmlElement | undefined, name: string): RawValue | undefined {
  const element = childElement(parent, name);
  return element && element.text !== '' ? { value: element.text, range: element.range } : undefined;
}

function parseExclusion(element: XmlElement): RawExclusion {
  return {
    groupId: childText(element, 'groupId') ?? '',
    artifactId: childText(element, 'artifactId') ?? '',
    range: element.range,
  };
}

/** The fields of a `<dependency>`, each its first child of that name, found in one pass over the children. */
interface DependencyChildren {
  groupId?: XmlElement;
  artifactId?: XmlElement;
  version?: XmlElement;
  type?: XmlElement;
  classifier?: XmlElement;
  scope?: XmlElement;
  optional?: XmlElement;
  systemPath?: XmlElement;
  exclusions?: XmlElement;
}

function dependencyChildren(element: XmlElement): DependencyChildren {
  const found: DependencyChildren = {};
  for (const child of element.children) {
    const name = child.name;
    if (
      (name === 'groupId' || name === 'artifactId' || name === 'version' || name === 'type' || name === 'classifier' ||
        name === 'scope' || name === 'optional' || name === 'systemPath' || name === 'exclusions') &&
      found[name] === undefined
    ) {
      found[name] = child;
    }
  }
  return found;
}

function parseDependency(element: XmlElement): RawDependency {
  // One pass instead of a search per field: this runs for every <dependency> of every pom read.
  const children = dependencyChildren(element);
  const exclusions = children.exclusions;
  return {
    groupId: nonEmptyText(children.groupId) ?? '',
    artifactId: nonEmptyText(children.artifactId) ?? '',
    // Written empty is still written (Maven reads ""): management fills no such version, scope or systemPath,
    // an empty type or classifier changes the management key (see managementKey), and an empty optional is a
    // written false.
    version: children.version?.text,
    type: children.type?.text,
    classifier: children.classifier?.text,
    scope: children.scope?.text,
    optional: children.optional?.text,
    systemPath: children.systemPath?.text,
    exclusions: childElements(exclusions, 'exclusion').map(parseExclusion),
    range: element.range,
    versionRange: children.version?.range,
    exclusionsRange: exclusions?.range,
  };
}

function parseDependencies(container: XmlElement | undefined): RawDependency[] {
  return childElements(childElement(container, 'dependencies'), 'dependency').map(parseDependency);
}

function parseProperties(container: XmlElement | undefined): RawProperty[] {
  return (childElement(container, 'properties')?.children ?? []).map((element) => ({
    name: element.name,
    value: element.text,
    range: element.range,
  }));
}

const defaultPluginGroupId = 'org.apache.maven.plugins';

function parsePlugin(element: XmlElement): RawPlugin {
  return {
    groupId: nonEmptyText(childElement(element, 'groupId')) ?? defaultPluginGroupId,
    artifactId: nonEmptyText(childElement(element, 'artifactId')) ?? '',
    version: childText(element, 'version'),
    inherited: childText(element, 'inherited') !== 'false',
    dependencies: parseDependencies(element),
  };
}

function parsePlugins(container: XmlElement | undefined): RawPlugin[] {
  return childElements(childElement(container, 'plugins'), 'plugin').map(parsePlugin);
}

function parseModelBase(container: XmlElement): RawModelBase {
  const build = childElement(container, 'build');
  return {
    plugins: parsePlugins(build),
    pluginManagement: parsePlugins(childElement(build, 'pluginManagement')),
    modules: childElements(childElement(container, 'modules'), 'module')
      .filter((module) => module.text !== '')
      .map((module) => ({ value: module.text, range: module.range })),
    properties: parseProperties(container),
    dependencies: parseDependencies(container),
    dependencyManagement: parseDependencies(childElement(container, 'dependencyManagement')),
  };
}

/** A pom's (or settings') `<activation>`, values as written. */
export function parseActivation(element: XmlElement | undefined): RawActivation | undefined {
  if (!element) return undefined;
  const os = childElement(element, 'os');
  const property = childElement(element, 'property');
  const file = childElement(element, 'file');
  const propertyName = childText(property, 'name');
  return {
    activeByDefault: childText(element, 'activeByDefault') === 'true',
    jdk: childText(element, 'jdk'),
    os: os && {
      name: childText(os, 'name'),
      family: childText(os, 'family'),
      arch: childText(os, 'arch'),
      version: childText(os, 'version'),
    },
    property: propertyName === undefined ? undefined : { name: propertyName, value: childText(property, 'value') },
    file: file && { exists: childText(file, 'exists'), missing: childText(file, 'missing') },
  };
}

function parseProfile(element: XmlElement): RawProfile {
  const base = parseModelBase(element);
  return {
    modules: base.modules,
    properties: base.properties,
    dependencies: base.dependencies,
    dependencyManagement: base.dependencyManagement,
    plugins: base.plugins,
    pluginManagement: base.pluginManagement,
    // Maven's Profile.id defaults to "default" when absent.
    id: childText(element, 'id') ?? 'default',
    activation: parseActivation(childElement(element, 'activation')),
    range: element.range,
  };
}

function parseParent(element: XmlElement | undefined): RawParent | undefined {
  if (!element) return undefined;
  const relativePath = childElement(element, 'relativePath');
  return {
    groupId: childText(element, 'groupId'),
    artifactId: childText(element, 'artifactId'),
    version: childText(element, 'version'),
    relativePath: relativePath ? relativePath.text : undefined,
    range: element.range,
  };
}

function parseRelocation(project: XmlElement): RawRelocation | undefined {
  const element = childElement(childElement(project, 'distributionManagement'), 'relocation');
  if (!element) return undefined;
  return {
    groupId: childText(element, 'groupId'),
    artifactId: childText(element, 'artifactId'),
    version: childText(element, 'version'),
    message: childText(element, 'message'),
  };
}

/** Reads a pom.xml as written (POM 4.0.0). Returns the XML error with its position when it is not well-formed. */
export function parsePom(text: string): PomParseResult {
  const parsed = parseXml(text);
  if (!parsed.ok) return parsed;
  const project = parsed.root;
  if (project.name !== 'project') {
    const message = `The root element is <${project.name}>, not <project>.`;
    return { ok: false, error: { message, line: 1, column: 1, offset: project.range.start } };
  }
  // Every field written out, not spread: an object literal that adds fields after a spread is built
  // one slow property store at a time, and this runs for every pom read.
  const base = parseModelBase(project);
  return {
    ok: true,
    pom: {
      modules: base.modules,
      properties: base.properties,
      dependencies: base.dependencies,
      dependencyManagement: base.dependencyManagement,
      plugins: base.plugins,
      pluginManagement: base.pluginManagement,
      extensions: childElements(childElement(childElement(project, 'build'), 'extensions'), 'extension').map(parsePlugin),
      modelVersion: childText(project, 'modelVersion'),
      groupId: rawValue(project, 'groupId'),
      artifactId: rawValue(project, 'artifactId'),
      version: rawValue(project, 'version'),
      packaging: rawValue(project, 'packaging'),
      name: childText(project, 'name'),
      parent: parseParent(childElement(project, 'parent')),
      profiles: childElements(childElement(project, 'profiles'), 'profile').map(parseProfile),
      relocation: parseRelocation(project),
      projectRange: project.range,
      dependenciesRange: childElement(project, 'dependencies')?.range,
      dependencyManagementRange: childElement(project, 'dependencyManagement')?.range,
      hasDoctype: parsed.hasDoctype,
    },
  };
}
