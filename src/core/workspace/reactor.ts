import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ModelBuilder } from '../model/modelBuilder';
import type { EffectiveModel } from '../model/modelTypes';
import { parsePom } from '../pom/parsePom';

/** One project of a Maven reactor. */
export interface ReactorModule {
  /** The module's folder relative to the reactor root, `/`-separated; `.` for the root itself. */
  readonly dir: string;
  readonly pomPath: string;
  readonly model: EffectiveModel;
}

export interface ReactorProblem {
  readonly pomPath: string;
  readonly message: string;
  /** Maven stops the whole build on it (projects that depend on each other in a cycle). */
  readonly fatal?: boolean;
}

export interface Reactor {
  readonly root: string;
  /** In Maven's reactor build order. */
  readonly modules: readonly ReactorModule[];
  /** The modules each module is built after: those it depends on and its parent (ProjectDependencyGraph's edges). */
  readonly upstream: ReadonlyMap<ReactorModule, readonly ReactorModule[]>;
  readonly problems: readonly ReactorProblem[];
}

/** Maven's DefaultModelProcessor.locatePom: a module entry names a folder holding pom.xml, or a pom file. */
function modulePomPath(baseDir: string, entry: string): string {
  const path = resolve(baseDir, entry);
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, 'pom.xml') : path;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

interface ParentReference {
  readonly groupId?: string;
  readonly artifactId?: string;
  readonly version?: string;
}

function parentOf(pomPath: string): ParentReference | undefined {
  try {
    const parsed = parsePom(readFileSync(pomPath, 'utf8'));
    return parsed.ok ? parsed.pom.parent : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The projects in the order Maven's DefaultProjectBuilder lists them: every module's projects before the
 * aggregator that declares it (post-order), modules in declaration order.
 */
function collectProjects(
  builder: ModelBuilder,
  rootDir: string,
  pomPath: string,
  seen: Set<string>,
  projects: ReactorModule[],
  problems: ReactorProblem[],
): void {
  if (seen.has(pomPath)) return;
  seen.add(pomPath);
  const model = builder.buildFromFile(pomPath);
  const children: ReactorModule[] = [];
  for (const entry of model.modules) {
    const modulePom = modulePomPath(dirname(pomPath), entry);
    // Maven, unable to read the aggregator then, builds no project (DefaultProjectBuilder).
    if (!isFile(modulePom)) {
      problems.push({ pomPath, message: `Child module ${modulePom} of ${pomPath} does not exist`, fatal: true });
      continue;
    }
    collectProjects(builder, rootDir, modulePom, seen, children, problems);
  }
  projects.push(...children);
  const dir = relative(rootDir, dirname(pomPath)).split(sep).join('/');
  projects.push({ dir: dir === '' ? '.' : dir, pomPath, model });
}

/** Two projects with one groupId:artifactId:version stop Maven before it builds anything (DuplicateProjectException). */
function duplicatedProjects(projects: readonly ReactorModule[]): ReactorProblem[] {
  const seen = new Set<string>();
  const problems: ReactorProblem[] = [];
  for (const project of projects) {
    const key = label(project);
    if (seen.has(key)) problems.push({ pomPath: project.pomPath, message: `Project '${key}' is duplicated in the reactor`, fatal: true });
    seen.add(key);
  }
  return problems;
}

const isSpecificVersion = (version: string | undefined): version is string =>
  version !== undefined && version !== '' && !version.startsWith('[') && !version.startsWith('(') && !version.includes('${');

const label = (project: ReactorModule): string => `${project.model.groupId}:${project.model.artifactId}:${project.model.version}`;

/**
 * Each project's edges in Maven's project graph. An edge of a dependency or a parent that closes a cycle makes
 * Maven stop the build (plexus DAG.addEdge), with the cycle from the edge's target round to it; it is left out.
 */
function reactorEdges(projects: readonly ReactorModule[]): { edges: Map<ReactorModule, ReactorModule[]>; cycle?: ReactorProblem } {
  const byKey = new Map<string, ReactorModule[]>();
  for (const project of projects) {
    const key = `${project.model.groupId}:${project.model.artifactId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), project]);
  }
  const targets = (groupId: string | undefined, artifactId: string | undefined, version: string | undefined): ReactorModule[] => {
    const candidates = byKey.get(`${groupId}:${artifactId}`) ?? [];
    return isSpecificVersion(version) ? candidates.filter((candidate) => candidate.model.version === version) : candidates;
  };
  const edges = new Map<ReactorModule, ReactorModule[]>();
  let cycle: ReactorProblem | undefined;
  for (const project of projects) {
    const out: ReactorModule[] = [];
    edges.set(project, out);
    const add = (found: readonly ReactorModule[]): void => {
      for (const target of found) {
        if (target === project || out.includes(target)) continue;
        const back = pathBetween(edges, target, project);
        if (back === undefined) out.push(target);
        else {
          const graph = [...back, target].map(label).join(' --> ');
          const message = `The projects in the reactor contain a cyclic reference: Edge between 'Vertex{label='${label(project)}'}' and 'Vertex{label='${label(target)}'}' introduces to cycle in the graph ${graph}`;
          cycle ??= { pomPath: project.pomPath, message, fatal: true };
        }
      }
    };
    // A plugin's edge is added only where it makes no cycle with the edges so far (addEdge with safe=true).
    const addSafely = (found: readonly ReactorModule[]): void => add(found.filter((target) => pathBetween(edges, target, project) === undefined));
    for (const dependency of project.model.dependencies) add(targets(dependency.groupId, dependency.artifactId, dependency.version));
    const parent = parentOf(project.pomPath);
    if (parent) add(targets(parent.groupId, parent.artifactId, parent.version));
    for (const plugin of project.model.buildPlugins) {
      addSafely(targets(plugin.groupId, plugin.artifactId, plugin.version));
      for (const dependency of plugin.dependencies) addSafely(targets(dependency.groupId, dependency.artifactId, dependency.version));
    }
    for (const extension of project.model.extensions) addSafely(targets(extension.groupId, extension.artifactId, extension.version));
  }
  return cycle === undefined ? { edges } : { edges, cycle };
}

/** The first path from `from` to `to` along the edges, depth first in their order; undefined when there is none. */
function pathBetween(edges: ReadonlyMap<ReactorModule, readonly ReactorModule[]>, from: ReactorModule, to: ReactorModule): ReactorModule[] | undefined {
  const seen = new Set<ReactorModule>();
  const visit = (project: ReactorModule): ReactorModule[] | undefined => {
    if (project === to) return [project];
    if (seen.has(project)) return undefined;
    seen.add(project);
    for (const next of edges.get(project) ?? []) {
      const rest = visit(next);
      if (rest !== undefined) return [project, ...rest];
    }
    return undefined;
  };
  return visit(from);
}

/**
 * Maven 3.8.7's ProjectSorter: an edge from a project to each reactor project it depends on (any scope), then
 * to its parent, then to its build plugins, their dependencies and its build extensions; the build order is the depth-first post-order of that graph (plexus TopologicalSorter), so
 * ties keep the order the projects were collected in.
 */
function sortProjects(projects: readonly ReactorModule[], edges: ReadonlyMap<ReactorModule, readonly ReactorModule[]>): ReactorModule[] {
  const order: ReactorModule[] = [];
  const state = new Map<ReactorModule, 'visiting' | 'done'>();
  const visit = (project: ReactorModule): void => {
    state.set(project, 'visiting');
    for (const target of edges.get(project) ?? []) if (!state.has(target)) visit(target);
    state.set(project, 'done');
    order.push(project);
  };
  for (const project of projects) if (!state.has(project)) visit(project);
  return order;
}

/**
 * The reactor rooted at a folder: its pom.xml and, recursively, the `<modules>` of every effective model
 * (profiles included), in Maven's reactor build order. The models are built twice: once to learn every
 * module's coordinates, then with those coordinates known, so that a module can import a sibling BOM or
 * depend on a sibling the way Maven's ReactorReader lets it. A module entry that names nothing is a
 * problem; the rest of the reactor is still built.
 */
export function loadReactor(createBuilder: (workspacePoms: ReadonlyMap<string, string>) => ModelBuilder, rootDir: string): Reactor & { builder: ModelBuilder } {
  const root = resolve(rootDir);
  const rootPom = join(root, 'pom.xml');
  const first: ReactorModule[] = [];
  const firstProblems: ReactorProblem[] = [];
  const firstBuilder = createBuilder(new Map());
  collectProjects(firstBuilder, root, rootPom, new Set(), first, firstProblems);
  // A lone project has no sibling to find: its models need not be built a second time.
  if (first.length === 1) return { root, modules: first, upstream: new Map(), problems: firstProblems, builder: firstBuilder };
  const workspacePoms = new Map<string, string>();
  for (const project of first) {
    const { groupId, artifactId, version } = project.model;
    workspacePoms.set(`${groupId}:${artifactId}:${version}`, project.pomPath);
  }
  const builder = createBuilder(workspacePoms);
  const projects: ReactorModule[] = [];
  const problems: ReactorProblem[] = [];
  collectProjects(builder, root, rootPom, new Set(), projects, problems);
  problems.push(...duplicatedProjects(projects));
  const { edges: upstream, cycle } = reactorEdges(projects);
  if (cycle !== undefined) problems.push(cycle);
  return { root, modules: sortProjects(projects, upstream), upstream, problems, builder };
}
