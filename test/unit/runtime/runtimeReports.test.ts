import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsJsonDocument } from '../../../src/core/report/findingsJson';
import { findingsSarifLog } from '../../../src/core/report/findingsSarif';
import { sampleFindings } from '../report/sampleFindings';

describe('runtime findings in the JSON and SARIF reports', () => {
  const [first, second] = sampleFindings();
  const runtimeFinding = { ...first!, code: 'runtime-overlap' as const, severity: 'warning' as const, runtime: 'flink-prod' };

  it('JSON carries `runtime` on runtime findings only: the other findings keep their fields', () => {
    const document = findingsJsonDocument([runtimeFinding, second!]);
    const overlap = document.findings.find((finding) => finding.code === 'runtime-overlap')!;
    assert.equal(overlap.runtime, 'flink-prod');
    const other = document.findings.find((finding) => finding.code !== 'runtime-overlap')!;
    assert.equal('runtime' in other, false);
    assert.deepEqual(document.summary.byCode, { [second!.code]: 1, 'runtime-overlap': 1 });
  });

  it('SARIF has a rule for the code and the runtime among the result properties', () => {
    const log = findingsSarifLog([runtimeFinding]) as { runs: { tool: { driver: { rules: { id: string; name: string }[] } }; results: { properties: Record<string, unknown> }[] }[] };
    const run = log.runs[0]!;
    assert.deepEqual(run.tool.driver.rules.map((rule) => [rule.id, rule.name]), [['runtime-overlap', 'RuntimeOverlap']]);
    assert.equal(run.results[0]!.properties.runtime, 'flink-prod');
  });
});
