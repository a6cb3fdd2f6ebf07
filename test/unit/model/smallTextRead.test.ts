import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readSmallText } from '../../../src/core/model/smallTextRead';

describe('readSmallText', () => {
  const folder = mkdtempSync(join(tmpdir(), 'jarscope-small-text-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reads a file as UTF-8, multi-byte characters included', () => {
    const path = join(folder, 'pom.xml');
    writeFileSync(path, '<project><name>Zoë — ünïcode</name></project>\n');
    assert.equal(readSmallText(path, 1024), '<project><name>Zoë — ünïcode</name></project>\n');
  });

  it('reads a file larger than its shared buffer whole, and the next small one alone', () => {
    const large = join(folder, 'large.xml');
    const text = `<project>${'<!-- filler -->\n'.repeat(20_000)}</project>`;
    writeFileSync(large, text);
    assert.equal(readSmallText(large, 1024 * 1024), text);
    const small = join(folder, 'small.xml');
    writeFileSync(small, '<project/>');
    assert.equal(readSmallText(small, 1024 * 1024), '<project/>');
  });

  it('reads a file of exactly the limit and refuses one byte more', () => {
    const path = join(folder, 'limit.xml');
    writeFileSync(path, 'x'.repeat(100));
    assert.equal(readSmallText(path, 100), 'x'.repeat(100));
    assert.equal(readSmallText(path, 99), undefined);
  });

  it('leaves a missing path, a directory and an empty file to the caller', () => {
    assert.equal(readSmallText(join(folder, 'absent.xml'), 1024), undefined);
    const directory = join(folder, 'directory');
    mkdirSync(directory);
    assert.equal(readSmallText(directory, 1024), undefined);
    const empty = join(folder, 'empty.xml');
    writeFileSync(empty, '');
    assert.equal(readSmallText(empty, 1024), undefined);
  });

  it('does not wait for a writer on a FIFO', { skip: process.platform === 'win32' }, () => {
    const fifo = join(folder, 'fifo.xml');
    execFileSync('mkfifo', [fifo]);
    assert.equal(readSmallText(fifo, 1024), undefined);
  });
});
