import type { Fix } from '../analysis/finding';
import type { ModuleContext } from '../analysis/moduleContext';
import type { ClasspathElement } from '../analysis/moduleClasspaths';
import { exclusionFix } from '../fix/exclusionFix';
import { scopeFix } from '../fix/scopeFix';

/**
 * How the job stops carrying its copy of a runtime's classes: a direct dependency becomes `provided`
 * (Maven leaves provided artifacts off the runtime classpath and out of the deployed jar, and the runtime
 * supplies them); a transitive one is excluded from the direct dependency that brings it. The module's own
 * classes have no such fix: relocation (shading) is the way, which the message advises.
 */
export function runtimeCopyFixes(context: ModuleContext, element: ClasspathElement): Fix[] {
  const direct = element.nodePath[0];
  const site = direct?.dependency?.declaredAt;
  if (element.node === undefined || direct === undefined || site === undefined) return [];
  const pom = context.pomTexts.get(site.source.pomPath);
  if (pom === undefined) return [];
  const { groupId, artifactId } = element.node.artifact;
  const fix =
    element.nodePath.length === 1
      ? scopeFix(pom, site.range, 'provided', `Set scope of ${groupId}:${artifactId} to provided (the runtime supplies it)`)
      : exclusionFix(pom, site.range, { groupId, artifactId }, `Exclude ${groupId}:${artifactId} from ${direct.artifact.groupId}:${direct.artifact.artifactId} (the runtime supplies it)`);
  return fix.edits.length > 0 ? [{ ...fix, preferred: true }] : [];
}

/** The packages of classes, for shading advice: `com.example.text` from `com/example/text/TextUtils`. */
export function packagesOf(classNames: readonly string[]): string[] {
  return [...new Set(classNames.map((name) => name.slice(0, Math.max(0, name.lastIndexOf('/'))).replace(/\//g, '.')).filter((name) => name !== ''))].sort();
}
