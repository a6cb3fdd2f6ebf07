import { dottedName } from '../analysis/classSummary';
import { embeddingNote } from '../embedded/embeddingNote';
import { compareCopies } from '../analysis/compareCopies';
import type { Finding } from '../analysis/finding';
import { listNames } from '../analysis/missingClasses';
import { elementLocation, elementName, pathSteps, type ModuleContext } from '../analysis/moduleContext';
import type { DeployedView } from './deployedView';
import { runtimeJarName } from './preparedRuntime';
import { parentFirstPatternOf } from './runtimeDefinition';
import { packagesOf, runtimeCopyFixes } from './runtimeFixes';

interface OverlapGroup {
  readonly job: number;
  readonly runtime: number;
  readonly classes: string[];
}

/**
 * Classes that both the job (its runtime classpath: what the deployed jar carries) and the runtime's jars
 * define, one finding per job element and runtime jar. Per class it says which copy loads under the
 * runtime's rules (see deployedView) and whether the bytes differ (CRC-32 and size, as duplicateClasses
 * compares). Under child-first loading a class whose copies differ exists twice at run time, once per class
 * loader: objects crossing between the runtime's code and the job's fail with "X cannot be cast to X" or a
 * LinkageError (warning). Where the runtime's copy loads, the job's differing copy is dead weight that the
 * job's code was compiled against (warning; runtimeMissingMembers names what breaks). Identical copies: info.
 */
export async function runtimeOverlaps(context: ModuleContext, view: DeployedView, signal?: AbortSignal): Promise<Finding[]> {
  const groups = new Map<string, OverlapGroup>();
  for (const [className, definers] of view.definers) {
    if (definers.length < 2 || context.ignore.ignoresClass(dottedName(className))) continue;
    const job = definers.filter((index) => index < view.jobCount);
    const runtime = definers.filter((index) => index >= view.jobCount);
    for (const jobIndex of job) {
      for (const runtimeIndex of runtime) {
        const key = `${jobIndex}|${runtimeIndex}`;
        let group = groups.get(key);
        if (group === undefined) groups.set(key, (group = { job: jobIndex, runtime: runtimeIndex, classes: [] }));
        group.classes.push(className);
      }
    }
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    signal?.throwIfAborted();
    const job = view.elements[group.job]!;
    const artifact = job.element.node?.artifact;
    if (artifact !== undefined && context.ignore.ignoresArtifact(artifact.groupId, artifact.artifactId)) continue;
    const runtimeJar = view.elements[group.runtime]!;
    const { identical, different } = await compareCopies([job.indexed, runtimeJar.indexed], group.classes.sort());
    const runtimeWins = group.classes.filter((className) => view.definers.get(className)![0]! >= view.jobCount);
    // A fat jar on either side (the job's shaded dependency, a runtime's -dist jar) hides what it carries.
    const note = await embeddingNote(
      [job, runtimeJar].map(({ element, indexed }) => ({ file: element.file, index: indexed.index, artifact: element.node?.artifact })),
      group.classes,
    );
    findings.push(overlapFinding(context, view, group, { different, identical, runtimeWins }, note));
  }
  return findings;
}

function overlapFinding(
  context: ModuleContext,
  view: DeployedView,
  group: OverlapGroup,
  copies: { different: readonly string[]; identical: readonly string[]; runtimeWins: readonly string[] },
  embedding: string | undefined,
): Finding {
  const { definition } = view.runtime;
  const job = view.elements[group.job]!.element;
  const runtimeFile = view.elements[group.runtime]!.element.file;
  const jobName = elementName(context, job);
  const jarName = runtimeJarName(definition, runtimeFile);
  const all = [...copies.different, ...copies.identical];
  const kinds = [copies.different.length > 0 ? `${copies.different.length} different` : '', copies.identical.length > 0 ? `${copies.identical.length} identical` : '']
    .filter(Boolean)
    .join(', ');
  const runtimeWins = new Set(copies.runtimeWins);
  const jobWinsDifferent = copies.different.filter((name) => !runtimeWins.has(name));
  const runtimeWinsDifferent = copies.different.filter((name) => runtimeWins.has(name));
  const sentences = [
    `${all.length} ${all.length === 1 ? 'class' : 'classes'} of ${jobName} ${all.length === 1 ? 'is' : 'are'} also in ${jarName} (${kinds}): ${listNames(all.map(dottedName))}.`,
    loadingSentence(view, copies.runtimeWins, all.length - copies.runtimeWins.length, jarName),
  ];
  if (embedding !== undefined) sentences.push(`${embedding}.`);
  if (jobWinsDifferent.length > 0) {
    sentences.push(
      `Under child-first loading both copies of ${listNames(jobWinsDifferent.map(dottedName))} exist at run time, one per class loader: ` +
        `objects passed between ${definition.name}'s code and the job's fail with "X cannot be cast to X" or LinkageError.`,
    );
  }
  if (runtimeWinsDifferent.length > 0) {
    sentences.push(`The job's code was compiled against its own copy of ${listNames(runtimeWinsDifferent.map(dottedName))}, which never loads: NoSuchMethodError or NoSuchFieldError where they differ.`);
  }
  sentences.push(
    job.node === undefined
      ? `Relocate (shade) ${packagesOf(all).join(', ')} in the job jar, or leave these classes to the runtime.`
      : `Let the runtime supply it (scope provided, or an exclusion), or relocate (shade) ${packagesOf(all).join(', ')} with maven-shade-plugin.`,
  );
  return {
    code: 'runtime-overlap',
    severity: copies.different.length > 0 ? 'warning' : 'info',
    module: context.moduleId,
    scopes: [view.scope],
    message: sentences.join(' '),
    location: elementLocation(context, job),
    paths: job.node === undefined ? [] : [pathSteps(context, job.nodePath)],
    jars: [job.file, runtimeFile],
    classes: all.map(dottedName),
    related: [],
    fixes: runtimeCopyFixes(context, job),
    runtime: definition.name,
  };
}

/** Which copy loads, with the rule that decides it. */
function loadingSentence(view: DeployedView, runtimeWins: readonly string[], jobWinsCount: number, jarName: string): string {
  const { definition } = view.runtime;
  if (definition.order === 'parent-first') return `At run time ${jarName} loads first (parent-first loading).`;
  const patterns = [...new Set(runtimeWins.map((name) => parentFirstPatternOf(definition, dottedName(name))!))];
  const parts: string[] = [];
  if (jobWinsCount > 0) parts.push(`the job's copy loads first (child-first loading)${runtimeWins.length > 0 ? ` for ${jobWinsCount}` : ''}`);
  if (runtimeWins.length > 0) parts.push(`${jarName} loads first (parent-first pattern ${patterns.join(', ')})${jobWinsCount > 0 ? ` for ${runtimeWins.length}` : ''}`);
  return `At run time ${parts.join('; ')}.`;
}
