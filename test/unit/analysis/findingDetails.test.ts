import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixturePath } from '../helpers/paths';
import { analyzeFixture, findingsOf } from './analysisTestKit';

const repository = fixturePath('analysis', 'repo');
const analyze = (name: string) => analyzeFixture(fixturePath('analysis', name), repository);

describe('structured details of class findings, for the views that group them', () => {
  it('names the classes whose duplicate copies differ', async () => {
    const shared = findingsOf(await analyze('duplicates'), 'duplicate-class').find((finding) => finding.classes.includes('shared.Same'))!;
    assert.deepEqual(shared.differentClasses, ['shared.Differs']);
  });

  it('gives a missing class its referencing classes and the artifact (with the version) that provides it', async () => {
    const [finding] = findingsOf(await analyze('exclusion'), 'missing-class');
    assert.deepEqual(finding!.missing, { names: ['ex.lib.Helper'], referencedBy: ['ex.user.User'], provider: { groupId: 'ex', artifactId: 'lib', version: '1.0' } });
  });

  it('gives a missing member the owner artifact, with a version that declares it', async () => {
    const [finding] = findingsOf(await analyze('member'), 'missing-member');
    assert.deepEqual(finding!.missing?.provider, { groupId: 'mm', artifactId: 'api', version: '2.0' });
    assert.ok(finding!.missing.names.includes('mm.api.Service.stop()V'), finding!.missing.names.join(', '));
    assert.ok(finding!.missing.referencedBy.length > 0);
  });
});
