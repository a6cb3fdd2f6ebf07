import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lastTexts } from '../../../src/core/fix/lastTexts';
import { projectElement } from '../../../src/core/fix/pomElements';

describe('lastTexts', () => {
  it('computes once per text while the text is among the last few, again once it was forgotten', () => {
    const seen: string[] = [];
    const length = lastTexts((text) => {
      seen.push(text);
      return text.length;
    });
    assert.equal(length('abc'), 3);
    assert.equal(length('abc'), 3);
    assert.deepEqual(seen, ['abc']);
    for (let index = 0; index < 8; index++) length(`text ${index}`);
    assert.equal(length('abc'), 3);
    assert.deepEqual(seen.filter((text) => text === 'abc'), ['abc', 'abc']);
  });

  it('gives the same project element for the same pom text, and none for text that is not a pom', () => {
    const pom = '<project><dependencies/></project>';
    assert.equal(projectElement(pom), projectElement(`${pom}`));
    assert.equal(projectElement(pom)?.name, 'project');
    assert.equal(projectElement('<notAPom/>'), undefined);
  });
});
