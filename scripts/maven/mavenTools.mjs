// What the scripts that run real Maven share: the plugin they run, running a command, and a writable local
// repository made of Debian's (a symlink copy, so that Maven never writes into /usr/share).
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
