import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readWorkspacePoms } from '../../../src/core/workspace/readWorkspacePoms';
import { makeTempDir, pomText } from './tempTree';

describe('readWorkspacePoms', () => {
  const temp = makeTempDir('readPoms');
  after(() => temp.remove());
  const good = join(temp.path, 'good', 'pom.xml');
  const broken = join(temp.path, 'broken', 'pom.xml');
  const folder = join(temp.path, 'folder', 'pom.xml');
  const missing = join(temp.path, 'missing', 'pom.xml');
  mkdirSync(join(temp.path, 'good'));
  mkdirSync(join(temp.path, 'broken'));
  mkdirSync(folder, { recursive: true });
  writeFileSync(good, pomText('good'));
  writeFileSync(broken, '<project><artifactId>broken</project>');

  it('returns one result per path, in order, whatever state the file is in', async () => {
    const files = await readWorkspacePoms([good, broken, folder, missing]);
    assert.deepEqual(files.map((file) => [file.path, file.status]), [
      [good, 'parsed'],
      [broken, 'malformed'],
      [folder, 'unreadable'],
      [missing, 'unreadable'],
    ]);
    const [, , isFolder, isMissing] = files;
    assert.equal(isFolder?.status === 'unreadable' && isFolder.cause, 'pom.xml is a directory, not a file');
    assert.match(isMissing?.status === 'unreadable' ? isMissing.cause : '', /ENOENT/);
  });

  it('prefers editor text over the file and reuses an earlier parse of the same text', async () => {
    const [first] = await readWorkspacePoms([good]);
    assert.ok(first);
    const previous = new Map([[good, first]]);
    const [again] = await readWorkspacePoms([good], { previous });
    assert.equal(again, first, 'unchanged text is not parsed again');
    const unsaved = pomText('edited-in-editor');
    const [edited] = await readWorkspacePoms([good, missing], { previous, textOf: (path) => (path === good ? unsaved : undefined) });
    assert.notEqual(edited, first);
    assert.equal(edited?.status === 'parsed' && edited.pom.artifactId?.value, 'edited-in-editor');
  });

  it('rejects with an AbortError once its signal aborts', async () => {
    await assert.rejects(readWorkspacePoms([good, broken], { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });
});
