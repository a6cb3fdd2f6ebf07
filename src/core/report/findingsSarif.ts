import { pathToFileURL } from 'node:url';
import type { Finding, FindingCode, Fix, Severity, SourceLocation, TextEdit } from '../analysis/finding';
import { displayPath, pathChain, sortFindings } from './findingsSummary';

export interface FindingsSarifOptions {
  /** The checked folder: files inside it are written relative to the `SRCROOT` base, as code scanning expects. */
  readonly baseDir?: string;
  readonly toolVersion?: string;
}

/** One line per code for the rules of `tool.driver`, with the level a finding of that code usually has. */
const ruleTexts: Readonly<Record<FindingCode, { name: string; text: string; level: SarifLevel }>> = {
  'pom-error': { name: 'PomError', text: 'A pom.xml that Maven cannot build a model from.', level: 'error' },
  'unresolved-artifact': { name: 'UnresolvedArtifact', text: 'A dependency whose pom or jar is not in the local repository.', level: 'error' },
  'version-conflict': { name: 'VersionConflict', text: 'Several versions of one artifact requested; Maven selected one of them.', level: 'warning' },
  'duplicate-class': { name: 'DuplicateClass', text: 'The same class in two or more classpath entries; the first one wins.', level: 'warning' },
  'missing-class': { name: 'MissingClass', text: 'A class referenced from the classpath that no classpath entry or the JDK defines.', level: 'error' },
  'missing-member': { name: 'MissingMember', text: 'A method or field referenced on a class that neither it nor its supertypes declare.', level: 'error' },
  'unreadable-jar': { name: 'UnreadableJar', text: 'A classpath entry that cannot be read as a jar or folder.', level: 'error' },
  'invalid-class-file': { name: 'InvalidClassFile', text: 'A class file that is not valid (JVM spec chapter 4).', level: 'warning' },
  'runtime-overlap': { name: 'RuntimeOverlap', text: "Classes the job carries that the runtime's jars also define; which copy loads and whether they differ.", level: 'warning' },
  'runtime-missing-member': { name: 'RuntimeMissingMember', text: "A method or field the job uses that the runtime's copy, which loads first, does not declare.", level: 'error' },
  'runtime-problem': { name: 'RuntimeProblem', text: 'A runtime that cannot be used as configured: unknown name, missing or empty lib folder, unreadable jar.', level: 'warning' },
  'folder-version-conflict': { name: 'FolderVersionConflict', text: 'Two jars of one artifact side by side in a loose jar folder; which loads first is unspecified.', level: 'warning' },
  'embedded-artifact': { name: 'EmbeddedArtifact', text: 'A fat or shaded jar that embeds other artifacts, relocated or at their original names.', level: 'note' },
};

type SarifLevel = 'error' | 'warning' | 'note';

const levels: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };

const SRCROOT = 'SRCROOT';

function artifactLocation(file: string, baseDir: string | undefined): { uri: string; uriBaseId?: string } {
  const shown = displayPath(file, baseDir);
  return shown !== file ? { uri: encodeURI(shown), uriBaseId: SRCROOT } : { uri: pathToFileURL(file).href };
}

function physicalLocation(location: SourceLocation, baseDir: string | undefined): object {
  return {
    artifactLocation: artifactLocation(location.file, baseDir),
    region: {
      startLine: location.line,
      startColumn: location.column,
      charOffset: location.range.start,
      charLength: location.range.end - location.range.start,
    },
  };
}

function sarifFix(fix: Fix, baseDir: string | undefined): object {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  return {
    description: { text: fix.title },
    artifactChanges: [...byFile].map(([file, edits]) => ({
      artifactLocation: artifactLocation(file, baseDir),
      replacements: edits.map((edit) => ({
        deletedRegion: { charOffset: edit.range.start, charLength: edit.range.end - edit.range.start },
        insertedContent: { text: edit.newText },
      })),
    })),
  };
}

/**
 * A SARIF 2.1.0 log (OASIS SARIF v2.1.0, §3.13 sarifLog, §3.27 result, §3.55 fix) for code-scanning tools:
 * one run, a rule per finding code used, each finding a result on its pom location with its related
 * locations and its fixes as replacements. Offsets count UTF-16 code units (columnKind utf16CodeUnits).
 */
export function findingsSarifLog(findings: readonly Finding[], options: FindingsSarifOptions = {}): object {
  const { baseDir } = options;
  const sorted = sortFindings(findings);
  const codes = [...new Set(sorted.map((finding) => finding.code))];
  const rules = codes.map((code) => ({
    id: code,
    name: ruleTexts[code].name,
    shortDescription: { text: ruleTexts[code].text },
    defaultConfiguration: { level: ruleTexts[code].level },
  }));
  const results = sorted.map((finding) => ({
    ruleId: finding.code,
    ruleIndex: codes.indexOf(finding.code),
    level: levels[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(finding.location, baseDir) }],
    relatedLocations: finding.related.map((related, index) => ({
      id: index,
      message: { text: related.message },
      physicalLocation: physicalLocation(related.location, baseDir),
    })),
    fixes: finding.fixes.filter((fix) => fix.edits.length > 0).map((fix) => sarifFix(fix, baseDir)),
    properties: {
      module: finding.module,
      scopes: finding.scopes,
      classes: finding.classes,
      jars: finding.jars,
      paths: finding.paths.map((path) => pathChain(path).join(' -> ')),
      ...(finding.runtime === undefined ? {} : { runtime: finding.runtime }),
    },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'jarscope', ...(options.toolVersion ? { version: options.toolVersion } : {}), rules } },
        ...(baseDir !== undefined ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(baseDir.endsWith('/') ? baseDir : `${baseDir}/`).href } } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function findingsSarif(findings: readonly Finding[], options: FindingsSarifOptions = {}): string {
  return `${JSON.stringify(findingsSarifLog(findings, options), null, 2)}\n`;
}
