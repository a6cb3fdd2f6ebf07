import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArguments, type CliOptions } from '../../../src/cli/parseArguments';

function options(argv: string[]): CliOptions {
  const parsed = parseArguments(argv);
  if (!parsed.ok) assert.fail(`expected ${argv.join(' ')} to parse, got: ${parsed.message}`);
  return parsed.options;
}

function failure(argv: string[]): string {
  const parsed = parseArguments(argv);
  if (parsed.ok) assert.fail(`expected ${argv.join(' ')} to be rejected`);
  return parsed.message;
}

describe('parseArguments', () => {
  it('defaults: folder ".", test scope, no profiles or properties', () => {
    const parsed = options(['classpath']);
    assert.equal(parsed.dir, '.');
    assert.equal(parsed.scope, 'test');
    assert.equal(parsed.verbose, false);
    assert.deepEqual(parsed.activeProfiles, []);
    assert.equal(parsed.userProperties.size, 0);
  });

  it('reads the folder, --verbose, --module, --local-repo and --settings', () => {
    const parsed = options(['tree', 'proj', '--verbose', '--module', 'core/api', '--local-repo', '/r', '--settings', 's.xml']);
    assert.equal(parsed.command, 'tree');
    assert.equal(parsed.dir, 'proj');
    assert.equal(parsed.verbose, true);
    assert.equal(parsed.module, 'core/api');
    assert.equal(parsed.localRepo, '/r');
    assert.equal(parsed.settingsFile, 's.xml');
  });

  it('accepts every Maven spelling of profiles: -P a,b  -Pa  -P!a  -P-a  --activate-profiles', () => {
    const parsed = options(['tree', '-P', 'a,b', '-Pc', '-P!d', '-P-e,+f', '--activate-profiles', 'g']);
    assert.deepEqual(parsed.activeProfiles, ['a', 'b', 'c', 'f', 'g']);
    assert.deepEqual(parsed.inactiveProfiles, ['d', 'e']);
  });

  it('accepts every Maven spelling of properties: -Dx=y  -D x=y  -Dx  --define x=y, values keeping "="', () => {
    const parsed = options(['tree', '-Dx=y', '-D', 'k=v=w', '-Dflag', '--define', 'z=1']);
    assert.deepEqual([...parsed.userProperties], [
      ['x', 'y'],
      ['k', 'v=w'],
      ['flag', 'true'],
      ['z', '1'],
    ]);
  });

  it('takes -Dverbose as --verbose, as mvn dependency:tree does', () => {
    assert.equal(options(['tree', '-Dverbose']).verbose, true);
  });

  it('reads --scope and rejects unknown scopes', () => {
    assert.equal(options(['classpath', '--scope', 'runtime']).scope, 'runtime');
    assert.equal(options(['classpath', '--scope=compile']).scope, 'compile');
    assert.equal(options(['classpath', '--scope', 'system']).scope, 'system', 'as -DincludeScope=system');
    assert.match(failure(['classpath', '--scope', 'import']), /--scope must be one of compile, runtime, test, provided, system/);
    assert.match(failure(['check', '--scope', 'provided']), /--scope must be one of compile, runtime, test, not "provided"/);
  });

  it('rejects unknown commands and options, a missing value and a second folder', () => {
    assert.match(failure(['build']), /unknown command "build"/);
    assert.match(failure(['tree', '--frobnicate']), /unknown option "--frobnicate"/);
    assert.match(failure(['tree', '--module']), /--module needs a value/);
    assert.match(failure(['tree', 'a', 'b']), /unexpected argument "b"/);
  });
});
