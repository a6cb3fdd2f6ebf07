import { dirname, join, resolve, sep } from 'node:path';
import type { RawPom, RawValue } from '../pom/rawPom';
import type { TextRange } from '../pom/xmlTree';
import type { WorkspacePomFile } from './workspacePomFile';

/** A pom's coordinates as written, with groupId and version taken from `<parent>` when absent. */
export interface ProjectCoordinates {
  readonly groupId?: string;
  readonly artifactId?: string;
  readonly version?: string;
  readonly packaging: string;
  readonly groupIdInherited: boolean;
  readonly versionInherited: boolean;
}

export type ProjectProblemCode = 'module-not-found' | 'module-cycle' | 'aggregator-packaging';

/** Something wrong in how poms refer to each other; the pom itself was read. */
export interface ProjectProblem {
  readonly code: ProjectProblemCode;
  readonly message: string;
  readonly pomPath: string;
  /** Where in the pom: the `<module>` element, or the `<packaging>`/`<project>` element. */
  readonly range: TextRange;
}

/** One pom.xml of the workspace and the modules it aggregates. */
export interface ProjectNode {
  readonly pomPath: string;
  readonly file: WorkspacePomFile;
  /** Undefined when the pom could not be read or is not well-formed. */
  readonly coordinates?: ProjectCoordinates;
  /** The aggregated poms, in `<modules>` order (project modules first, then those of profiles). */
  readonly modules: readonly ProjectNode[];
  readonly problems: readonly ProjectProblem[];
}

export interface ProjectTree {
  /** Poms that no aggregator lists, sorted by path. */
  readonly roots: readonly ProjectNode[];
  /** Every pom, sorted by path. */
  readonly nodes: readonly ProjectNode[];
  readonly problems: readonly ProjectProblem[];
}

interface MutableNode extends ProjectNode {
  modules: ProjectNode[];
  problems: ProjectProblem[];
}

/**
 * Coordinates as Maven's model inheritance fills them in: `groupId` and `version` come from `<parent>`
 * when the pom does not write them (Maven model, "inheritance"); `packaging` defaults to `jar`.
 */
export function projectCoordinates(pom: RawPom): ProjectCoordinates {
  return {
    groupId: pom.groupId?.value ?? pom.parent?.groupId,
    artifactId: pom.artifactId?.value,
    version: pom.version?.value ?? pom.parent?.version,
    packaging: pom.packaging?.value ?? 'jar',
    groupIdInherited: pom.groupId === undefined && pom.parent?.groupId !== undefined,
    versionInherited: pom.version === undefined && pom.parent?.version !== undefined,
  };
}

/** `groupId:artifactId:packaging:version`, with `?` for what is unknown. */
export function formatCoordinates(coordinates: ProjectCoordinates): string {
  const { groupId = '?', artifactId = '?', packaging, version = '?' } = coordinates;
  return `${groupId}:${artifactId}:${packaging}:${version}`;
}

/** Module entries of the project and of all its profiles: any of them may be active in some build. */
function moduleEntries(pom: RawPom): RawValue[] {
  return [...pom.modules, ...pom.profiles.flatMap((profile) => profile.modules)];
}

/**
 * Maven resolves `<module>` against the aggregator's folder; a folder means its pom.xml, anything else
 * names the pom file itself (DefaultModelBuilder / ProjectCollector).
 */
function resolveModule(aggregatorPath: string, module: string, known: ReadonlyMap<string, MutableNode>): MutableNode | string {
  const target = resolve(dirname(aggregatorPath), module.split('\\').join(sep));
  return known.get(target) ?? known.get(join(target, 'pom.xml')) ?? target;
}

function nodeFor(file: WorkspacePomFile): MutableNode {
  return {
    pomPath: file.path,
    file,
    coordinates: file.status === 'parsed' ? projectCoordinates(file.pom) : undefined,
    modules: [],
    problems: [],
  };
}

/** The modules an aggregator lists, resolved to known poms; entries that point nowhere become problems. */
function linkModules(node: MutableNode, known: ReadonlyMap<string, MutableNode>): MutableNode[] {
  if (node.file.status !== 'parsed') return [];
  const pom = node.file.pom;
  const linked: MutableNode[] = [];
  for (const entry of moduleEntries(pom)) {
    const target = resolveModule(node.pomPath, entry.value, known);
    if (typeof target === 'string') {
      node.problems.push({
        code: 'module-not-found',
        message: `Module '${entry.value}' points nowhere: no pom.xml found at ${target}`,
        pomPath: node.pomPath,
        range: entry.range,
      });
    } else if (!linked.includes(target) && target !== node) {
      linked.push(target);
    }
  }
  if (pom.modules.length > 0 && node.coordinates?.packaging !== 'pom') {
    node.problems.push({
      code: 'aggregator-packaging',
      message: `Aggregator projects require 'pom' as packaging, but this one is '${node.coordinates?.packaging ?? 'jar'}'`,
      pomPath: node.pomPath,
      range: pom.packaging?.range ?? pom.projectRange,
    });
  }
  return linked;
}

/**
 * Builds the aggregator -> modules tree of the workspace's poms. Broken poms stay in the tree (without
 * coordinates) so the rest still shows. A `<module>` that would close a cycle is dropped with a problem,
 * as Maven refuses a reactor whose modules form a cycle; poms that only a cycle refers to become roots.
 */
export function buildProjectTree(files: readonly WorkspacePomFile[]): ProjectTree {
  // Nested workspace folders find the same pom twice: one node per path.
  const known = new Map<string, MutableNode>();
  for (const file of files) if (!known.has(file.path)) known.set(file.path, nodeFor(file));
  const nodes = [...known.values()].sort(byPomPath);
  const edges = new Map(nodes.map((node) => [node, linkModules(node, known)]));
  const referenced = new Set([...edges.values()].flat());

  const finished = new Set<MutableNode>();
  const onPath = new Set<MutableNode>();
  const visit = (node: MutableNode): void => {
    onPath.add(node);
    for (const module of edges.get(node) ?? []) {
      if (onPath.has(module)) {
        node.problems.push({
          code: 'module-cycle',
          message: `Module ${module.pomPath} is already an aggregator of this pom: the modules form a cycle`,
          pomPath: node.pomPath,
          range: moduleRange(node, module),
        });
        continue;
      }
      node.modules.push(module);
      if (!finished.has(module)) visit(module);
    }
    onPath.delete(node);
    finished.add(node);
  };

  const roots: MutableNode[] = [];
  for (const node of nodes.filter((candidate) => !referenced.has(candidate))) {
    roots.push(node);
    visit(node);
  }
  // Whatever is left is reachable only through a cycle: start from its first pom by path.
  for (const node of nodes) {
    if (finished.has(node)) continue;
    roots.push(node);
    visit(node);
  }
  roots.sort(byPomPath);
  return { roots, nodes, problems: nodes.flatMap((node) => node.problems) };
}

/** The `<module>` element of `aggregator` that names `module`. */
function moduleRange(aggregator: MutableNode, module: MutableNode): TextRange {
  if (aggregator.file.status !== 'parsed') return { start: 0, end: 0 };
  const known = new Map([[module.pomPath, module]]);
  const entry = moduleEntries(aggregator.file.pom).find((candidate) => resolveModule(aggregator.pomPath, candidate.value, known) === module);
  return entry?.range ?? aggregator.file.pom.projectRange;
}

function byPomPath(a: { readonly pomPath: string }, b: { readonly pomPath: string }): number {
  return a.pomPath < b.pomPath ? -1 : a.pomPath > b.pomPath ? 1 : 0;
}
