import { compareVersions } from '../version/comparableVersion';
import { constraintContains, InvalidVersionSpecError, isVersionRange, parseVersionConstraint } from '../version/versionRange';

export type ParentVersionChoice = { ok: true; version: string } | { ok: false; reason: string };

/**
 * A `<parent>` version that is a range (Maven 3.2.2+, MNG-2199): whether a version found at relativePath is in it.
 * A plain version must be equal as written.
 */
export function parentVersionAccepts(spec: string, version: string | undefined): boolean {
  if (version === undefined) return false;
  if (!isVersionRange(spec)) return spec === version;
  try {
    return constraintContains(parseVersionConstraint(spec), version);
  } catch {
    return false;
  }
}

/**
 * The version of a parent to read by coordinates: the version itself, or for a range the highest of the
 * known versions (local repository metadata and reactor modules) that it contains, as DefaultModelResolver
 * resolves a parent range with a VersionRangeRequest.
 */
export function chooseParentVersion(spec: string, knownVersions: () => readonly string[]): ParentVersionChoice {
  if (!isVersionRange(spec)) return { ok: true, version: spec };
  let constraint;
  try {
    constraint = parseVersionConstraint(spec);
  } catch (error) {
    return { ok: false, reason: error instanceof InvalidVersionSpecError ? error.message : String(error) };
  }
  const matching = knownVersions().filter((version) => constraintContains(constraint, version));
  if (matching.length === 0) return { ok: false, reason: `no version in ${spec} is in the local repository's metadata or the reactor` };
  return { ok: true, version: matching.reduce((highest, version) => (compareVersions(version, highest) > 0 ? version : highest)) };
}
