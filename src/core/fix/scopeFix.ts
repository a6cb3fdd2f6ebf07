import type { Fix } from '../analysis/finding';
import { childElement, type TextRange } from '../pom/xmlTree';
import { dependencyOrder, makeFix, projectElement } from './pomElements';
import type { PomDocument } from './pomDocument';
import { editContext, elementAt, insertInOrder, replaceText } from './xmlEdits';

/**
 * Sets the `<scope>` of the `<dependency>` at `dependencyRange`, replacing the one written or adding one
 * where the POM schema orders it (after version, type and classifier). With `provided`, Maven keeps the
 * artifact on the compile and test classpaths but not the runtime one and does not pass it on.
 */
export function scopeFix(pom: PomDocument, dependencyRange: TextRange, scope: string, title = `Set scope to ${scope}`): Fix {
  const project = projectElement(pom.text);
  const dependency = project && elementAt(project, dependencyRange, 'dependency');
  if (!dependency) return makeFix('set-scope', title, []);
  const context = editContext(pom);
  const current = childElement(dependency, 'scope');
  if (current?.text === scope) return makeFix('set-scope', title, []);
  const change = current
    ? replaceText(context, current, scope)
    : insertInOrder(context, dependency, { name: 'scope', text: scope }, dependencyOrder);
  return makeFix('set-scope', title, [change]);
}
