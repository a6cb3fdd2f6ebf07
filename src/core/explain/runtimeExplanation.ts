import type { IndexedEntry } from '../analysis/classpathIndexer';
import { dottedName } from '../analysis/classSummary';
import type { Fix } from '../analysis/finding';
import type { ClasspathElement } from '../analysis/moduleClasspaths';
import { elementName, type ModuleContext, type ScopeView } from '../analysis/moduleContext';
import { runtimeJarName, type PreparedRuntime } from '../runtime/preparedRuntime';
import { parentFirstPatternOf, runtimeLoadsFirst, type LoadingOrder } from '../runtime/runtimeDefinition';
import { packagesOf, runtimeCopyFixes } from '../runtime/runtimeFixes';
import type { ParsedFailure } from './parseThrowable';

/** One copy of the class, in the runtime's jars or in the job (its runtime classpath). */
export interface DeployedCopy {
  readonly file: string;
  /** `flink-local's lib/text-utils-1.0.jar` for a runtime jar, `g:a:v` or the module's own classes for the job's. */
  readonly name: string;
  readonly fromRuntime: boolean;
  /** For a member failure: whether this copy declares the member; undefined without one. */
  readonly hasMember: boolean | undefined;
}

/** What a module's runtime does with the class once the module is deployed into it. */
export interface RuntimeExplanation {
  readonly runtime: string;
  readonly order: LoadingOrder;
  /** The runtime's jars that define the class, in the order its class loader searches them. */
  readonly copies: readonly DeployedCopy[];
  /** The copy that loads when deployed; undefined when neither the job nor the runtime has the class. */
  readonly loaded: DeployedCopy | undefined;
  /** Why that copy loads: parent-first loading, `parent-first pattern P`, child-first loading, or the job not carrying it. */
  readonly rule: string | undefined;
  /** The most likely cause when it is the runtime's copy (or the two class loaders); undefined otherwise. */
  readonly story: string | undefined;
  /** Fixes no pom edit carries: relocation (shading), the runtime's patterns. */
  readonly advice: readonly string[];
  /** Unusable runtime definitions or lib paths, one line each. */
  readonly problems: readonly string[];
}

/** The job's side of the class: its runtime classpath view and the copies on it. */
export interface JobSide {
  readonly view: ScopeView;
  readonly declaresMember: (indexed: IndexedEntry) => Promise<boolean | undefined>;
}

/** `text-utils 2.0` for a dependency, the element's name for the module's own classes. */
function jobLabel(context: ModuleContext, element: ClasspathElement): string {
  return element.node === undefined ? elementName(context, element) : `${element.node.artifact.artifactId} ${element.node.artifact.version}`;
}

/**
 * Explains a class against the runtime a module deploys to: the runtime's jars that define it (and whether
 * each declares the failing member), which copy loads under the runtime's rules (Java's parent-first
 * delegation, or child-first loading with its parent-first patterns compared by `startsWith`, as Flink's
 * ChildFirstClassLoader does; see runtimeLoadsFirst) and, when that copy is the cause, the story and fixes:
 * the runtime's copy shadows the job's and lacks the member (relocate the job's copy, or leave the pattern
 * out), or a class both sides carry crosses two class loaders (let the runtime supply it: scope provided or
 * an exclusion, see runtimeCopyFixes).
 */
export async function explainRuntime(
  context: ModuleContext,
  runtime: PreparedRuntime,
  job: JobSide,
  failure: ParsedFailure,
  className: string,
  problems: readonly string[],
): Promise<{ explanation: RuntimeExplanation; fixes: Fix[] }> {
  const { definition } = runtime;
  const name = dottedName(className);
  const member = failure.member;
  const copies: DeployedCopy[] = [];
  for (const { file, indexed } of runtime.jars) {
    if (!indexed.classes.has(className)) continue;
    copies.push({ file, name: runtimeJarName(definition, file), fromRuntime: true, hasMember: member === undefined ? undefined : await job.declaresMember(indexed) });
  }
  const jobElements = (job.view.definers.get(className) ?? []).map((index) => job.view.elements[index]!);
  const jobCopies: DeployedCopy[] = [];
  for (const { element, indexed } of jobElements) {
    jobCopies.push({ file: element.file, name: elementName(context, element), fromRuntime: false, hasMember: member === undefined ? undefined : await job.declaresMember(indexed) });
  }
  const runtimeWins = copies.length > 0 && (jobCopies.length === 0 || runtimeLoadsFirst(definition, name));
  const loaded = runtimeWins ? copies[0] : jobCopies[0];
  const pattern = parentFirstPatternOf(definition, name);
  const rule =
    loaded === undefined
      ? undefined
      : jobCopies.length === 0
        ? 'the job does not carry it'
        : copies.length === 0
          ? 'only the job has it'
          : definition.order === 'parent-first'
            ? 'parent-first loading'
            : pattern !== undefined
              ? `parent-first pattern ${pattern}`
              : 'child-first loading';
  const advice: string[] = [];
  const fixes: Fix[] = [];
  let story: string | undefined;
  const packages = packagesOf([className]).join(', ');
  const shading = `relocate (shade) ${packages} in the job jar with maven-shade-plugin, so that the job's classes use their own copy`;
  if (member !== undefined && loaded?.fromRuntime === true && loaded.hasMember === false) {
    const declaring = jobElements.find((_, index) => jobCopies[index]!.hasMember === true);
    story =
      declaring === undefined
        ? `${loaded.name} loads (${rule}); it lacks ${member.name}, and the job carries no copy that has it`
        : `${loaded.name} loads first (${rule}); it lacks ${member.name}; the job's ${jobLabel(context, declaring.element)} is shadowed`;
    // A copy the job does not carry cannot be relocated: it has to be bundled first.
    advice.push(declaring === undefined ? `Fix: bundle a version with ${member.name} in the job jar (not provided) and relocate (shade) ${packages} with maven-shade-plugin` : `Fix: ${shading}`);
    if (declaring !== undefined && definition.order === 'child-first' && pattern !== undefined && pattern !== 'java.') {
      advice.push(`Or leave ${pattern} out of ${definition.name}'s parent-first patterns, so that the job's copy loads child-first`);
    }
    advice.push(`Or build the job against the version in ${loaded.name}`);
  } else if ((failure.kind === 'ClassCastException' || failure.kind === 'LinkageError') && copies.length > 0 && jobCopies.length > 0) {
    story =
      `two copies of ${name} across class loaders: ${copies[0]!.name} and the job's ${jobLabel(context, jobElements[0]!.element)} (${rule} for the job's classes); ` +
      `objects passed between ${definition.name}'s code and the job's fail with "${name} cannot be cast to ${name}"`;
    for (const { element } of jobElements) fixes.push(...runtimeCopyFixes(context, element));
    advice.push(`Or ${shading}`);
  }
  return { explanation: { runtime: definition.name, order: definition.order, copies, loaded, rule, story, advice, problems }, fixes };
}
