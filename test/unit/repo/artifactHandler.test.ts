import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { artifactHandlerFor, type ArtifactHandler } from '../../../src/core/repo/artifactHandler';

describe('artifactHandlerFor (Maven 3.8.7 default artifact handlers)', () => {
  const expected: ReadonlyArray<[string, ArtifactHandler]> = [
    ['jar', { extension: 'jar', addedToClasspath: true, includesDependencies: false }],
    ['pom', { extension: 'pom', addedToClasspath: false, includesDependencies: false }],
    ['test-jar', { extension: 'jar', classifier: 'tests', addedToClasspath: true, includesDependencies: false }],
    ['ejb', { extension: 'jar', addedToClasspath: true, includesDependencies: false }],
    ['ejb-client', { extension: 'jar', classifier: 'client', addedToClasspath: true, includesDependencies: false }],
    ['maven-plugin', { extension: 'jar', addedToClasspath: true, includesDependencies: false }],
    ['java-source', { extension: 'jar', classifier: 'sources', addedToClasspath: false, includesDependencies: false }],
    ['javadoc', { extension: 'jar', classifier: 'javadoc', addedToClasspath: true, includesDependencies: false }],
    ['war', { extension: 'war', addedToClasspath: false, includesDependencies: true }],
    ['ear', { extension: 'ear', addedToClasspath: false, includesDependencies: true }],
    ['rar', { extension: 'rar', addedToClasspath: false, includesDependencies: true }],
    ['par', { extension: 'par', addedToClasspath: false, includesDependencies: false }],
    ['zip', { extension: 'zip', addedToClasspath: false, includesDependencies: false }],
    ['bundle', { extension: 'bundle', addedToClasspath: false, includesDependencies: false }],
  ];
  for (const [type, handler] of expected) {
    it(`maps type ${type}`, () => {
      assert.deepEqual(artifactHandlerFor(type), handler);
    });
  }

  it('is case-sensitive, as Maven\'s handler lookup is', () => {
    assert.deepEqual(artifactHandlerFor('JAR'), { extension: 'JAR', addedToClasspath: false, includesDependencies: false });
  });

  it('hands out copies that cannot change the defaults', () => {
    artifactHandlerFor('jar').extension = 'changed';
    assert.equal(artifactHandlerFor('jar').extension, 'jar');
  });
});
