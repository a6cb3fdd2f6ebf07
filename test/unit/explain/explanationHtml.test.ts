import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explanationHtml } from '../../../src/host/explain/explanationHtml';

describe('explanationHtml', () => {
  it('uses the rendered Markdown when there is one, under a policy that allows no scripts', () => {
    const html = explanationHtml('# x', '<h1>x</h1>');
    assert.match(html, /<body>\n<h1>x<\/h1>\n<\/body>/);
    assert.match(html, /default-src 'none'/);
    assert.doesNotMatch(html, /script-src/);
  });

  it('falls back to the escaped Markdown with its command links clickable', () => {
    const html = explanationHtml('a <b> & [Pin x](command:jarscope.applyFix?%5B%7B%7D%5D)', undefined);
    assert.match(html, /a &lt;b&gt; &amp; <a href="command:jarscope\.applyFix\?%5B%7B%7D%5D">Pin x<\/a>/);
  });
});
