import type { ModelBuildContext } from '../../../src/core/model/modelBuilder';
import type { ModelDependency } from '../../../src/core/model/modelTypes';
import { LocalRepository } from '../../../src/core/repo/localRepository';
import { fixturePath } from '../helpers/paths';

/** A build context over the fixture repository test/fixtures/model/repo, on Linux with JDK 17, no -P, no -D. */
export function modelContext(overrides: Partial<ModelBuildContext> = {}): ModelBuildContext {
  return {
    repository: new LocalRepository(fixturePath('model', 'repo')),
    workspacePoms: new Map(),
    userProperties: new Map(),
    systemProperties: new Map([['java.version', '17.0.21']]),
    env: {},
    activeProfiles: [],
    inactiveProfiles: [],
    jdkVersion: '17.0.21',
    os: { name: 'Linux', family: 'unix', arch: 'amd64', version: '6.1.0' },
    ...overrides,
  };
}

/** `groupId:artifactId[:type][:classifier]:version[:scope]`, compact for assertions. */
export function describeDependency(dependency: ModelDependency): string {
  const type = dependency.type === 'jar' ? '' : `:${dependency.type}`;
  const classifier = dependency.classifier ? `:${dependency.classifier}` : '';
  const scope = dependency.scope ? `:${dependency.scope}` : '';
  return `${dependency.groupId}:${dependency.artifactId}${type}${classifier}:${dependency.version ?? '?'}${scope}`;
}
