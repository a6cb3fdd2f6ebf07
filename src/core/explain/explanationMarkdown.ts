import type { Fix, PathStep } from '../analysis/finding';
import type { ClassExplanation, FailureExplanation, ModuleExplanation } from './explainFailure';
import type { DeployedCopy, RuntimeExplanation } from './runtimeExplanation';

/** A fix as the renderer links it: the host turns the index into a command link. */
export type FixLink = (fix: Fix, index: number) => string;

const plainFix: FixLink = (fix) => fix.title;

function steps(path: readonly PathStep[]): string {
  return path.map((step) => `${step.groupId}:${step.artifactId}:${step.version}${step.scope === undefined ? '' : ` (${step.scope})`}`).join(' → ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function memberNote(hasMember: boolean | undefined): string {
  return hasMember === undefined ? '' : hasMember ? ' — declares the member' : ' — **lacks the member**';
}

function runtimeSection(runtime: RuntimeExplanation, lines: string[]): void {
  lines.push(`In the runtime ${code(runtime.runtime)} (${runtime.order} loading):`, '');
  if (runtime.copies.length === 0) lines.push('- none of its jars has the class');
  for (const copy of runtime.copies) lines.push(`- ${code(copy.name)} (${code(copy.file)})${memberNote(copy.hasMember)}`);
  const loaded: DeployedCopy | undefined = runtime.loaded;
  if (loaded !== undefined) lines.push(`- loads when deployed: ${loaded.fromRuntime ? '' : "the job's "}${code(loaded.name)} (${runtime.rule})${memberNote(loaded.hasMember)}`);
  for (const advice of runtime.advice) lines.push(`- ${advice}`);
  for (const problem of runtime.problems) lines.push(`- problem: ${problem}`);
  lines.push('');
}

function moduleSection(module: ModuleExplanation, lines: string[], link: FixLink, fixes: Fix[]): void {
  lines.push(`### Module ${code(module.moduleId)}`, '', `**Most likely:** ${module.story}.`, '');
  if (module.referencedBy.length > 0) lines.push(`Referenced by: ${module.referencedBy.map(code).join(', ')}`, '');
  // What the runtime loads decides a deployed job's failure: shown before the build's classpaths.
  if (module.runtime !== undefined) runtimeSection(module.runtime, lines);
  if (module.copies.length === 0) lines.push('On the classpaths: **no jar provides it** (compile, runtime, test).', '');
  else {
    lines.push('On the classpaths:', '');
    for (const copy of module.copies) {
      lines.push(`- ${copy.scope}: ${code(copy.name)} (${code(copy.file)})${memberNote(copy.hasMember)}, via ${steps(copy.path)}`);
    }
    lines.push('');
  }
  for (const selection of module.selections) {
    const flags = [selection.scope === undefined ? undefined : `scope ${selection.scope}`, selection.optional ? 'optional' : undefined].filter((flag) => flag !== undefined);
    lines.push(
      `Selected: ${code(`${selection.groupId}:${selection.artifactId}:${selection.version}`)} — ${selection.how}${flags.length === 0 ? '' : ` (${flags.join(', ')})`}`,
      `  - path: ${steps(selection.path)}`,
    );
    for (const requested of selection.requested) lines.push(`  - also requested: ${requested.version} via ${steps(requested.path)} (omitted for conflict)`);
    lines.push('');
  }
  if (module.absence !== undefined) lines.push(`Why absent: ${module.absence}`, '');
  if (module.fixes.length > 0) {
    lines.push('Fixes:', '');
    for (const fix of module.fixes) {
      lines.push(`- ${link(fix, fixes.length)}${fix.preferred ? ' (preferred)' : ''}`);
      fixes.push(fix);
    }
    lines.push('');
  }
}

function classSection(explanation: ClassExplanation, lines: string[], link: FixLink, fixes: Fix[]): void {
  const member = explanation.member === undefined ? '' : ` — ${explanation.member.kind} ${code(`${explanation.member.name}${explanation.member.descriptor ?? ''}`)}`;
  lines.push(`## ${code(explanation.className)}${member}`, '');
  if (explanation.repository.length === 0) lines.push('In the local repository: no version of any artifact looked at has it.', '');
  for (const versions of explanation.repository) {
    const have = versions.withIt.map((artifact) => artifact.version);
    lines.push(
      `In the local repository, ${code(`${versions.groupId}:${versions.artifactId}`)}: ${have.length === 0 ? 'no version has it' : `first version with it **${versions.first}**; has it: ${have.join(', ')}`}${versions.without.length === 0 ? '' : `; lacks it: ${versions.without.join(', ')}`}`,
      '',
    );
  }
  for (const module of explanation.modules) moduleSection(module, lines, link, fixes);
}

/**
 * Renders explanations as Markdown: per failure and class, the local repository versions, then per
 * module the most likely cause, the runtime it deploys to (its copies and the one that loads), the
 * classpath copies, the selection with its paths and the fixes.
 * `link` renders a fix (plain titles by default; the editor passes command links). Returns the text and
 * the fixes in the order their links were numbered.
 */
export function explanationMarkdown(explanations: readonly FailureExplanation[], link: FixLink = plainFix): { markdown: string; fixes: Fix[] } {
  const lines: string[] = ['# Jarscope: explanation', ''];
  const fixes: Fix[] = [];
  if (explanations.length === 0) lines.push('No class name or linkage failure was recognised in the text.', '');
  for (const explanation of explanations) {
    lines.push(`> ${explanation.failure.line}`, '');
    if (explanation.classes.length === 0) lines.push('The message names no class to look for.', '');
    for (const explained of explanation.classes) classSection(explained, lines, link, fixes);
  }
  return { markdown: lines.join('\n'), fixes };
}
