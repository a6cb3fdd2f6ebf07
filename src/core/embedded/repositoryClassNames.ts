import { indexJar } from '../archive/openJar';
import type { LocalRepository } from '../repo/localRepository';
import { baseClassNames, type RepositoryClassNames } from './embeddedArtifacts';

/**
 * Class names of `g:a:v`'s jar in the local repository (default layout), for telling relocated
 * embedded copies from unrelocated ones; undefined when the jar is absent or cannot be read.
 * Coordinates with path characters are never looked up (they come from a jar's pom.properties).
 */
export function repositoryClassNames(repository: LocalRepository): RepositoryClassNames {
  const read = new Map<string, Promise<readonly string[] | undefined>>();
  return (groupId, artifactId, version) => {
    if ([groupId, artifactId, version].some((part) => /[/\\\0]|\.\./.test(part))) return Promise.resolve(undefined);
    const path = repository.artifactPath({ groupId, artifactId, version, extension: 'jar' });
    let names = read.get(path);
    if (names === undefined) {
      names = repository.exists(path)
        ? indexJar(path).then(baseClassNames, () => undefined)
        : Promise.resolve(undefined);
      read.set(path, names);
    }
    return names;
  };
}
