import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplanationSnapshot } from '../../../src/host/explain/explainCommands';
import type { JarscopeApi } from '../../../src/host/jarscopeApi';
import { captureScreen } from '../screen';
import { examplePomUri, openExamplePom, restoreExamplePom, type ExamplePom } from './incidentTestKit';

const FAILURE = 'java.lang.NoClassDefFoundError: org/apache/hadoop/util/CleanerUtil';

/** "Explain NoClassDefFoundError…" on the example workspace: the page tells the CleanerUtil story and its pin fix edits the pom. */
describe('Explain NoClassDefFoundError on the hadoop-cos incident', function () {
  this.timeout(120_000);
  const uri = examplePomUri();
  let api: JarscopeApi;
  let document: vscode.TextDocument;
  let original: string;
  let pom: ExamplePom;

  before(async () => {
    pom = await openExamplePom();
    ({ api, document, original } = pom);
    await api.whenAnalysed();
  });

  after(() => restoreExamplePom(pom));

  it('explains the missing CleanerUtil in a page, with the pin fix as a link', async () => {
    const analysed = api.findingsGeneration();
    const returned = await vscode.commands.executeCommand<ExplanationSnapshot | undefined>('jarscope.explainThrowable', FAILURE);
    const snapshot = api.lastExplanation();
    assert.ok(snapshot, 'an explanation was kept');
    // Answered from the background analysis that produced the findings: no analysis ran for it.
    assert.equal(snapshot.generation, analysed);
    assert.equal(api.findingsGeneration(), analysed);
    assert.equal(returned?.markdown, snapshot.markdown);
    const [explained] = snapshot.explanations[0]!.classes;
    assert.equal(explained?.className, 'org.apache.hadoop.util.CleanerUtil');
    assert.equal(explained.repository.find((versions) => versions.artifactId === 'hadoop-common')?.first, '3.4.1');
    const [module] = explained.modules;
    assert.ok(module!.referencedBy.some((name) => name.includes('hadoop-cos')), module!.referencedBy.join());
    assert.match(module!.story, /hadoop-common 3\.1\.4 was selected \(first declaration wins/);
    assert.match(snapshot.markdown, /first version with it \*\*3\.4\.1\*\*/);
    assert.match(snapshot.markdown, /command:jarscope\.applyFix\?/);

    // Toasts are hidden under the test driver: the notification centre shows the summary as a person sees it.
    await vscode.commands.executeCommand('notifications.showList');
    const screen = await captureScreen('explain-cleanerutil', 3000);
    // The page itself is a webview (an iframe the page text does not include): its tab title and the
    // notification with the most likely cause are what the text shows; the PNG shows the page.
    assert.match(screen.text, /Explain: CleanerUtil/);
    assert.match(screen.text, /CleanerUtil \(referenced by org\.apache\.hadoop:hadoop-cos:3\.3\.0\) is on no classpath: hadoop-common 3\.1\.4 was selected .*the class exists from 3\.4\.1 on/);
  });

  it('applies the pin fix of the page to the pom as one edit', async () => {
    const pin = api.lastExplanation()!.fixes.find((fix) => fix.preferred && fix.kind === 'pin-version');
    assert.ok(pin, 'a preferred pin fix');
    const applied = await vscode.commands.executeCommand<boolean>('jarscope.applyFix', pin);
    assert.equal(applied, true);
    const text = document.getText();
    assert.notEqual(text, original);
    assert.match(text, /<dependencyManagement>[\s\S]*<artifactId>hadoop-common<\/artifactId>\s*<version>3\.4\.1<\/version>[\s\S]*<\/dependencyManagement>/);
  });

  it('finds the jars that contain a class, on the classpath and in the local repository', async () => {
    // Asked right after the (unsaved) pin: the answer waits for the background analysis of the edited pom.
    const onClasspath = await api.findClass('org.apache.hadoop.fs.cosn.BufferPool');
    const cos = onClasspath.find((location) => location.label === 'org.apache.hadoop:hadoop-cos:3.3.0' && location.pom !== undefined);
    assert.ok(cos, JSON.stringify(onClasspath));
    assert.equal(cos.pom!.file, uri.fsPath);
    // The pin fix of the previous test put hadoop-common 3.4.1 on the classpath; 3.1.4 lacks the class.
    const cleaner = await api.findClass('org.apache.hadoop.util.CleanerUtil');
    const common = cleaner.find((location) => location.label === 'org.apache.hadoop:hadoop-common:3.4.1');
    assert.ok(common?.pom !== undefined && common.description.startsWith('on the classpath of'), JSON.stringify(cleaner));
    assert.ok(!cleaner.some((location) => location.label.endsWith(':3.1.4')), JSON.stringify(cleaner));
    const nowhere = await api.findClass('org.nowhere.Missing');
    assert.deepEqual(nowhere, []);
  });
});
