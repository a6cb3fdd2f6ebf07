import { readFileSync } from 'node:fs';
import type { Finding } from '../../../src/core/analysis/finding';
import { exclusionFix } from '../../../src/core/fix/exclusionFix';
import { managedVersionFix } from '../../../src/core/fix/managedVersionFix';
import { parsePom } from '../../../src/core/pom/parsePom';
import { lineAndColumnAt } from '../../../src/core/pom/xmlTree';
import { fixturePath } from '../helpers/paths';

/** The folder the sample findings' pom lies in, as `jarscope check DIR` would be given. */
export const sampleDir = fixturePath('fix', 'exclusion-2space-creates-exclusions');

/**
 * Findings as the analysis would produce them for the hadoop-cos incident, on a real pom so that their
 * locations and fixes are real offsets (renderer tests only: the check command uses the real analysis).
 */
export function sampleFindings(): Finding[] {
  const file = `${sampleDir}/before.xml`;
  const text = readFileSync(file, 'utf8');
  const parsed = parsePom(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const [cos, junit] = parsed.pom.dependencies;
  if (!cos || !junit) throw new Error('fixture changed');
  const at = (range: { start: number; end: number }) => ({ file, range, ...lineAndColumnAt(text, range.start) });
  const module = 'com.example:stream-job:1.0.0';
  const root = { groupId: 'com.example', artifactId: 'stream-job', version: '1.0.0' };
  const cosStep = { groupId: 'org.apache.hadoop', artifactId: 'hadoop-cos', version: '3.3.0', scope: 'compile' };
  const pin = managedVersionFix({ path: file, text }, { groupId: 'org.apache.hadoop', artifactId: 'hadoop-common', version: '3.4.1' });
  return [
    {
      code: 'duplicate-class',
      severity: 'info',
      module,
      scopes: ['test'],
      message: 'org.junit.Assert is in 2 jars with identical bytes',
      location: at(junit.range),
      paths: [[root, { groupId: 'junit', artifactId: 'junit', version: '4.13.2', scope: 'test' }]],
      jars: ['/repo/junit/junit/4.13.2/junit-4.13.2.jar', '/repo/other.jar'],
      classes: ['org.junit.Assert'],
      related: [],
      fixes: [],
    },
    {
      code: 'missing-class',
      severity: 'error',
      module,
      scopes: ['compile', 'runtime', 'test'],
      message:
        'classes in hadoop-cos reference org.apache.hadoop.util.CleanerUtil, which no jar on the classpath provides; hadoop-common 3.1.4 was selected',
      location: at(cos.range),
      paths: [[root, cosStep, { groupId: 'org.apache.hadoop', artifactId: 'hadoop-common', version: '3.1.4' }]],
      jars: ['/repo/org/apache/hadoop/hadoop-cos/3.3.0/hadoop-cos-3.3.0.jar'],
      classes: ['org.apache.hadoop.fs.cosn.BufferPool', 'org.apache.hadoop.fs.cosn.ByteBufferWrapper$Cleaner'],
      related: [{ message: 'hadoop-cos is declared here', location: at(cos.range) }],
      fixes: [
        { ...pin, preferred: true },
        exclusionFix({ path: file, text }, cos.range, { groupId: 'org.apache.hadoop', artifactId: 'hadoop-common' }),
      ],
    },
  ];
}
