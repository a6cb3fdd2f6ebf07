import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/core/analysis/finding';
import {
  distinctFixes,
  duplicateCounts,
  duplicateSetLabel,
  duplicateSets,
  elementName,
  filterDuplicateSets,
  filterProviderGroups,
  findingKey,
  NO_PROVIDER,
  ownerClass,
  providerGroups,
  referenceText,
} from '../../../src/host/views/classFindingGroups';

let offset = 0;
function finding(fields: Partial<Finding> & Pick<Finding, 'code'>): Finding {
  offset += 10;
  return {
    severity: 'warning',
    module: 'com.example:app:1.0',
    scopes: ['compile', 'runtime', 'test'],
    message: `finding at ${offset}`,
    location: { file: '/ws/app/pom.xml', range: { start: offset, end: offset + 5 }, line: 1, column: 1 },
    paths: [],
    jars: [],
    classes: [],
    related: [],
    fixes: [],
    ...fields,
  };
}

const fix = (title: string, start: number) => ({ kind: 'exclude' as const, title, preferred: false, edits: [{ file: '/ws/app/pom.xml', range: { start, end: start }, newText: 'x' }] });

describe('rows of the Duplicate Classes view', () => {
  it('makes one set per finding, the differing classes first, with the counts and the jars in classpath order', () => {
    const info = finding({ code: 'duplicate-class', severity: 'info', module: 'g:web:1', jars: ['/r/a-1.jar', '/r/b-1.jar'], classes: ['x.A'], differentClasses: [] });
    const warning = finding({
      code: 'duplicate-class',
      jars: ['/r/left-1.0.jar', '/ws/lib/target/classes'],
      classes: ['s.Same', 's.Differs'],
      differentClasses: ['s.Differs'],
    });
    const sets = duplicateSets([info, finding({ code: 'missing-class' }), warning]);
    assert.deepEqual(
      sets.map((set) => [duplicateSetLabel(set), duplicateCounts(set), set.moduleName, set.classes.map((entry) => `${entry.name}:${entry.different}`)]),
      [
        ['left-1.0.jar ↔ lib', '1 different, 1 identical', 'app', ['s.Differs:true', 's.Same:false']],
        ['a-1.jar ↔ b-1.jar', '1 identical', 'web', ['x.A:false']],
      ],
      'the warning sorts before the information',
    );
    assert.equal(sets[0]!.key, findingKey(warning));
  });

  it('names a module output folder by its module and a jar by its file name', () => {
    assert.equal(elementName('/ws/lib/target/classes/'), 'lib');
    assert.equal(elementName('/r/x/1/x-1.jar'), 'x-1.jar');
  });
});

describe('rows of the Missing Classes view', () => {
  const provider = { groupId: 'ex', artifactId: 'lib', version: '1.0' };
  it('groups missing classes by the artifact that provides them, merging the references of every module', () => {
    const inApp = finding({ code: 'missing-class', missing: { names: ['ex.lib.Helper', 'ex.lib.Util'], referencedBy: ['ex.user.User'], provider } });
    const inWeb = finding({ code: 'missing-class', severity: 'error', module: 'g:web:1', missing: { names: ['ex.lib.Helper'], referencedBy: ['web.Page', 'web.Form', 'web.Menu'], provider } });
    const nowhere = finding({ code: 'missing-class', missing: { names: ['gone.Thing'], referencedBy: ['ex.user.User'] } });
    const member = finding({ code: 'missing-member', missing: { names: ['mm.api.Service.stop()V'], referencedBy: ['mm.client.Client'], provider: { groupId: 'mm', artifactId: 'api', version: '2.0' } } });
    const groups = providerGroups([nowhere, inApp, member, inWeb], 'missing-class');
    assert.deepEqual(
      groups.map((group) => [group.key, group.severity, group.names.map((name) => `${name.name}: ${name.references.map((reference) => referenceText(reference)).join(' | ')}`)]),
      [
        ['ex:lib', 'error', ['ex.lib.Helper: ex.user.User (app) | web.Page, web.Form and 1 more (web)', 'ex.lib.Util: ex.user.User (app)']],
        [NO_PROVIDER, 'warning', ['gone.Thing: ex.user.User (app)']],
      ],
    );
    assert.deepEqual(groups[0]!.provider, provider);
    assert.deepEqual(
      providerGroups([nowhere, inApp, member, inWeb], 'missing-member').map((group) => [group.key, group.names.map((name) => name.name)]),
      [['mm:api', ['mm.api.Service.stop()V']]],
    );
  });

  it('falls back to the classes of a finding without structured details', () => {
    const [group] = providerGroups([finding({ code: 'missing-class', classes: ['a.Missing', 'b.User'] })], 'missing-class');
    assert.equal(group!.key, NO_PROVIDER);
    assert.deepEqual(group!.names[0]!.references[0]!.referencedBy, ['b.User']);
  });

  it('offers a fix shared by several findings once', () => {
    const shared = fix('Add ex:lib:1.0', 40);
    const a = finding({ code: 'missing-class', fixes: [shared, fix('Pin ex:lib', 50)] });
    const b = finding({ code: 'missing-class', fixes: [shared] });
    assert.deepEqual(distinctFixes([a, b]).map((entry) => entry.fix.title), ['Add ex:lib:1.0', 'Pin ex:lib']);
  });

  it('copies the owner class of a missing member', () => {
    assert.equal(ownerClass('mm.api.Service.stop()V', 'missing-member'), 'mm.api.Service');
    assert.equal(ownerClass('mm.api.Outer$Inner.limit:I', 'missing-member'), 'mm.api.Outer$Inner');
    assert.equal(ownerClass('ex.lib.Helper', 'missing-class'), 'ex.lib.Helper');
  });
});

describe('filtering the class finding views', () => {
  const dup = finding({ code: 'duplicate-class', jars: ['/r/left-1.0.jar', '/r/right-1.0.jar'], classes: ['s.Same', 's.Differs'], differentClasses: ['s.Differs'] });
  const missing = finding({ code: 'missing-class', missing: { names: ['ex.lib.Helper', 'ex.lib.Util'], referencedBy: ['ex.user.User'], provider: { groupId: 'ex', artifactId: 'lib' } } });

  it('keeps a whole set when its jars match, else only the matching classes, with the counts of the whole set', () => {
    const sets = duplicateSets([dup]);
    assert.equal(filterDuplicateSets(sets, 'RIGHT')[0]!.classes.length, 2);
    const [narrowed] = filterDuplicateSets(sets, 'differs');
    assert.deepEqual(narrowed!.classes.map((entry) => entry.name), ['s.Differs']);
    assert.equal(duplicateCounts(narrowed!), '1 different, 1 identical');
    assert.deepEqual(filterDuplicateSets(sets, 'nothing'), []);
    assert.equal(filterDuplicateSets(sets, '  ').length, 1);
  });

  it('keeps a whole group when its artifact matches, else the names that or whose referencing classes match', () => {
    const groups = providerGroups([missing], 'missing-class');
    assert.equal(filterProviderGroups(groups, 'ex:lib')[0]!.names.length, 2);
    assert.deepEqual(filterProviderGroups(groups, 'util')[0]!.names.map((name) => name.name), ['ex.lib.Util']);
    assert.equal(filterProviderGroups(groups, 'user.User')[0]!.names.length, 2, 'both are referenced by ex.user.User');
    assert.deepEqual(filterProviderGroups(groups, 'nothing'), []);
  });
});
