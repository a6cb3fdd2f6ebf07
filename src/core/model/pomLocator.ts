import { dirname, join, resolve } from 'node:path';
import type { RawParent, RawPom } from '../pom/rawPom';
import { Interpolator } from './interpolation';
import type { ModelBuildContext } from './modelBuilder';
import type { ModelProblem, PomSource } from './modelTypes';
import { chooseParentVersion, parentVersionAccepts } from './parentVersionRange';
import { pathKind } from './pathKind';
import type { PomFileCache } from './pomFileCache';
import { envProperty } from './profileActivation';

/** A pom found for a parent; `kind` undefined when it was found at relativePath (it then has the child's kind). */
export interface LocatedPom {
  pomPath: string;
  kind?: PomSource['kind'];
}

/** What finding a pom needs: the reactor, the repository, and the properties a CI-friendly parent version may use. */
export type PomLocations = Pick<ModelBuildContext, 'repository' | 'workspacePoms' | 'userProperties' | 'systemProperties' | 'env'>;

/** `groupId:artifactId:version`, the key of workspacePoms. */
export function coordinatesOf(groupId: string, artifactId: string, version: string): string {
  return `${groupId}:${artifactId}:${version}`;
}

const separatorOrNul = /[/\\\0]/;

/** Where the pom of a parent, a BOM or a dependency is: in the reactor's files or in the local repository. */
export class PomLocator {
  constructor(
    private readonly locations: PomLocations,
    private readonly files: PomFileCache,
  ) {}

  /** The pom path of the reactor module with these coordinates, absolute so that it shares the file caches. */
  reactorPom(coordinates: string): string | undefined {
    const pomPath = this.locations.workspacePoms.get(coordinates);
    return pomPath === undefined ? undefined : resolve(pomPath);
  }

  /**
   * The repository path of a pom. Coordinates that would lead out of the repository (`..`, separators) give a
   * path inside it that does not exist, so a hostile pom cannot make Jarscope read other files.
   */
  repositoryPomPath(groupId: string, artifactId: string, version: string): string {
    const unsafe = (segment: string): boolean => segment === '..' || segment === '.' || separatorOrNul.test(segment);
    // A groupId's segments are split at dots, so none of them can be `.` or `..`: only separators matter.
    if (separatorOrNul.test(groupId) || unsafe(artifactId) || unsafe(version)) {
      return join(this.locations.repository.root, '.jarscope-unsafe-coordinates', 'missing.pom');
    }
    return this.locations.repository.pomPath(groupId, artifactId, version);
  }

  /**
   * DefaultModelBuilder.readParent: the pom at relativePath (default ../pom.xml, a folder meaning its pom.xml)
   * when its groupId, artifactId and version match the <parent> (a version range: contain its version); else
   * the pom with those coordinates in the local repository, or first in the reactor when `reactorByCoordinates`.
   */
  locateParent(child: RawPom, parent: RawParent, childPath: string, problems: ModelProblem[], reactorByCoordinates: boolean): LocatedPom | undefined {
    if (!parent.groupId || !parent.artifactId || !parent.version) {
      problems.push(this.files.problem('error', 'parent-incomplete', `The <parent> of ${childPath} needs groupId, artifactId and version.`, childPath, parent.range));
      return undefined;
    }
    const local = parent.relativePath === '' ? undefined : this.parentAtRelativePath(parent, childPath, problems);
    return local !== undefined ? { pomPath: local } : this.parentByCoordinates(child, parent, childPath, problems, reactorByCoordinates);
  }

  /** The pom at relativePath when it is the parent; a different artifact there is warned about, another version is not. */
  private parentAtRelativePath(parent: RawParent, childPath: string, problems: ModelProblem[]): string | undefined {
    let candidate = resolve(dirname(childPath), parent.relativePath ?? '../pom.xml');
    if (pathKind(candidate) === 'directory') candidate = join(candidate, 'pom.xml');
    const read = this.files.read(candidate);
    if (!read.ok) {
      if (read.reason !== 'missing') problems.push(read.problem);
      return undefined;
    }
    const found = read.pom;
    const groupId = found.groupId?.value ?? found.parent?.groupId;
    if (groupId !== parent.groupId || found.artifactId?.value !== parent.artifactId) {
      const foundCoordinates = `${groupId ?? '?'}:${found.artifactId?.value ?? '?'}`;
      const message = `'parent.relativePath' of POM ${childPath} points at ${foundCoordinates} instead of ${parent.groupId}:${parent.artifactId}, please verify your project structure.`;
      problems.push(this.files.problem('warning', 'parent-relative-path-mismatch', message, childPath, parent.range));
      return undefined;
    }
    // Another version there is version skew, not an error: Maven looks further, in the reactor and the repository.
    return parentVersionAccepts(parent.version ?? '', found.version?.value ?? found.parent?.version) ? candidate : undefined;
  }

  private parentByCoordinates(
    child: RawPom,
    parent: RawParent,
    childPath: string,
    problems: ModelProblem[],
    reactorByCoordinates: boolean,
  ): LocatedPom | undefined {
    // Outside the reactor's files, a CI-friendly parent version (${revision}) can only come from -D, system or own properties.
    const interpolator = new Interpolator(
      (expression) =>
        this.locations.userProperties.get(expression) ??
        this.locations.systemProperties.get(expression) ??
        envProperty(expression, this.locations.env) ??
        child.properties.find((property) => property.name === expression)?.value,
    );
    const groupId = interpolator.interpolate(parent.groupId ?? '');
    const artifactId = interpolator.interpolate(parent.artifactId ?? '');
    const wanted = `${groupId}:${artifactId}:${parent.version ?? ''}`;
    const notFound = (detail: string): undefined => {
      const message = `Non-resolvable parent POM ${wanted} for ${childPath}: ${detail}.`;
      problems.push(this.files.problem('error', 'parent-not-found', message, childPath, parent.range));
      return undefined;
    };
    const choice = chooseParentVersion(interpolator.interpolate(parent.version ?? ''), () => this.knownVersions(groupId, artifactId, reactorByCoordinates));
    if (!choice.ok) return notFound(choice.reason);
    const workspacePom = reactorByCoordinates ? this.reactorPom(coordinatesOf(groupId, artifactId, choice.version)) : undefined;
    const pomPath = workspacePom ?? this.repositoryPomPath(groupId, artifactId, choice.version);
    const read = this.files.read(pomPath);
    if (!read.ok) {
      // A parent that is there but cannot be read or parsed makes the child invalid; only a missing one is unresolvable.
      if (read.reason !== 'missing') problems.push(read.problem);
      const where = parent.relativePath === '' ? 'in the local repository' : `at relativePath '${parent.relativePath ?? '../pom.xml'}' nor in the local repository`;
      return read.reason === 'missing' ? notFound(`not found ${where} (${pomPath})`) : undefined;
    }
    return { pomPath, kind: workspacePom ? 'workspace' : 'repository' };
  }

  /** Versions of groupId:artifactId that a range can pick from: the repository's metadata, and the reactor when it counts. */
  private knownVersions(groupId: string, artifactId: string, withReactor: boolean): string[] {
    const prefix = `${groupId}:${artifactId}:`;
    const reactor = withReactor ? [...this.locations.workspacePoms.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)) : [];
    return [...this.locations.repository.listVersions(groupId, artifactId), ...reactor];
  }
}
