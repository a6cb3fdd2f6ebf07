import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../../src/core/fix/applyTextEdits';
import { findingsSarif } from '../../../src/core/report/findingsSarif';
import { sampleDir, sampleFindings } from './sampleFindings';

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), `${where} must be an object`);
  return value as Json;
}

function array(value: unknown, where: string, minItems = 0): unknown[] {
  assert.ok(Array.isArray(value), `${where} must be an array`);
  assert.ok(value.length >= minItems, `${where} needs at least ${minItems} item(s)`);
  return value;
}

function integer(value: unknown, where: string, minimum: number): number {
  assert.ok(Number.isInteger(value) && (value as number) >= minimum, `${where} must be an integer >= ${minimum}`);
  return value as number;
}

// The required properties and value constraints of the SARIF 2.1.0 schema (OASIS sarif-schema-2.1.0.json)
// for the objects Jarscope writes, checked by hand.
function checkMessage(value: unknown, where: string): void {
  const message = object(value, where);
  assert.ok(typeof message.text === 'string' || typeof message.id === 'string', `${where} needs text or id (§3.11)`);
}

function checkArtifactLocation(value: unknown, where: string, baseIds: ReadonlySet<string>): void {
  const location = object(value, where);
  assert.equal(typeof location.uri, 'string', `${where}.uri`);
  if (location.uriBaseId !== undefined) assert.ok(baseIds.has(location.uriBaseId as string), `${where}.uriBaseId is declared`);
  else assert.match(location.uri as string, /^file:\/\//, `${where}.uri is absolute without a base`);
}

function checkRegion(value: unknown, where: string): void {
  const region = object(value, where);
  assert.ok(region.startLine !== undefined || region.charOffset !== undefined, `${where} needs startLine or charOffset (§3.30.2)`);
  if (region.startLine !== undefined) integer(region.startLine, `${where}.startLine`, 1);
  if (region.startColumn !== undefined) integer(region.startColumn, `${where}.startColumn`, 1);
  if (region.charOffset !== undefined) integer(region.charOffset, `${where}.charOffset`, -1);
  if (region.charLength !== undefined) integer(region.charLength, `${where}.charLength`, 0);
}

function checkPhysicalLocation(value: unknown, where: string, baseIds: ReadonlySet<string>): void {
  const location = object(value, where);
  checkArtifactLocation(location.artifactLocation, `${where}.artifactLocation`, baseIds);
  checkRegion(location.region, `${where}.region`);
}

function checkSarif(log: Json): void {
  assert.equal(log.version, '2.1.0');
  for (const [runIndex, runValue] of array(log.runs, 'runs', 0).entries()) {
    const run = object(runValue, `runs[${runIndex}]`);
    const driver = object(object(run.tool, 'tool').driver, 'tool.driver');
    assert.equal(typeof driver.name, 'string', 'tool.driver.name is required');
    const rules = array(driver.rules ?? [], 'rules').map((rule, index) => object(rule, `rules[${index}]`));
    for (const rule of rules) {
      assert.equal(typeof rule.id, 'string', 'reportingDescriptor.id is required');
      if (rule.shortDescription !== undefined) assert.equal(typeof object(rule.shortDescription, 'shortDescription').text, 'string');
    }
    assert.equal(new Set(rules.map((rule) => rule.id)).size, rules.length, 'rule ids are unique');
    const baseIds = new Set(Object.keys(object(run.originalUriBaseIds ?? {}, 'originalUriBaseIds')));
    for (const [index, resultValue] of array(run.results, 'results').entries()) {
      const where = `results[${index}]`;
      const result = object(resultValue, where);
      checkMessage(result.message, `${where}.message`);
      assert.ok(['none', 'note', 'warning', 'error'].includes(result.level as string), `${where}.level`);
      const ruleIndex = integer(result.ruleIndex, `${where}.ruleIndex`, -1);
      assert.equal(rules[ruleIndex]?.id, result.ruleId, `${where}.ruleIndex points at its rule`);
      for (const [i, location] of array(result.locations, `${where}.locations`).entries()) {
        checkPhysicalLocation(object(location, 'location').physicalLocation, `${where}.locations[${i}].physicalLocation`, baseIds);
      }
      for (const [i, related] of array(result.relatedLocations ?? [], `${where}.relatedLocations`).entries()) {
        const relatedLocation = object(related, 'relatedLocation');
        integer(relatedLocation.id, `${where}.relatedLocations[${i}].id`, -1);
        checkPhysicalLocation(relatedLocation.physicalLocation, `${where}.relatedLocations[${i}].physicalLocation`, baseIds);
      }
      for (const [i, fixValue] of array(result.fixes ?? [], `${where}.fixes`).entries()) {
        const fix = object(fixValue, `${where}.fixes[${i}]`);
        if (fix.description !== undefined) checkMessage(fix.description, 'fix.description');
        for (const change of array(fix.artifactChanges, 'fix.artifactChanges', 1)) {
          const artifactChange = object(change, 'artifactChange');
          checkArtifactLocation(artifactChange.artifactLocation, 'artifactChange.artifactLocation', baseIds);
          for (const replacementValue of array(artifactChange.replacements, 'artifactChange.replacements', 1)) {
            const replacement = object(replacementValue, 'replacement');
            checkRegion(replacement.deletedRegion, 'replacement.deletedRegion');
            if (replacement.insertedContent !== undefined) assert.equal(typeof object(replacement.insertedContent, 'insertedContent').text, 'string');
          }
        }
      }
    }
  }
}

describe('findingsSarif', () => {
  it('writes a SARIF 2.1.0 log with the schema\'s required properties', () => {
    const log = JSON.parse(findingsSarif(sampleFindings(), { baseDir: sampleDir, toolVersion: '0.1.0' })) as Json;
    checkSarif(log);
    const run = object(array(log.runs, 'runs', 1)[0], 'run');
    const rules = array(object(object(run.tool, 'tool').driver, 'driver').rules, 'rules') as Json[];
    assert.deepEqual(rules.map((rule) => rule.id), ['missing-class', 'duplicate-class']);
    const [missing, duplicate] = array(run.results, 'results', 2) as Json[];
    assert.equal(missing?.level, 'error');
    assert.equal(duplicate?.level, 'note');
  });

  it('writes pom paths relative to the checked folder and replacements that reproduce the fix', () => {
    const log = JSON.parse(findingsSarif(sampleFindings(), { baseDir: sampleDir })) as Json;
    const run = object(array(log.runs, 'runs', 1)[0], 'run');
    assert.deepEqual(run.originalUriBaseIds, { SRCROOT: { uri: `file://${sampleDir}/` } });
    const missing = (run.results as Json[])[0] as Json;
    const location = object(object((missing.locations as Json[])[0], 'l').physicalLocation, 'p');
    assert.deepEqual(location.artifactLocation, { uri: 'before.xml', uriBaseId: 'SRCROOT' });
    const pin = object((missing.fixes as Json[])[0], 'fix');
    const change = object((pin.artifactChanges as Json[])[0], 'change');
    const replacements = (change.replacements as Json[]).map((replacement) => {
      const region = object(replacement.deletedRegion, 'deletedRegion');
      const start = region.charOffset as number;
      return { file: 'f', range: { start, end: start + (region.charLength as number) }, newText: object(replacement.insertedContent, 'c').text as string };
    });
    const original = readFileSync(join(sampleDir, 'before.xml'), 'utf8');
    const expected = sampleFindings()[1]?.fixes[0];
    assert.ok(expected);
    assert.equal(applyTextEdits(original, replacements), applyTextEdits(original, expected.edits));
  });

  it('uses absolute file URIs without a base folder and an empty results list when all is well', () => {
    const log = JSON.parse(findingsSarif(sampleFindings())) as Json;
    checkSarif(log);
    const run = object(array(log.runs, 'runs', 1)[0], 'run');
    const location = object(object(((run.results as Json[])[0]?.locations as Json[])[0], 'l').physicalLocation, 'p');
    assert.match(object(location.artifactLocation, 'a').uri as string, /^file:\/\/\/.*before\.xml$/);
    const empty = JSON.parse(findingsSarif([])) as Json;
    checkSarif(empty);
    assert.deepEqual(object(array(empty.runs, 'runs', 1)[0], 'run').results, []);
  });
});
