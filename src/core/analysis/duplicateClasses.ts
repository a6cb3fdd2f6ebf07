import { embeddingNote } from '../embedded/embeddingNote';
import { exclusionFix } from '../fix/exclusionFix';
import { dottedName } from './classSummary';
import { compareCopies } from './compareCopies';
import type { Finding, Fix } from './finding';
import { elementLocation, elementName, pathSteps, type ModuleContext, type ScopeView } from './moduleContext';
import type { ClasspathElement } from './moduleClasspaths';

// How many class names a message spells out before "and N more".
const NAMED_IN_MESSAGE = 5;

/**
 * Classes defined by two or more elements of one classpath, one finding per set of elements. The JVM's
 * class loaders take the first element that defines a name (URLClassLoader searches in classpath order),
 * so every later copy is shadowed: harmless when its bytes are identical (same CRC-32 and size: info),
 * a NoSuchMethodError or "X cannot be cast to X" waiting to happen when they differ (warning).
 * Already left out when indexed: module-info.class at any depth, package-info.class, and the
 * `META-INF/versions/N/` copies of a multi-release jar, which are versions of its own base class.
 */
export async function duplicateClasses(context: ModuleContext, view: ScopeView, signal?: AbortSignal): Promise<Finding[]> {
  const groups = new Map<string, { elements: readonly number[]; classes: string[] }>();
  for (const [className, definers] of view.definers) {
    if (definers.length < 2 || context.ignore.ignoresClass(className)) continue;
    const key = definers.join(',');
    let group = groups.get(key);
    if (group === undefined) {
      group = { elements: definers, classes: [] };
      groups.set(key, group);
    }
    group.classes.push(className);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    signal?.throwIfAborted();
    const elements = group.elements.map((index) => view.elements[index]!);
    if (elements.some(({ element }) => isIgnoredElement(context, element))) continue;
    const { identical, different } = await compareCopies(
      elements.map(({ indexed }) => indexed),
      group.classes.sort(),
    );
    const finding = duplicateFinding(context, view, elements.map(({ element }) => element), identical, different);
    // A copy inside a fat jar at its original names: name the jar that embeds it.
    const note = await embeddingNote(elements.map(({ element, indexed }) => ({ file: element.file, index: indexed.index, artifact: element.node?.artifact })), group.classes);
    findings.push(note === undefined ? finding : { ...finding, message: `${finding.message} ${note}.` });
  }
  return findings;
}

function isIgnoredElement(context: ModuleContext, element: ClasspathElement): boolean {
  const artifact = element.node?.artifact;
  return artifact !== undefined && context.ignore.ignoresArtifact(artifact.groupId, artifact.artifactId);
}

function duplicateFinding(
  context: ModuleContext,
  view: ScopeView,
  elements: readonly ClasspathElement[],
  identical: readonly string[],
  different: readonly string[],
): Finding {
  const names = elements.map((element) => elementName(context, element));
  const all = [...different, ...identical];
  const listed = all.slice(0, NAMED_IN_MESSAGE).map(dottedName).join(', ') + (all.length > NAMED_IN_MESSAGE ? ` and ${all.length - NAMED_IN_MESSAGE} more` : '');
  const kinds = [different.length > 0 ? `${different.length} different` : '', identical.length > 0 ? `${identical.length} identical` : ''].filter(Boolean).join(', ');
  const message =
    `${all.length} ${all.length === 1 ? 'class is' : 'classes are'} in both ${names.join(' and ')} (${kinds}): ${listed}. ` +
    `The copy in ${names[0]} wins by classpath order` +
    (different.length > 0 ? '; code compiled against the other copy may fail with NoSuchMethodError or LinkageError.' : '.');
  // Shown on the dependency that brings the shadowed copy: that is the one to exclude.
  const shadowed = [...elements].reverse().find((element) => element.node !== undefined) ?? elements[elements.length - 1]!;
  return {
    code: 'duplicate-class',
    severity: different.length > 0 ? 'warning' : 'info',
    module: context.moduleId,
    scopes: [view.scope],
    message,
    location: elementLocation(context, shadowed),
    paths: elements.filter((element) => element.node !== undefined).map((element) => pathSteps(context, element.nodePath)),
    jars: elements.map((element) => element.file),
    classes: all.map(dottedName),
    related: [],
    fixes: exclusionFixes(context, elements),
    differentClasses: different.map(dottedName),
  };
}

/** "Exclude <g:a> from <direct dependency>" for each transitive copy (a direct one is removed by hand). */
function exclusionFixes(context: ModuleContext, elements: readonly ClasspathElement[]): Fix[] {
  const fixes: Fix[] = [];
  // The first element's copy is the one in use: excluding a later one changes nothing at run time.
  for (const element of elements.slice(1)) {
    const direct = element.nodePath[0];
    const site = direct?.dependency?.declaredAt;
    if (element.node === undefined || element.nodePath.length < 2 || site === undefined) continue;
    const pom = context.pomTexts.get(site.source.pomPath);
    if (pom === undefined) continue;
    const { groupId, artifactId } = element.node.artifact;
    const title = `Exclude ${groupId}:${artifactId} from ${direct!.artifact.groupId}:${direct!.artifact.artifactId}`;
    const fix = exclusionFix(pom, site.range, { groupId, artifactId }, title);
    if (fix.edits.length > 0) fixes.push({ ...fix, preferred: fixes.length === 0 });
  }
  return fixes;
}
