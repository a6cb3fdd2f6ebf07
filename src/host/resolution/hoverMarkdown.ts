// The Markdown of pom.xml hovers, built from resolved modules; no vscode here, so it is unit-tested in
// plain Node. Links run `jarscope.openDeclaration` with a pom path and an offset range.
import type { DeclarationSite, EffectiveModel, ModelDependency } from '../../core/model/modelTypes';
import type { TextRange } from '../../core/pom/xmlTree';
import type { DependencyNode } from '../../core/resolve/dependencyGraph';
import { nodeScope } from '../../core/resolve/dependencyGraph';
import type { ProjectResolution } from '../../core/resolve/resolveProject';
import { artifactKey, coordinatesText, graphPaths, omittedNote, pathText, requestedVersion, siteText } from './dependencyText';

export const OPEN_DECLARATION_COMMAND = 'jarscope.openDeclaration';

/** A module whose graph a hover explains. */
export interface HoverModule {
  readonly name: string;
  readonly model: EffectiveModel;
  readonly resolution: ProjectResolution | undefined;
}

/** A command link that opens a pom with a range selected. */
export function openDeclarationLink(text: string, pomPath: string, range: TextRange): string {
  const args = encodeURIComponent(JSON.stringify([pomPath, range.start, range.end]));
  return `[${escapeMarkdown(text)}](command:${OPEN_DECLARATION_COMMAND}?${args} "${escapeMarkdown(pomPath)}")`;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, '\\$&');
}

function siteLink(site: DeclarationSite): string {
  return openDeclarationLink(siteText(site), site.source.pomPath, site.range);
}

function sameSite(a: DeclarationSite | undefined, b: DeclarationSite | undefined): boolean {
  return a !== undefined && b !== undefined && a.source.pomPath === b.source.pomPath && a.range.start === b.range.start;
}

/** The direct node of a resolution that a model dependency became. */
export function directNodeOf(resolution: ProjectResolution, dependency: ModelDependency): DependencyNode | undefined {
  const direct = resolution.root.children.nodes;
  return (
    direct.find((node) => sameSite(node.dependency?.declaredAt, dependency.declaredAt)) ??
    direct.find((node) => node.artifact.groupId === dependency.groupId && node.artifact.artifactId === dependency.artifactId)
  );
}

/**
 * What the hover on a `<dependency>` says for one module: the resolved version and scope, why that
 * version (a direct declaration is nearest, so it wins over every transitive request; dependencyManagement
 * supplies a version not written: `writesVersion` says whether the element has its own `<version>`), and the other versions requested elsewhere in the graph and what
 * became of them.
 */
export function dependencyHoverMarkdown(module: HoverModule, dependency: ModelDependency, writesVersion = dependency.managedBy === undefined): string {
  const lines: string[] = [];
  const { resolution } = module;
  const node = resolution ? directNodeOf(resolution, dependency) : undefined;
  if (!resolution || !node) {
    lines.push(`**${escapeMarkdown(`${dependency.groupId}:${dependency.artifactId}:${dependency.version ?? '?'}`)}** in ${escapeMarkdown(module.name)}`);
    lines.push(resolution ? '- not in the resolved graph' : '- not resolved: the module\'s pom has errors');
    return lines.join('\n');
  }
  const scope = nodeScope(node) ?? 'compile';
  lines.push(`**${escapeMarkdown(coordinatesText(node.artifact))}** · ${scope} — in ${escapeMarkdown(module.name)}`);
  const omitted = omittedNote(node);
  if (omitted) {
    lines.push(`- ${escapeMarkdown(omitted)}${node.winner ? ` (the nearest declaration wins: ${escapeMarkdown(node.winner.artifact.version)})` : ''}`);
  } else {
    lines.push(`- Resolved version ${escapeMarkdown(node.artifact.version)}: a direct dependency is nearest, so it wins`);
  }
  if (dependency.managedBy) {
    // Management never overrides a version written on the dependency itself; then it gave scope or exclusions.
    const what = writesVersion ? 'Scope or exclusions' : `Version ${escapeMarkdown(node.artifact.version)}`;
    lines.push(`- ${what} managed from ${siteLink(dependency.managedBy)}`);
  }
  if (dependency.declaredAt.source.pomPath !== module.model.source.pomPath) {
    lines.push(`- Inherited from ${siteLink(dependency.declaredAt)}`);
  }
  const key = artifactKey(node.artifact);
  const others = graphPaths(resolution.root).filter((entry) => entry.node !== node && artifactKey(entry.node.artifact) === key);
  for (const other of others.slice(0, 5)) {
    const note = omittedNote(other.node) ?? 'selected';
    lines.push(`- Also requested: ${escapeMarkdown(requestedVersion(other.node))} via ${escapeMarkdown(pathText(other.path.map((entry) => entry.artifact)))} — ${escapeMarkdown(note)}`);
  }
  if (others.length > 5) lines.push(`- … and ${others.length - 5} more request(s)`);
  return lines.join('\n');
}

/** What the hover on a `<dependencyManagement>` entry says: the nodes of each module it manages. */
export function managementHoverMarkdown(modules: readonly HoverModule[], site: DeclarationSite): string {
  const lines: string[] = [];
  for (const module of modules) {
    if (!module.resolution) continue;
    for (const { node, path } of graphPaths(module.resolution.root)) {
      if (!sameSite(node.managedFrom, site)) continue;
      const changes: string[] = [];
      if (node.premanagedVersion !== undefined) changes.push(`version ${node.premanagedVersion} → ${node.artifact.version}`);
      if (node.premanagedScope !== undefined) changes.push(`scope ${node.premanagedScope} → ${nodeScope(node) ?? ''}`);
      lines.push(`- ${escapeMarkdown(module.name)}: ${escapeMarkdown(pathText(path.map((entry) => entry.artifact)))} (${escapeMarkdown(changes.join(', '))})`);
    }
  }
  if (lines.length === 0) return 'Manages no transitive dependency of the resolved modules.';
  return [`**Managed by this entry (${lines.length}):**`, ...lines.slice(0, 10), ...(lines.length > 10 ? [`- … and ${lines.length - 10} more`] : [])].join('\n');
}

/** What the hover on `<parent>` says: the parent's coordinates and the file it was read from. */
export function parentHoverMarkdown(coordinates: string, file: string | undefined): string {
  if (file === undefined) return `**Parent ${escapeMarkdown(coordinates)}**\n- not found in the workspace or the local repository`;
  return `**Parent ${escapeMarkdown(coordinates)}**\n- read from ${openDeclarationLink(file, file, { start: 0, end: 0 })}`;
}
