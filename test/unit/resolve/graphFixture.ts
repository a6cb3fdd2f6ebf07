import { readFileSync } from 'node:fs';
import { artifactHandlerFor } from '../../../src/core/repo/artifactHandler';
import type { Artifact, Exclusion } from '../../../src/core/resolve/artifact';
import type { CollectRequest, DescriptorResult, DescriptorSource } from '../../../src/core/resolve/collector';
import type { Dependency } from '../../../src/core/resolve/dependencyGraph';
import { javaScopes, writtenScope } from '../../../src/core/resolve/scopeString';

/**
 * A resolver test case written as text, in the spirit of maven-resolver's transformer/*.txt fixtures:
 *
 *   project: g:root:1            the project (jar packaging unless `packaging=X` follows)
 *   dependencies:                its dependencies, one per line
 *     g:a:1 [scope] [optional] [type=T] [classifier=C] [exclude=g:a,g:*]
 *   management:                  its dependencyManagement, same syntax
 *   poms:                        the repository: a pom at 2 spaces (`relocate=g:a:v` to relocate it),
 *     g:a:1                      its dependencies at 4 spaces; an artifact with no pom here is missing
 *       g:b:1
 *   verbose:                     the expected `mvn dependency:tree -Dverbose` text
 *   tree:                        the expected `mvn dependency:tree` text
 *
 * Lines starting with `#` are comments.
 */
export interface GraphFixture {
  readonly request: CollectRequest;
  readonly source: DescriptorSource;
  readonly projectArtifact: Artifact;
  readonly expectedVerbose?: string;
  readonly expectedTree?: string;
}

function parseDependency(line: string): Dependency {
  const [coordinates = '', ...words] = line.trim().split(/\s+/);
  const [groupId = '', artifactId = '', version = ''] = coordinates.split(':');
  let scope = javaScopes.compile;
  let optional = false;
  let type = 'jar';
  let classifier: string | undefined;
  const exclusions: Exclusion[] = [];
  for (const word of words) {
    const [key, value = ''] = word.split('=');
    if (key === 'optional') optional = true;
    else if (key === 'type') type = value;
    else if (key === 'classifier') classifier = value;
    else if (key === 'exclude') {
      for (const pattern of value.split(',')) {
        const [excludedGroup = '', excludedArtifact = ''] = pattern.split(':');
        exclusions.push({ groupId: excludedGroup, artifactId: excludedArtifact });
      }
    } else if (key !== undefined) scope = writtenScope(key);
  }
  const handler = artifactHandlerFor(type);
  const artifact: Artifact = {
    groupId,
    artifactId,
    version,
    type,
    classifier: classifier ?? handler.classifier ?? '',
    extension: handler.extension,
  };
  return { artifact, scope, optional, exclusions, versionSpec: version };
}

interface Pom {
  readonly coordinates: string;
  relocate?: string;
  readonly dependencies: Dependency[];
}

const coordinatesOf = (artifact: Artifact): string => `${artifact.groupId}:${artifact.artifactId}:${artifact.version}`;

export function parseGraphFixture(text: string): GraphFixture {
  const sections = new Map<string, string[]>();
  let project = '';
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const header = /^(project|dependencies|management|poms|verbose|tree):\s*(.*)$/.exec(line);
    if (header && !line.startsWith(' ')) {
      const [, name = '', rest = ''] = header;
      if (name === 'project') project = rest.trim();
      current = [];
      sections.set(name, current);
      continue;
    }
    current?.push(line);
  }
  const lines = (name: string): string[] => (sections.get(name) ?? []).filter((line) => line.trim() !== '');
  const poms = new Map<string, Pom>();
  let pom: Pom | undefined;
  for (const line of lines('poms')) {
    if (line.startsWith('    ')) pom?.dependencies.push(parseDependency(line));
    else {
      const [coordinates = '', relocation] = line.trim().split(/\s+/);
      pom = { coordinates, dependencies: [] };
      if (relocation?.startsWith('relocate=')) pom.relocate = relocation.slice('relocate='.length);
      poms.set(coordinates, pom);
    }
  }
  const [projectCoordinates = '', packagingWord] = project.split(/\s+/);
  const [groupId = '', artifactId = '', version = ''] = projectCoordinates.split(':');
  const packaging = packagingWord?.startsWith('packaging=') ? packagingWord.slice('packaging='.length) : 'jar';
  const projectArtifact: Artifact = { groupId, artifactId, version, type: packaging, classifier: '', extension: packaging };
  const source: DescriptorSource = {
    // Follows a relocation chain to its end, as the real reader does (a fixture's chains do not loop).
    readDescriptor(artifact: Artifact): DescriptorResult {
      const relocations: Artifact[] = [];
      let current = artifact;
      for (let found = poms.get(coordinatesOf(current)); found?.relocate; found = poms.get(coordinatesOf(current))) {
        const [g = '', a = '', v = ''] = found.relocate.split(':');
        relocations.push(current);
        current = { ...current, groupId: g, artifactId: a, version: v };
      }
      const found = poms.get(coordinatesOf(current));
      if (relocations.length > 0) return { kind: 'found', descriptor: { artifact: current, relocations, dependencies: found?.dependencies ?? [] } };
      if (!found) return { kind: 'missing', message: `no pom for ${artifact.artifactId}` };
      return { kind: 'found', descriptor: { artifact, relocations: [], dependencies: found.dependencies } };
    },
    availableVersions(artifact: Artifact): readonly string[] {
      const prefix = `${artifact.groupId}:${artifact.artifactId}:`;
      return [...poms.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
    },
  };
  const expected = (name: string): string | undefined => {
    const section = sections.get(name);
    if (!section) return undefined;
    const body = section.filter((line) => line.trim() !== '');
    return body.map((line) => `${line}\n`).join('');
  };
  return {
    request: {
      root: { ...projectArtifact, type: 'jar', extension: 'jar' },
      dependencies: lines('dependencies').map(parseDependency),
      managedDependencies: lines('management').map(parseDependency),
    },
    source,
    projectArtifact,
    expectedVerbose: expected('verbose'),
    expectedTree: expected('tree'),
  };
}

export function readGraphFixture(path: string): GraphFixture {
  return parseGraphFixture(readFileSync(path, 'utf8'));
}

