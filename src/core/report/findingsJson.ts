import type { Finding, Fix } from '../analysis/finding';
import { pathChain, sortFindings, summarizeFindings, type FindingsSummary } from './findingsSummary';

/** The JSON form of one fix: its edits as offsets into the pom text that was analysed. */
export interface FixJson {
  readonly title: string;
  readonly kind: Fix['kind'];
  readonly preferred: boolean;
  readonly edits: readonly { readonly file: string; readonly startOffset: number; readonly endOffset: number; readonly newText: string }[];
}

export interface LocationJson {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly startOffset: number;
  readonly endOffset: number;
}

export interface FindingJson {
  readonly code: Finding['code'];
  readonly severity: Finding['severity'];
  readonly module: string;
  readonly scopes: Finding['scopes'];
  readonly message: string;
  readonly classes: readonly string[];
  readonly jars: readonly string[];
  readonly location: LocationJson;
  readonly paths: readonly (readonly string[])[];
  readonly related: readonly { readonly message: string; readonly location: LocationJson }[];
  readonly fixes: readonly FixJson[];
  /** The runtime of a runtime-* finding; absent on the others. */
  readonly runtime?: string;
}

export interface FindingsJson {
  readonly findings: readonly FindingJson[];
  readonly summary: FindingsSummary;
}

function locationJson(location: Finding['location']): LocationJson {
  return { file: location.file, line: location.line, column: location.column, startOffset: location.range.start, endOffset: location.range.end };
}

function fixJson(fix: Fix): FixJson {
  return {
    title: fix.title,
    kind: fix.kind,
    preferred: fix.preferred,
    edits: fix.edits.map((edit) => ({ file: edit.file, startOffset: edit.range.start, endOffset: edit.range.end, newText: edit.newText })),
  };
}

/** The document `jarscope check --format json` prints: every finding, sorted, and the counts. */
export function findingsJsonDocument(findings: readonly Finding[]): FindingsJson {
  return {
    findings: sortFindings(findings).map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      module: finding.module,
      scopes: finding.scopes,
      message: finding.message,
      classes: finding.classes,
      jars: finding.jars,
      location: locationJson(finding.location),
      paths: finding.paths.map(pathChain),
      related: finding.related.map((related) => ({ message: related.message, location: locationJson(related.location) })),
      // A fix with no edits (the pom already says it) has nothing to apply.
      fixes: finding.fixes.filter((fix) => fix.edits.length > 0).map(fixJson),
      ...(finding.runtime === undefined ? {} : { runtime: finding.runtime }),
    })),
    summary: summarizeFindings(findings),
  };
}

export function findingsJson(findings: readonly Finding[]): string {
  return `${JSON.stringify(findingsJsonDocument(findings), null, 2)}\n`;
}
