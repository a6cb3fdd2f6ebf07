import { basename } from 'node:path';
import { managedVersionFix } from '../fix/managedVersionFix';
import type { Fix } from './finding';
import type { PlacedNode } from './graphNodes';
import type { ModuleContext } from './moduleContext';

/**
 * The fix that makes Maven select `version` of a mediated artifact. A version written on a direct
 * dependency beats dependencyManagement (Maven applies management to transitive dependencies only), so
 * there the `<version>` element itself is changed (when it is a literal, not a property); everywhere else
 * the version is pinned in the module's dependencyManagement, which beats nearest-wins on every path.
 */
export function selectVersionFix(context: ModuleContext, selected: PlacedNode, version: string): Fix | undefined {
  const { groupId, artifactId, type, classifier } = selected.node.artifact;
  const site = selected.node.dependency?.declaredAt;
  if (selected.nodePath.length === 1 && site !== undefined) {
    const pom = context.pomTexts.get(site.source.pomPath);
    const written = pom?.pom?.dependencies.find((dependency) => dependency.range.start === site.range.start);
    if (pom !== undefined && written?.versionRange !== undefined && written.version !== undefined && !written.version.includes('${')) {
      const versionElement = pom.text.slice(written.versionRange.start, written.versionRange.end);
      return {
        kind: 'pin-version',
        title: `Change ${groupId}:${artifactId} to ${version} in ${basename(site.source.pomPath)}`,
        preferred: true,
        edits: [{ file: pom.path, range: written.versionRange, newText: versionElement.replace(/>[^<]*</, `>${version}<`) }],
      };
    }
  }
  const pom = context.pomTexts.get(context.module.pomPath);
  if (pom === undefined) return undefined;
  const fix = managedVersionFix(pom, { groupId, artifactId, version, type, ...(classifier !== '' ? { classifier } : {}) });
  return fix.edits.length > 0 ? { ...fix, preferred: true } : undefined;
}
