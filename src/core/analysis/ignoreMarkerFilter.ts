import { readIgnoreMarkers, type IgnoreMarker } from '../fix/ignoreMarkers';
import type { Finding } from './finding';
import { ignoreMatcher, type IgnoreMatcher } from './ignorePatterns';
import type { PomTexts } from './pomTexts';

/**
 * Drops the findings a `<!-- jarscope:ignore <code> <subject> -->` marker in their pom silences: same code,
 * a subject matching one of the finding's classes (as a class or package pattern) or the artifact at the
 * end of one of its paths (as `groupId:artifactId`), and the marker inside the `<project>` or inside the
 * element the finding is shown on.
 */
export function withoutIgnoredByMarkers(findings: readonly Finding[], pomTexts: PomTexts): Finding[] {
  const markersByFile = new Map<string, { marker: IgnoreMarker; matcher: IgnoreMatcher }[]>();
  const markersOf = (file: string) => {
    let markers = markersByFile.get(file);
    if (markers === undefined) {
      const text = pomTexts.get(file)?.text;
      markers = (text === undefined ? [] : readIgnoreMarkers(text)).map((marker) => ({
        marker,
        matcher: ignoreMatcher({ classes: [marker.subject], packages: [marker.subject], artifacts: [marker.subject] }),
      }));
      markersByFile.set(file, markers);
    }
    return markers;
  };
  return findings.filter((finding) => {
    const { range } = finding.location;
    return !markersOf(finding.location.file).some(({ marker, matcher }) => {
      if (marker.code !== finding.code) return false;
      const applies = marker.range.start <= range.start && range.end <= marker.range.end;
      if (!applies) return false;
      const artifacts = finding.paths.map((path) => path[path.length - 1]).filter((step) => step !== undefined);
      return (
        finding.classes.some((name) => matcher.ignoresClass(name.replace(/\./g, '/'))) ||
        artifacts.some((step) => matcher.ignoresArtifact(step.groupId, step.artifactId))
      );
    });
  });
}
