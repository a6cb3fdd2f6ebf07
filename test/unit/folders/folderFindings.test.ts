import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/core/analysis/finding';
import { folderFindings } from '../../../src/core/folders/folderFindings';
import { readJarFolder } from '../../../src/core/folders/jarFolder';
import { fixturePath } from '../helpers/paths';

const workspace = fixturePath('folders', 'workspace');

async function findingsOf(folder: string): Promise<Finding[]> {
  return folderFindings(await readJarFolder(join(workspace, folder)), { baseDir: workspace });
}

describe('folderFindings', () => {
  it('reports the doubled connector on the folder, naming both jars and the unspecified order', async () => {
    const conflicts = (await findingsOf('lib')).filter((finding) => finding.code === 'folder-version-conflict');
    assert.equal(conflicts.length, 1);
    const [conflict] = conflicts as [Finding];
    assert.equal(conflict.module, 'folder:lib');
    assert.equal(conflict.location.file, join(workspace, 'lib'));
    assert.deepEqual([conflict.location.line, conflict.location.column], [1, 1]);
    assert.deepEqual(conflict.jars.map((jar) => jar.slice(jar.lastIndexOf('/') + 1)).sort(), ['connector-a-1.0.jar', 'connector-a-1.1.jar']);
    assert.match(conflict.message, /connector-a is in lib in 2 versions/);
    assert.match(conflict.message, /unspecified/);
    assert.match(conflict.message, /newest is 1\.1/);
  });

  it('marks the doubled connector class as a different duplicate', async () => {
    const duplicate = (await findingsOf('lib')).find((finding) => finding.code === 'duplicate-class' && finding.classes.includes('com.example.connector.a.ConnectorA'));
    assert.ok(duplicate);
    assert.equal(duplicate.severity, 'warning');
    assert.match(duplicate.message, /1 different/);
  });

  it('names the fat jar behind an unrelocated collision; its relocated copy is no duplicate', async () => {
    const findings = await findingsOf('lib');
    const textutil = findings.find((finding) => finding.code === 'duplicate-class' && finding.classes.includes('org.textutil.Strings'));
    assert.ok(textutil);
    assert.match(textutil.message, /fat-all-1\.0\.jar embeds org\.textutil:textutil:1\.0 unrelocated/);
    assert.equal(textutil.severity, 'info', 'the embedded copy is byte-identical');
    const jsonDuplicates = findings.filter((finding) => finding.code === 'duplicate-class' && finding.classes.some((name) => name.endsWith('Json')));
    assert.deepEqual(jsonDuplicates, []);
  });

  it('lists what a fat jar embeds and how', async () => {
    const embedded = (await findingsOf('lib')).filter((finding) => finding.code === 'embedded-artifact');
    assert.equal(embedded.length, 1);
    assert.equal(embedded[0]!.severity, 'info');
    assert.match(embedded[0]!.message, /fat-all-1\.0\.jar embeds 2 artifacts: com\.jsonlite:jsonlite:2\.0 relocated under com\.example\.fat\.shaded, org\.textutil:textutil:1\.0 unrelocated/);
  });

  it('reports the corrupt jar by name and still analyses the others', async () => {
    const findings = await findingsOf('lib');
    const unreadable = findings.filter((finding) => finding.code === 'unreadable-jar');
    assert.equal(unreadable.length, 1);
    assert.match(unreadable[0]!.message, /corrupt-1\.0\.jar/);
    assert.ok(findings.some((finding) => finding.code === 'folder-version-conflict'));
  });

  it('finds nothing wrong in a folder with one jar per artifact', async () => {
    const findings = await findingsOf('lib-prod');
    assert.deepEqual(findings.map((finding) => finding.code), []);
  });
});

describe('readJarFolder', () => {
  it('says so for a folder that does not exist, and for one without jars', async () => {
    const missing = await readJarFolder(join(workspace, 'no-such-folder'));
    assert.deepEqual(missing.jars, []);
    assert.match(missing.problems[0]!.message, /no-such-folder does not exist/);
    const empty = await readJarFolder(fixturePath('folders', 'src'));
    assert.match(empty.problems[0]!.message, /holds no jar/);
  });
});
