// Renders a fixture artifact's pom.xml from its declarative spec (see fixtureRepoSpec.mjs).

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<project xmlns="http://maven.apache.org/POM/4.0.0"\n' +
  '         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n' +
  '         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">\n' +
  '  <modelVersion>4.0.0</modelVersion>\n';

/** Splits "g:a[:v]" into its parts. */
export function splitCoordinates(text) {
  const [groupId, artifactId, version] = text.split(':');
  if (!groupId || !artifactId) throw new Error(`bad coordinates "${text}"`);
  return { groupId, artifactId, version };
}

/**
 * Parses the dependency mini-language used by the spec:
 * "g:a[:v] [scope=S] [type=T] [classifier=C] [optional] [excl=g:a,g:*]".
 */
export function parseDependency(text) {
  const [coordinates, ...options] = text.trim().split(/\s+/);
  const dependency = { ...splitCoordinates(coordinates), exclusions: [] };
  for (const option of options) {
    const [key, value] = option.split('=');
    if (key === 'optional') dependency.optional = true;
    else if (key === 'excl') dependency.exclusions = value.split(',').map(splitCoordinates);
    else if (key === 'scope' || key === 'type' || key === 'classifier') dependency[key] = value;
    else throw new Error(`unknown dependency option "${option}" in "${text}"`);
  }
  return dependency;
}

function element(indent, name, value) {
  return value === undefined ? '' : `${indent}<${name}>${value}</${name}>\n`;
}

function renderDependencies(indent, texts) {
  const inner = `${indent}  `;
  const body = texts
    .map((text) => {
      const d = parseDependency(text);
      const exclusions = d.exclusions.length
        ? `${inner}  <exclusions>\n` +
          d.exclusions
            .map(
              (e) =>
                `${inner}    <exclusion>\n${element(`${inner}      `, 'groupId', e.groupId)}` +
                `${element(`${inner}      `, 'artifactId', e.artifactId)}${inner}    </exclusion>\n`,
            )
            .join('') +
          `${inner}  </exclusions>\n`
        : '';
      return (
        `${inner}<dependency>\n` +
        element(`${inner}  `, 'groupId', d.groupId) +
        element(`${inner}  `, 'artifactId', d.artifactId) +
        element(`${inner}  `, 'version', d.version) +
        element(`${inner}  `, 'type', d.type) +
        element(`${inner}  `, 'classifier', d.classifier) +
        element(`${inner}  `, 'scope', d.scope) +
        element(`${inner}  `, 'optional', d.optional ? 'true' : undefined) +
        exclusions +
        `${inner}</dependency>\n`
      );
    })
    .join('');
  return `${indent}<dependencies>\n${body}${indent}</dependencies>\n`;
}

/** The pom.xml text of one spec artifact. */
export function renderPom(artifact) {
  const { groupId, artifactId, version } = splitCoordinates(artifact.coordinates);
  let text = HEADER;
  if (artifact.parent) {
    const parent = splitCoordinates(artifact.parent);
    text +=
      '  <parent>\n' +
      element('    ', 'groupId', parent.groupId) +
      element('    ', 'artifactId', parent.artifactId) +
      element('    ', 'version', parent.version) +
      '    <relativePath/>\n' +
      '  </parent>\n';
  }
  text += element('  ', 'groupId', groupId);
  text += element('  ', 'artifactId', artifactId);
  text += element('  ', 'version', version);
  text += element('  ', 'packaging', artifact.packaging);
  const properties = Object.entries(artifact.properties ?? {});
  if (properties.length) {
    text += `  <properties>\n${properties.map(([k, v]) => element('    ', k, v)).join('')}  </properties>\n`;
  }
  if (artifact.managed?.length) {
    text += `  <dependencyManagement>\n${renderDependencies('    ', artifact.managed)}  </dependencyManagement>\n`;
  }
  if (artifact.dependencies?.length) text += renderDependencies('  ', artifact.dependencies);
  if (artifact.relocation) {
    const r = artifact.relocation;
    text +=
      '  <distributionManagement>\n    <relocation>\n' +
      element('      ', 'groupId', r.groupId) +
      element('      ', 'artifactId', r.artifactId) +
      element('      ', 'version', r.version) +
      element('      ', 'message', r.message) +
      '    </relocation>\n  </distributionManagement>\n';
  }
  if (artifact.extraXml) text += artifact.extraXml;
  return `${text}</project>\n`;
}
