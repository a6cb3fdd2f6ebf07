import type { MemberReference } from '../classfile/classInfo';
import { dottedName } from '../analysis/classSummary';
import type { Finding, PathStep } from '../analysis/finding';
import { loadedLookup, memberKey } from '../analysis/linkageFacts';
import { loadedClasses, type LinkageServices } from '../analysis/linkageServices';
import { memberText, resolvesMember } from '../analysis/memberResolution';
import { listNames } from '../analysis/missingClasses';
import { elementLocation, elementName, pathSteps, type ModuleContext } from '../analysis/moduleContext';
import type { DeployedView } from './deployedView';
import { runtimeJarName } from './preparedRuntime';
import { parentFirstPatternOf } from './runtimeDefinition';
import { packagesOf } from './runtimeFixes';

interface MemberGroup {
  readonly referencing: number;
  readonly owner: number;
  readonly members: Map<string, MemberReference>;
  readonly from: Set<string>;
}

/**
 * Field and method references from the job's classes (its own and the jars it carries) to a class that the
 * runtime's copy supplies at run time (parent-first loading, a parent-first pattern, or a class the job does
 * not carry), where that copy and its supertypes do not declare the member: NoSuchMethodError or
 * NoSuchFieldError once deployed, although the job's build sees the member (JVM spec §5.4.3.2-4, see
 * resolvesMember). One finding per referencing element and runtime jar, on the dependency that brings the
 * job's own copy of the owner when it carries one (else on the referencing element).
 */
export async function runtimeMissingMembers(context: ModuleContext, view: DeployedView, services: LinkageServices, signal?: AbortSignal): Promise<Finding[]> {
  const loaded = await loadedClasses(services, view, signal);
  const lookup = loadedLookup(services, loaded);
  const groups = new Map<string, MemberGroup>();
  const verdicts = new Map<string, boolean | undefined>();
  for (const [className, { elementIndex, summary }] of loaded) {
    if (elementIndex >= view.jobCount) continue;
    for (const reference of summary.memberReferences) {
      const owner = loaded.get(reference.owner);
      if (owner === undefined || owner.elementIndex < view.jobCount || context.ignore.ignoresClass(dottedName(reference.owner))) continue;
      const key = memberKey(reference);
      if (!verdicts.has(key)) verdicts.set(key, await resolvesMember(reference, lookup));
      if (verdicts.get(key) !== false) continue;
      const groupKey = `${elementIndex}|${owner.elementIndex}`;
      let group = groups.get(groupKey);
      if (group === undefined) groups.set(groupKey, (group = { referencing: elementIndex, owner: owner.elementIndex, members: new Map(), from: new Set() }));
      group.members.set(key, reference);
      group.from.add(className);
    }
    signal?.throwIfAborted();
  }
  return [...groups.values()].map((group) => memberFinding(context, view, group)).filter((finding): finding is Finding => finding !== undefined);
}

function memberFinding(context: ModuleContext, view: DeployedView, group: MemberGroup): Finding | undefined {
  const { definition } = view.runtime;
  const referencing = view.elements[group.referencing]!.element;
  const runtimeFile = view.elements[group.owner]!.element.file;
  const artifact = referencing.node?.artifact;
  if (artifact !== undefined && context.ignore.ignoresArtifact(artifact.groupId, artifact.artifactId)) return undefined;
  const members = [...group.members.values()];
  const owners = [...new Set(members.map((member) => member.owner))].sort();
  // The job's own copy of an owner class (it carries one that does not load), where the fix belongs.
  const jobCopyIndex = owners.map((owner) => view.definers.get(owner)!.find((index) => index < view.jobCount)).find((index) => index !== undefined);
  const jobCopy = jobCopyIndex === undefined ? undefined : view.elements[jobCopyIndex]!.element;
  const jarName = runtimeJarName(definition, runtimeFile);
  const patterns = [...new Set(owners.map((owner) => parentFirstPatternOf(definition, dottedName(owner))).filter((pattern) => pattern !== undefined))];
  const rule =
    jobCopy === undefined
      ? `the job does not carry ${listNames(owners.map(dottedName))}`
      : definition.order === 'parent-first'
        ? 'parent-first loading'
        : `parent-first pattern ${patterns.join(', ')}`;
  const from = [...group.from].sort().map(dottedName);
  const message =
    `Classes in ${elementName(context, referencing)} (${listNames(from)}) use ${listNames(members.map(memberText))}, which ${jarName} does not declare: ` +
    `${jarName} loads first (${rule}), so the job fails with NoSuchMethodError/NoSuchFieldError in ${definition.name}` +
    (jobCopy === undefined ? '. ' : ` although ${elementName(context, jobCopy)} in the job jar declares ${members.length === 1 ? 'it' : 'them'}. `) +
    `Relocate (shade) ${packagesOf(owners).join(', ')} in the job jar, or build against the runtime's version.`;
  const paths: PathStep[][] = [referencing, ...(jobCopy === undefined ? [] : [jobCopy])].filter((element) => element.node !== undefined).map((element) => pathSteps(context, element.nodePath));
  const shownOn = jobCopy ?? referencing;
  return {
    code: 'runtime-missing-member',
    severity: 'error',
    module: context.moduleId,
    scopes: [view.scope],
    message,
    location: elementLocation(context, shownOn),
    paths,
    jars: [...new Set([referencing.file, runtimeFile, ...(jobCopy === undefined ? [] : [jobCopy.file])])],
    classes: [...new Set([...owners.map(dottedName), ...from])],
    related: [],
    // Making the job's copy provided does not add the member to the runtime's: the advice is in the message.
    fixes: [],
    runtime: definition.name,
  };
}
