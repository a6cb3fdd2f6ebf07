import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('activation', () => {
  it('activates the extension in a workspace with a pom.xml', async () => {
    const extension = vscode.extensions.getExtension('jarscope.jarscope');
    assert.ok(extension, 'the extension is installed in the test instance');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
