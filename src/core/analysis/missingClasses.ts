import { absentProvider, elementCandidateArtifacts, explainAbsence, type Absence } from './absence';
import { absenceFixes, absenceSeverity, absenceText } from './absenceFixes';
import { dottedName } from './classSummary';
import type { Finding, PathStep } from './finding';
import { gaKey } from './graphNodes';
import type { LinkageCheck } from './linkageServices';
import { elementLocation, elementName, pathSteps } from './moduleContext';

const NAMED_IN_MESSAGE = 3;

/**
 * Classes that classes on the classpath link against (constant-pool CONSTANT_Class entries and the class
 * names in field and method descriptors, JVM spec §4.4.1 and §4.3) but that no classpath element and not
 * the JDK defines: NoClassDefFoundError when that code runs (JVM spec §5.3). Each is attributed to the
 * element that references it and explained (see explainAbsence); one finding per referencing element and
 * explanation, listing every class it covers.
 */
export async function missingClasses(check: LinkageCheck): Promise<Finding[]> {
  const { context, view, facts, services, signal } = check;
  // element index -> missing class -> the element's classes that reference it
  const missing = new Map<number, Map<string, Set<string>>>();
  for (const { elementIndex, missing: referenced, from: className } of facts.missingClasses) {
    if (context.ignore.ignoresClass(referenced)) continue;
    let byClass = missing.get(elementIndex);
    if (byClass === undefined) missing.set(elementIndex, (byClass = new Map<string, Set<string>>()));
    let from = byClass.get(referenced);
    if (from === undefined) byClass.set(referenced, (from = new Set<string>()));
    from.add(className);
  }
  // Every look-up starts at once: those the look-ahead (lookAheadForMissingClasses) has not answered yet
  // overlap their jar reads instead of waiting one after another.
  const lookups = [...missing]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([elementIndex, byClass]) => {
      const { element } = view.elements[elementIndex]!;
      const artifact = element.node?.artifact;
      if (artifact !== undefined && context.ignore.ignoresArtifact(artifact.groupId, artifact.artifactId)) return [];
      const candidates = elementCandidateArtifacts(context, element);
      const classes = [...byClass].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      const providerLists = Promise.all(classes.map(([className]) => services.repositoryIndex.providersOf(className, candidates, signal)));
      // Awaited in turn below; one that fails while an earlier one is awaited is not left unhandled.
      providerLists.catch(() => undefined);
      return [{ element, classes, providerLists }];
    });
  const findings: Finding[] = [];
  for (const { element, classes, providerLists } of lookups) {
    const providersOfClass = await providerLists;
    const groups = new Map<string, { absence: Absence; classes: string[]; from: Set<string> }>();
    // The classes of one package mostly have the same providers, hence the same explanation: worked out once
    // per list (it walks the graph). Without a provider, the class's package decides (optionalByPackage).
    const explained = new Map<string, Absence>();
    for (const [index, [className, from]] of classes.entries()) {
      signal?.throwIfAborted();
      const providers = providersOfClass[index]!;
      const providersKey = providers.map((provider) => provider.file).join('\n');
      let absence = providers.length === 0 ? undefined : explained.get(providersKey);
      if (absence === undefined) {
        absence = explainAbsence(context, view, [element], providers, className);
        if (providers.length > 0) explained.set(providersKey, absence);
      }
      const key = absence.kind === 'nowhere' ? 'nowhere' : `${absence.kind}:${gaKey(absence.provider)}`;
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = { absence, classes: [], from: new Set() }));
      group.classes.push(className);
      for (const name of from) group.from.add(name);
    }
    for (const { absence, classes, from } of groups.values()) {
      const ownCode = element.node === undefined;
      const referencingNames = [...from].sort().map(dottedName);
      const listed = listNames(classes.map(dottedName));
      const message =
        `Classes in ${elementName(context, element)} (${listNames(referencingNames)}) reference ${listed}, which no jar on the classpath ` +
        `${classes.length === 1 ? 'provides' : 'provide'}; ${absenceText(absence, ownCode)}.`;
      const paths: PathStep[][] = [];
      if (element.node !== undefined) paths.push(pathSteps(context, element.nodePath));
      if (absence.kind === 'version-selected') {
        paths.push(pathSteps(context, absence.selected.nodePath));
        for (const loser of absence.requested) paths.push(pathSteps(context, loser.nodePath));
      }
      findings.push({
        code: 'missing-class',
        severity: absenceSeverity(absence, ownCode),
        module: context.moduleId,
        scopes: [view.scope],
        message,
        location: elementLocation(context, element),
        paths,
        jars: [element.file],
        classes: [...classes.map(dottedName), ...referencingNames],
        related: absence.kind === 'excluded' ? [{ message: 'the exclusion', location: absence.exclusion }] : [],
        fixes: absenceFixes(context, absence),
        missing: { names: classes.map(dottedName), referencedBy: referencingNames, provider: absentProvider(absence) },
      });
    }
  }
  return findings;
}

export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, NAMED_IN_MESSAGE).join(', ');
  return names.length > NAMED_IN_MESSAGE ? `${shown} and ${names.length - NAMED_IN_MESSAGE} more` : shown;
}
