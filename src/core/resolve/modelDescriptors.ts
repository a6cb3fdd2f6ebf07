import type { ModelBuilder } from '../model/modelBuilder';
import { emptyManagedTypeCode } from '../model/modelValidation';
import type { EffectiveModel, ModelDependency } from '../model/modelTypes';
import { artifactHandlerFor } from '../repo/artifactHandler';
import type { LocalRepository } from '../repo/localRepository';
import { readFileSync } from 'node:fs';
import { formatArtifact, type Artifact } from './artifact';
import type { DescriptorResult, DescriptorSource } from './collector';
import type { Dependency } from './dependencyGraph';
import { javaScopes, writtenScope, type ScopeString } from './scopeString';

/**
 * Turns effective-model dependencies into resolver dependencies. A scope read from a pom is one string
 * object per `<dependency>` element (see ScopeString); a scope not written is Maven's interned "compile"
 * default (DefaultModelNormalizer).
 */
export class DependencyConverter {
  private readonly scopes = new Map<string, ScopeString>();
  private readonly texts = new Map<string, string>();

  toDependency(dependency: ModelDependency): Dependency | undefined {
    if (dependency.version === undefined) return undefined;
    const handler = artifactHandlerFor(dependency.type);
    const { groupId, artifactId, version, type, systemPath } = dependency;
    const classifier = dependency.classifier ?? handler.classifier ?? '';
    const { extension } = handler;
    // Two literals rather than a conditional spread, which V8 builds slowly (this runs per dependency read).
    const artifact: Artifact =
      systemPath !== undefined && dependency.scope === 'system'
        ? { groupId, artifactId, version, type, classifier, extension, systemPath }
        : { groupId, artifactId, version, type, classifier, extension };
    return {
      artifact,
      scope: this.scopeOf(dependency),
      optional: dependency.optional,
      exclusions: dependency.exclusions,
      versionSpec: dependency.version,
      declaredAt: dependency.declaredAt,
    };
  }

  /** A management entry: its scope is empty when it has none (or has one written empty), so it manages no scope. */
  toManagedDependency(dependency: ModelDependency): Dependency | undefined {
    const converted = this.toDependency({ ...dependency, version: dependency.version ?? '' });
    if (!converted) return undefined;
    return dependency.scope === undefined || dependency.scope === '' ? { ...converted, scope: javaScopes.none } : converted;
  }

  private scopeOf(dependency: ModelDependency): ScopeString {
    if (dependency.scope === undefined) return javaScopes.compile;
    // A scope injected from dependencyManagement is the management entry's very string.
    const site = dependency.managedBy && !this.writesScope(dependency) ? dependency.managedBy : dependency.declaredAt;
    const key = `${site.source.pomPath}@${site.range.start}:${dependency.scope}`;
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = writtenScope(dependency.scope);
      this.scopes.set(key, scope);
    }
    return scope;
  }

  /** Whether the `<dependency>` element itself has a `<scope>` (else it came from management). */
  private writesScope(dependency: ModelDependency): boolean {
    const { source, range } = dependency.declaredAt;
    let text = this.texts.get(source.pomPath);
    if (text === undefined) {
      try {
        text = readFileSync(source.pomPath, 'utf8');
      } catch {
        text = '';
      }
      this.texts.set(source.pomPath, text);
    }
    return /<scope[\s>]/.test(text.slice(range.start, range.end));
  }
}

/** The project's own artifact as the resolver's root: its packaging is its type. */
export function projectArtifact(model: EffectiveModel): Artifact {
  const handler = artifactHandlerFor(model.packaging);
  return {
    groupId: model.groupId,
    artifactId: model.artifactId,
    version: model.version,
    type: model.packaging,
    classifier: handler.classifier ?? '',
    extension: handler.extension,
  };
}

/** Problems that make Maven fail to read a pom at all: a parent or an imported BOM it cannot find. */
const unresolvableCodes: ReadonlySet<string> = new Set(['parent-not-found', 'import-not-found', 'parent-cycle', 'import-cycle']);

/**
 * Reads dependency poms through the model builder, as maven-resolver-provider's DefaultArtifactDescriptorReader
 * does: reactor modules from the workspace, the rest from the local repository; a pom that relocates names the
 * new coordinates (a relocation back to itself is ignored).
 */
export class ModelDescriptorSource implements DescriptorSource {
  constructor(
    private readonly builder: ModelBuilder,
    private readonly repository: LocalRepository,
    private readonly converter: DependencyConverter,
  ) {}

  /**
   * A relocation chain is followed here to its end, as DefaultArtifactDescriptorReader.loadPom does: the
   * descriptor names the last coordinates and every one before them, so that the collector manages and marks
   * conflicts on the last only. Where the chain breaks (a pom missing or unreadable) the descriptor so far is
   * returned, and reading its last coordinates again reports why. A chain that comes back to coordinates it
   * passed fails the project: Maven reports the pom invalid, then recurses until its stack overflows.
   */
  readDescriptor(artifact: Artifact): DescriptorResult {
    const relocations: Artifact[] = [];
    const visited = new Set<string>();
    let current = artifact;
    for (;;) {
      visited.add(`${current.groupId}:${current.artifactId}:${current.version}`);
      const read = this.readOne(current);
      if (read.kind !== 'relocated') {
        if (relocations.length === 0) return read;
        return { kind: 'found', descriptor: read.kind === 'found' ? { ...read.descriptor, relocations } : { artifact: current, relocations, dependencies: [] } };
      }
      relocations.push(current);
      current = read.target;
      if (visited.has(`${current.groupId}:${current.artifactId}:${current.version}`)) {
        const cycle = [...relocations, current].map((step) => `${step.groupId}:${step.artifactId}:${step.version}`).join(' -> ');
        const message = `Artifact relocations form a cycle: ${cycle} (Maven reports the POM for ${formatArtifact({ ...artifact, type: artifact.extension })} invalid, then fails with a StackOverflowError)`;
        return { kind: 'unresolvable', message };
      }
    }
  }

  /** One pom of a relocation chain: its descriptor, where it relocates to, or why it cannot be read. */
  private readOne(artifact: Artifact): DescriptorResult | { readonly kind: 'relocated'; readonly target: Artifact } {
    const { groupId, artifactId, version } = artifact;
    const model = this.builder.buildFromRepository(groupId, artifactId, version);
    // Only messages name the coordinates: most poms read need none.
    const coordinates = (): string => formatArtifact({ ...artifact, type: artifact.extension });
    if (!model) {
      const problem = this.builder.problemsFor(groupId, artifactId, version)[0];
      const cause = problem === undefined ? '' : problem.code === 'pom-missing' ? ` (no file ${problem.pomPath})` : ` (${problem.message})`;
      return { kind: 'missing', message: `The POM for ${coordinates()} is missing, no dependency information available${cause}` };
    }
    const unresolvable = model.problems.find((problem) => unresolvableCodes.has(problem.code));
    if (unresolvable) {
      return { kind: 'unresolvable', message: `Failed to read artifact descriptor for ${coordinates()}: ${unresolvable.message}` };
    }
    // An invalid pom is ignored before its managed dependencies are converted, which an empty type stops.
    const invalid = model.problems.find((problem) => problem.severity === 'error' && problem.code !== emptyManagedTypeCode);
    if (invalid) {
      return {
        kind: 'invalid',
        message: `The POM for ${coordinates()} is invalid, transitive dependencies (if any) will not be available: ${invalid.message}`,
      };
    }
    const emptyType = model.problems.find((problem) => problem.code === emptyManagedTypeCode);
    if (emptyType) return { kind: 'unresolvable', message: `Failed to read artifact descriptor for ${coordinates()}: ${emptyType.message}` };
    const relocation = model.relocation;
    if (relocation) {
      const target: Artifact = {
        ...artifact,
        groupId: relocation.groupId ?? artifact.groupId,
        artifactId: relocation.artifactId ?? artifact.artifactId,
        version: relocation.version ?? artifact.version,
      };
      // A relocation to the same coordinates is ignored.
      const moved = target.groupId !== groupId || target.artifactId !== artifactId || target.version !== version;
      if (moved) return { kind: 'relocated', target };
    }
    const dependencies: Dependency[] = [];
    for (const dependency of model.dependencies) {
      const converted = this.converter.toDependency(dependency);
      if (converted) dependencies.push(converted);
    }
    return { kind: 'found', descriptor: { artifact, relocations: [], dependencies } };
  }

  availableVersions(artifact: Artifact): readonly string[] {
    return this.repository.listVersions(artifact.groupId, artifact.artifactId);
  }
}
