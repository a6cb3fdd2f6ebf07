import type { ModelBuilder } from '../model/modelBuilder';
import type { LocalRepository } from '../repo/localRepository';
import type { ProjectResolution } from '../resolve/resolveProject';
import type { DependencyNode } from '../resolve/dependencyGraph';
import type { ReactorModule } from '../workspace/reactor';
import type { IndexedEntry } from './classpathIndexer';
import type { PlacedNode } from './graphNodes';
import type { AnalysedScope, PathStep, SourceLocation } from './finding';
import type { IgnoreMatcher } from './ignorePatterns';
import type { ClasspathElement, ModuleClasspaths } from './moduleClasspaths';
import type { PomTexts } from './pomTexts';

/** Everything the analyses of one module share. */
export interface ModuleContext {
  readonly module: ReactorModule;
  /** `groupId:artifactId:version`. */
  readonly moduleId: string;
  readonly resolution: ProjectResolution;
  readonly classpaths: ModuleClasspaths;
  readonly modules: readonly ReactorModule[];
  readonly repository: LocalRepository;
  readonly builder: ModelBuilder;
  readonly pomTexts: PomTexts;
  readonly ignore: IgnoreMatcher;
  /** Every node of the verbose graph, losers included. */
  readonly graph: readonly PlacedNode[];
}

/** One scope's classpath with each element indexed, and which elements define each class. */
export interface ScopeView {
  readonly scope: AnalysedScope;
  readonly elements: readonly { readonly element: ClasspathElement; readonly indexed: IndexedEntry }[];
  /** Binary name -> indices into `elements` of every element defining it, in classpath order. */
  readonly definers: ReadonlyMap<string, readonly number[]>;
}

export function moduleIdOf(module: ReactorModule): string {
  return `${module.model.groupId}:${module.model.artifactId}:${module.model.version}`;
}

/**
 * Where a finding about a classpath element is shown: the `<dependency>` that brings it in (for a
 * transitive element the direct dependency above it, in the pom that declares it, a parent included),
 * else the module's `<project>`.
 */
export function elementLocation(context: ModuleContext, element: ClasspathElement): SourceLocation {
  return nodePathLocation(context, element.nodePath);
}

export function nodePathLocation(context: ModuleContext, nodePath: readonly DependencyNode[]): SourceLocation {
  const site = nodePath[0]?.dependency?.declaredAt;
  return site === undefined ? context.pomTexts.projectLocation(context.module.pomPath) : context.pomTexts.locationOfSite(site);
}

/** A dependency path from the module down to a node, as findings carry it. */
export function pathSteps(context: ModuleContext, nodePath: readonly DependencyNode[]): PathStep[] {
  const { groupId, artifactId, version } = context.module.model;
  return [{ groupId, artifactId, version }, ...nodePath.map(nodeStep)];
}

export function nodeStep(node: DependencyNode): PathStep {
  const { groupId, artifactId, version, classifier } = node.artifact;
  const scope = node.dependency?.scope.value;
  return { groupId, artifactId, version, ...(classifier !== '' ? { classifier } : {}), ...(scope ? { scope } : {}) };
}

/** `g:a:v` of an element, or "the module's own classes". */
export function elementName(context: ModuleContext, element: ClasspathElement): string {
  if (element.node === undefined) return `${context.module.model.artifactId}'s own classes`;
  const { groupId, artifactId, version, classifier } = element.node.artifact;
  return `${groupId}:${artifactId}${classifier === '' ? '' : `:${classifier}`}:${version}`;
}

export function pathText(steps: readonly PathStep[]): string {
  return steps.map((step) => `${step.groupId}:${step.artifactId}:${step.version}`).join(' -> ');
}
