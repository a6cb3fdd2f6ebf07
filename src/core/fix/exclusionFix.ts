import type { Fix } from '../analysis/finding';
import { childElement, childElements, childText, type TextRange } from '../pom/xmlTree';
import { appendChild, editContext, elementAt, insertInOrder, type NewXml } from './xmlEdits';
import { dependencyOrder, makeFix, projectElement } from './pomElements';
import type { PomDocument } from './pomDocument';

function covers(pattern: string | undefined, value: string): boolean {
  return pattern === value || pattern === '*';
}

/**
 * Excludes `excluded` from the `<dependency>` at `dependencyRange`: an `<exclusion>` in its
 * `<exclusions>` (created when absent, opened when written `<exclusions/>`). Maven applies exclusions to
 * the whole subtree below that dependency, `*` matching any id (Maven 3.2.1+), so no edit is made when an
 * existing exclusion already covers the artifact. The fix has no edits when the text no longer holds a
 * `<dependency>` at that range.
 */
export function exclusionFix(
  pom: PomDocument,
  dependencyRange: TextRange,
  excluded: { groupId: string; artifactId: string },
  title = `Exclude ${excluded.groupId}:${excluded.artifactId}`,
): Fix {
  const project = projectElement(pom.text);
  const dependency = project && elementAt(project, dependencyRange, 'dependency');
  if (!dependency) return makeFix('exclude', title, []);
  const exclusions = childElement(dependency, 'exclusions');
  const already = childElements(exclusions, 'exclusion').some(
    (exclusion) => covers(childText(exclusion, 'groupId'), excluded.groupId) && covers(childText(exclusion, 'artifactId'), excluded.artifactId),
  );
  if (already) return makeFix('exclude', title, []);
  const context = editContext(pom);
  const exclusion: NewXml = {
    name: 'exclusion',
    children: [
      { name: 'groupId', text: excluded.groupId },
      { name: 'artifactId', text: excluded.artifactId },
    ],
  };
  const change = exclusions
    ? appendChild(context, exclusions, exclusion)
    : insertInOrder(context, dependency, { name: 'exclusions', children: [exclusion] }, dependencyOrder);
  return makeFix('exclude', title, [change]);
}
