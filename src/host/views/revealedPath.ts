// Which path of a finding "Show in Dependencies view" reveals, as plain data: no vscode here, so it is
// unit-tested in plain Node.
import type { Finding, PathStep } from '../../core/analysis/finding';
import { compareVersions } from '../../core/version/comparableVersion';

/**
 * The path (module first) the Dependencies view reveals for a finding. A version conflict's diagnostic is on
 * the `<dependency>` that brings the first requested version newer than the selected one, else the first
 * loser (see versionConflicts): that omitted node is what the diagnostic is about. Other findings: their
 * first path (an unresolved artifact's: to the artifact, or to the direct dependency that leads to it).
 */
export function revealedPath(finding: Pick<Finding, 'code' | 'paths'>): readonly PathStep[] | undefined {
  const [selected, ...losers] = finding.paths;
  if (finding.code !== 'version-conflict' || selected === undefined) return selected;
  const selectedVersion = selected.at(-1)?.version ?? '';
  const newer = losers.find((path) => compareVersions(path.at(-1)?.version ?? '', selectedVersion) > 0);
  return newer ?? losers[0] ?? selected;
}
