import type { MemberReference } from '../classfile/classInfo';
import { absenceFixes } from './absenceFixes';
import { absentProvider, howSelected, type Absence } from './absence';
import { isSummary } from './classpathIndexer';
import { dottedName } from './classSummary';
import type { Finding, MissingDetail, PathStep } from './finding';
import type { ClasspathElement } from './moduleClasspaths';
import type { PlacedNode } from './graphNodes';
import type { LinkageCheck, LinkageServices } from './linkageServices';
import { loadedLookup, memberKey } from './linkageFacts';
import { memberText, resolvesMember, type ClassLookup } from './memberResolution';
import { listNames } from './missingClasses';
import { elementLocation, elementName, pathSteps, type ModuleContext } from './moduleContext';
import type { RepositoryArtifact } from './repositoryClassIndex';

interface MemberGroup {
  readonly referencing: number;
  readonly owner: number;
  readonly members: Map<string, MemberReference>;
  readonly from: Set<string>;
}

/**
 * Field and method references (Fieldref, Methodref, InterfaceMethodref: JVM spec §4.4.2) whose owner is on
 * the classpath but which neither the owner nor its supertypes (classpath and JDK) declare: the
 * NoSuchFieldError / NoSuchMethodError of the first call. Attributed like missing classes: one finding per
 * referencing element and owning element, with the versions of the owner's artifact that do declare them.
 */
export async function missingMembers(check: LinkageCheck): Promise<Finding[]> {
  const { context, view, facts, services, signal } = check;
  const groups = new Map<string, MemberGroup>();
  for (const { elementIndex, ownerIndex, reference, from } of facts.unresolvedMembers) {
    if (context.ignore.ignoresClass(reference.owner)) continue;
    const groupKey = `${elementIndex}|${ownerIndex}`;
    let group = groups.get(groupKey);
    if (group === undefined) groups.set(groupKey, (group = { referencing: elementIndex, owner: ownerIndex, members: new Map(), from: new Set() }));
    group.members.set(memberKey(reference), reference);
    group.from.add(from);
  }
  // Only a finding's explanation needs the summaries: a run over cached facts without findings never reads them.
  const lookup: ClassLookup = groups.size === 0 ? () => Promise.resolve(undefined) : loadedLookup(services, await check.loaded());
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    const referencing = view.elements[group.referencing]!.element;
    const owner = view.elements[group.owner]!.element;
    const ignored = [referencing, owner].some((element) => element.node !== undefined && context.ignore.ignoresArtifact(element.node.artifact.groupId, element.node.artifact.artifactId));
    if (ignored) continue;
    const members = [...group.members.values()];
    const absence = await explainMemberAbsence(context, owner.node === undefined ? undefined : { node: owner.node, nodePath: owner.nodePath }, members, services, lookup, signal);
    const referencingNames = [...group.from].sort().map(dottedName);
    const memberNames = members.map(memberText);
    let reason: string;
    if (absence.kind === 'version-selected') {
      const { groupId, artifactId, version } = absence.selected.node.artifact;
      reason = `${groupId}:${artifactId} ${version} was selected (${absence.how}); ${artifactId} ${absence.versionsWithIt.map((a) => a.version).join(', ')} in the local repository ${absence.versionsWithIt.length === 1 ? 'declares' : 'declare'} ${members.length === 1 ? 'it' : 'them'}`;
    } else {
      reason = `no other version of ${elementName(context, owner)} in the local repository declares ${members.length === 1 ? 'it' : 'them'}`;
    }
    const message =
      `Classes in ${elementName(context, referencing)} (${listNames(referencingNames)}) use ${listNames(memberNames)}, which ${elementName(context, owner)} ` +
      `does not declare (NoSuchMethodError/NoSuchFieldError at run time); ${reason}.`;
    const paths: PathStep[][] = [referencing, owner].filter((element) => element.node !== undefined).map((element) => pathSteps(context, element.nodePath));
    if (absence.kind === 'version-selected') for (const loser of absence.requested) paths.push(pathSteps(context, loser.nodePath));
    findings.push({
      code: 'missing-member',
      severity: referencing.node === undefined || absence.kind === 'version-selected' ? 'error' : 'warning',
      module: context.moduleId,
      scopes: [view.scope],
      message,
      location: elementLocation(context, referencing),
      paths,
      jars: [...new Set([referencing.file, owner.file])],
      classes: [...new Set([...members.map((member) => dottedName(member.owner)), ...referencingNames])],
      related: [],
      fixes: absenceFixes(context, absence),
      missing: { names: memberNames, referencedBy: referencingNames, provider: absentProvider(absence) ?? ownerArtifact(owner) },
    });
  }
  return findings;
}

/** Which versions of the owner's artifact in the local repository declare every missing member. */
async function explainMemberAbsence(
  context: ModuleContext,
  owner: PlacedNode | undefined,
  members: readonly MemberReference[],
  services: LinkageServices,
  lookup: ClassLookup,
  signal: AbortSignal | undefined,
): Promise<Absence> {
  if (owner === undefined) return { kind: 'nowhere' };
  const { groupId, artifactId, version } = owner.node.artifact;
  const versionsWithIt: RepositoryArtifact[] = [];
  for (const candidate of services.repositoryIndex.versionsOf(groupId, artifactId)) {
    if (candidate.version === version) continue;
    const entry = await services.repositoryIndex.entryOf(candidate, signal);
    if (entry === undefined) continue;
    const parsed = await services.indexer.classesOf(entry, signal);
    // That version's own classes first, then the rest of the classpath and the JDK for its supertypes.
    const inCandidate: ClassLookup = async (name) => {
      const summary = parsed.get(name);
      return isSummary(summary) ? summary : lookup(name);
    };
    let all = true;
    for (const member of members) if ((await resolvesMember(member, inCandidate)) !== true) all = false;
    if (all) versionsWithIt.push(candidate);
  }
  if (versionsWithIt.length === 0) return { kind: 'nowhere' };
  const selected = owner;
  const requested = context.graph.filter(({ node }) => node.winner === owner.node && node.loserReason === 'conflict');
  return { kind: 'version-selected', provider: { groupId, artifactId }, selected, how: howSelected(context, selected), requested, versionsWithIt };
}

/** The owner's artifact without a version: no version in the local repository declares the members. */
function ownerArtifact(owner: ClasspathElement): MissingDetail['provider'] {
  const artifact = owner.node?.artifact;
  return artifact === undefined ? undefined : { groupId: artifact.groupId, artifactId: artifact.artifactId };
}
