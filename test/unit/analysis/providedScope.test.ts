import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture, findingsOf } from './analysisTestKit';
import { fixturePath } from '../helpers/paths';

// test/fixtures/runtime/flink-job: the job's own WordJob implements Flink's MapFunction, which comes from
// org.apache.flink:flink-streaming-java with scope provided. Analysed without any runtime, the class is
// absent from the runtime classpath only because Maven leaves provided dependencies out of it.
const job = fixturePath('runtime', 'flink-job');
const repository = join(job, 'repo');
const mapFunction = 'org.apache.flink.api.common.functions.MapFunction';

describe('a class of a provided dependency, used by the module itself', () => {
  it('is information on the runtime classpath, saying the runtime must supply it, with no fix', async () => {
    const result = await analyzeFixture(job, repository);
    const missing = findingsOf(result, 'missing-class').filter((finding) => finding.classes.includes(mapFunction));
    assert.equal(missing.length, 1);
    const finding = missing[0]!;
    assert.deepEqual(finding.scopes, ['runtime']);
    assert.equal(finding.severity, 'info');
    assert.match(finding.message, /org\.apache\.flink:flink-streaming-java 1\.17\.0 provides it but has scope provided/);
    assert.match(finding.message, /jarscope\.runtime/);
    assert.deepEqual(finding.fixes, []);
  });

  it('is not missing on the compile and test classpaths, where provided dependencies are', async () => {
    const result = await analyzeFixture(job, repository, { scopes: ['compile', 'test'] });
    assert.deepEqual(
      findingsOf(result, 'missing-class').filter((finding) => finding.classes.includes(mapFunction)),
      [],
    );
  });
});
