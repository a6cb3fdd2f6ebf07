// What the scripts that run real Maven share: the plugin they run, running a command, a writable local
// repository made of Debian's (a symlink copy, so that Maven never writes into /usr/share), and the metadata files
// of a repository's artifacts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const debianRepo = '/usr/share/maven-repo';
export const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.5.0';

/** Runs a command to its end; its output as text. Throws only when it cannot be started. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return result;
}

/** `<scratch>/m2`: a symlink copy of Debian's repository. */
export function mirrorDebianRepository(scratch) {
  const m2 = join(scratch, 'm2');
  const copy = run('cp', ['-rs', debianRepo, m2]);
  if (copy.status !== 0) throw new Error(`cp -rs ${debianRepo} failed: ${copy.stderr}`);
  return m2;
}

/** maven-metadata-local.xml, as `mvn install` leaves it next to an artifact's versions: what Maven reads offline to expand a range. */
export function metadataXml(groupId, artifactId, versions) {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<metadata>\n' +
    `  <groupId>${groupId}</groupId>\n  <artifactId>${artifactId}</artifactId>\n  <versioning>\n` +
    `    <release>${versions.at(-1)}</release>\n    <versions>\n` +
    versions.map((v) => `      <version>${v}</version>\n`).join('') +
    '    </versions>\n    <lastUpdated>20260101000000</lastUpdated>\n  </versioning>\n</metadata>\n'
  );
}
