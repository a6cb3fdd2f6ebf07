import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { DeclarationSite, ModelDependency } from '../../core/model/modelTypes';
import { parsePom } from '../../core/pom/parsePom';
import type { RawDependency, RawParent, RawPom } from '../../core/pom/rawPom';
import { LocalRepository } from '../../core/repo/localRepository';
import type { TextRange } from '../../core/pom/xmlTree';
import type { ResolvedModule } from '../../core/workspace/resolveWorkspace';
import type { WorkspaceReactor } from '../resolution/workspaceReactor';
import {
  dependencyHoverMarkdown,
  managementHoverMarkdown,
  OPEN_DECLARATION_COMMAND,
  parentHoverMarkdown,
  type HoverModule,
} from '../resolution/hoverMarkdown';
import type { ResolutionService } from '../resolution/resolutionService';

/** What the pointer is on: a `<dependency>` (in dependencies or dependencyManagement) or `<parent>`. */
export type PomHoverTarget =
  | { readonly kind: 'dependency'; readonly pomPath: string; readonly declared: RawDependency; readonly modules: ReadonlyArray<{ module: ResolvedModule; dependency: ModelDependency }> }
  | { readonly kind: 'management'; readonly pomPath: string; readonly declared: RawDependency }
  | { readonly kind: 'parent'; readonly pomPath: string; readonly parent: RawParent };

/**
 * A later source of hover text (class counts and findings from the class-level analysis): called for each
 * hover with its target, returns Markdown to append or undefined.
 */
export type PomHoverContributor = (target: PomHoverTarget) => string | undefined;

const contains = (range: TextRange, offset: number): boolean => offset >= range.start && offset <= range.end;
const isLiteral = (value: string | undefined): boolean => value !== undefined && !value.includes('${');

function allDependencies(pom: RawPom, section: 'dependencies' | 'dependencyManagement'): RawDependency[] {
  return [...pom[section], ...pom.profiles.flatMap((profile) => profile[section])];
}

function hoverModule({ module, resolution }: ResolvedModule): HoverModule {
  return { name: module.model.artifactId, model: module.model, resolution };
}

/** Hovers on `<dependency>`, `<version>` and `<parent>` in pom.xml, explained from the resolved graphs. */
export class PomHoverProvider implements vscode.HoverProvider {
  private readonly contributors: PomHoverContributor[] = [];

  constructor(private readonly service: ResolutionService) {}

  /** Adds a source of further hover text; returns what removes it. */
  addContributor(contributor: PomHoverContributor): vscode.Disposable {
    this.contributors.push(contributor);
    return new vscode.Disposable(() => this.contributors.splice(this.contributors.indexOf(contributor), 1));
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (basename(document.uri.fsPath) !== 'pom.xml') return undefined;
    const parsed = parsePom(document.getText());
    if (!parsed.ok) return undefined;
    const target = this.targetAt(parsed.pom, document, document.offsetAt(position));
    if (!target) return undefined;
    const sections = [this.markdownOf(target.target), ...this.contributors.map((contributor) => contributor(target.target))].filter(
      (text): text is string => text !== undefined && text !== '',
    );
    const markdown = new vscode.MarkdownString(sections.join('\n\n---\n\n'));
    markdown.isTrusted = { enabledCommands: [OPEN_DECLARATION_COMMAND] };
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(target.range.start), document.positionAt(target.range.end)));
  }

  private get modules(): ResolvedModule[] {
    return this.service.state.reactors.flatMap((reactor) => reactor.modules);
  }

  private targetAt(pom: RawPom, document: vscode.TextDocument, offset: number): { target: PomHoverTarget; range: TextRange } | undefined {
    const pomPath = document.uri.fsPath;
    const declared = allDependencies(pom, 'dependencies').find((dependency) => contains(dependency.range, offset));
    if (declared) {
      return { target: { kind: 'dependency', pomPath, declared, modules: this.declaringModules(pomPath, declared, document.isDirty) }, range: declared.range };
    }
    const managed = allDependencies(pom, 'dependencyManagement').find((dependency) => contains(dependency.range, offset));
    if (managed) return { target: { kind: 'management', pomPath, declared: managed }, range: managed.range };
    if (pom.parent && contains(pom.parent.range, offset)) return { target: { kind: 'parent', pomPath, parent: pom.parent }, range: pom.parent.range };
    return undefined;
  }

  /**
   * The modules whose effective model has this `<dependency>`: the pom's own module, and the modules that
   * inherit it when the pom is a parent. Matched by offset while the text is the saved one, else by
   * groupId and artifactId.
   */
  private declaringModules(pomPath: string, declared: RawDependency, dirty: boolean): Array<{ module: ResolvedModule; dependency: ModelDependency }> {
    const found: Array<{ module: ResolvedModule; dependency: ModelDependency }> = [];
    for (const module of this.modules) {
      const dependency = module.module.model.dependencies.find(
        (candidate) =>
          candidate.declaredAt.source.pomPath === pomPath &&
          ((!dirty && candidate.declaredAt.range.start === declared.range.start) ||
            (isLiteral(declared.groupId) && isLiteral(declared.artifactId) && candidate.groupId === declared.groupId && candidate.artifactId === declared.artifactId)),
      );
      if (dependency) found.push({ module, dependency });
    }
    // The pom's own module first.
    return found.sort((a, b) => Number(b.module.module.pomPath === pomPath) - Number(a.module.module.pomPath === pomPath));
  }

  private markdownOf(target: PomHoverTarget): string {
    if (target.kind === 'dependency') {
      if (target.modules.length === 0) return 'Not resolved yet, or not part of a resolved module.';
      const writesVersion = target.declared.version !== undefined;
      const shown = target.modules.slice(0, 3).map(({ module, dependency }) => dependencyHoverMarkdown(hoverModule(module), dependency, writesVersion));
      if (target.modules.length > 3) shown.push(`… and ${target.modules.length - 3} more module(s) inherit it`);
      return shown.join('\n\n');
    }
    if (target.kind === 'management') {
      const site: DeclarationSite = { source: { kind: 'workspace', pomPath: target.pomPath, groupId: '', artifactId: '', version: '' }, range: target.declared.range };
      return managementHoverMarkdown(this.modules.map(hoverModule), site);
    }
    return this.parentMarkdown(target.pomPath, target.parent);
  }

  private parentMarkdown(pomPath: string, parent: RawParent): string {
    const reactor = this.service.state.reactors.find((candidate) => candidate.modules.some((module) => module.module.pomPath === pomPath));
    const coordinates = `${parent.groupId ?? '?'}:${parent.artifactId ?? '?'}:${parent.version ?? '?'}`;
    return parentHoverMarkdown(coordinates, parentFile(pomPath, parent, reactor));
  }
}

/**
 * Where Maven reads the parent from (DefaultModelBuilder.readParent): the pom at relativePath (default
 * `../pom.xml`) when its coordinates match, else the reactor module with those coordinates, else the
 * local repository.
 */
function parentFile(pomPath: string, parent: RawParent, reactor: WorkspaceReactor | undefined): string | undefined {
  const matches = (model: { groupId: string; artifactId: string; version: string }): boolean =>
    model.groupId === parent.groupId && model.artifactId === parent.artifactId && model.version === parent.version;
  const modules = reactor?.modules.map((module) => module.module) ?? [];
  if (parent.relativePath !== '') {
    let candidate = resolve(dirname(pomPath), parent.relativePath ?? '../pom.xml');
    if (!candidate.endsWith('.xml')) candidate = join(candidate, 'pom.xml');
    const module = modules.find((known) => known.pomPath === candidate);
    if (module && matches(module.model)) return candidate;
  }
  const inReactor = modules.find((module) => matches(module.model));
  if (inReactor) return inReactor.pomPath;
  if (!reactor || parent.groupId === undefined || parent.artifactId === undefined || parent.version === undefined) return undefined;
  const inRepository = new LocalRepository(reactor.repositoryRoot).pomPath(parent.groupId, parent.artifactId, parent.version);
  return existsSync(inRepository) ? inRepository : undefined;
}

/** Registers the hover provider for every pom.xml file. */
export function registerPomHovers(service: ResolutionService): { provider: PomHoverProvider; disposable: vscode.Disposable } {
  const provider = new PomHoverProvider(service);
  const disposable = vscode.languages.registerHoverProvider({ scheme: 'file', pattern: '**/pom.xml' }, provider);
  return { provider, disposable };
}
