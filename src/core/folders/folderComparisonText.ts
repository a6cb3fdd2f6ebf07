import { relative } from 'node:path';
import type { ArtifactChange, ComparedJar, FolderComparison } from './compareFolders';

// How many differing classes a line names before "and N more".
const NAMED_CLASSES = 5;

const LABELS: Readonly<Record<ArtifactChange['kind'], string>> = {
  added: 'added',
  removed: 'removed',
  upgraded: 'upgraded',
  downgraded: 'downgraded',
  'content-changed': 'changed',
  'versions-changed': 'versions changed',
};

function versions(jars: readonly ComparedJar[]): string {
  return jars.map((jar) => jar.version ?? '(no version)').join(', ');
}

function files(jars: readonly ComparedJar[]): string {
  return jars.map((jar) => jar.fileName).join(', ');
}

function named(names: readonly string[]): string {
  const shown = names.slice(0, NAMED_CLASSES).join(', ');
  return names.length > NAMED_CLASSES ? `${shown} and ${names.length - NAMED_CLASSES} more` : shown;
}

/** One line of the comparison for people, without the label. */
export function changeText(change: ArtifactChange): string {
  switch (change.kind) {
    case 'added':
      return `${change.artifact} ${versions(change.after)} (${files(change.after)})`;
    case 'removed':
      return `${change.artifact} ${versions(change.before)} (${files(change.before)})`;
    case 'upgraded':
    case 'downgraded':
    case 'versions-changed':
      return `${change.artifact} ${versions(change.before)} -> ${versions(change.after)} (${files(change.before)} -> ${files(change.after)})`;
    case 'content-changed': {
      const parts = [
        change.classes.length === 0 ? '' : `${change.classes.length} ${change.classes.length === 1 ? 'class differs' : 'classes differ'}: ${named(change.classes)}`,
        change.resources.length === 0 ? '' : `${change.resources.length} other ${change.resources.length === 1 ? 'entry differs' : 'entries differ'}: ${named(change.resources)}`,
      ].filter(Boolean);
      return `${change.artifact} ${versions(change.before)} same version, different content (${files(change.before)}): ${parts.join('; ')}`;
    }
  }
}

function counts(comparison: FolderComparison): string {
  const byKind = new Map<string, number>();
  for (const change of comparison.changes) byKind.set(LABELS[change.kind], (byKind.get(LABELS[change.kind]) ?? 0) + 1);
  const listed = [...byKind].map(([label, count]) => `${count} ${label}`).join(', ');
  return `${comparison.changes.length} changed ${comparison.changes.length === 1 ? 'artifact' : 'artifacts'}${listed === '' ? '' : ` (${listed})`}, ${comparison.unchanged} unchanged`;
}

/** The comparison as text: one line per changed artifact, labelled, then the counts. */
export function folderComparisonText(comparison: FolderComparison, baseDir: string): string {
  const shown = (path: string): string => relative(baseDir, path) || '.';
  const lines = [`Comparing jar folders ${shown(comparison.before)} -> ${shown(comparison.after)}`];
  const width = Math.max(...comparison.changes.map((change) => LABELS[change.kind].length), 0);
  for (const change of comparison.changes) lines.push(`  ${LABELS[change.kind].padEnd(width)}  ${changeText(change)}`);
  lines.push(counts(comparison));
  return `${lines.join('\n')}\n`;
}

/** The comparison as Markdown, for the editor's preview. */
export function folderComparisonMarkdown(comparison: FolderComparison, baseDir: string): string {
  const shown = (path: string): string => relative(baseDir, path) || '.';
  const lines = [`# Jar folders: \`${shown(comparison.before)}\` → \`${shown(comparison.after)}\``, '', counts(comparison), ''];
  if (comparison.changes.length > 0) {
    lines.push('| Change | Artifact |', '| --- | --- |');
    for (const change of comparison.changes) lines.push(`| ${LABELS[change.kind]} | ${changeText(change).replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The comparison as JSON (stable; documented in the README): `{ before, after, changes, unchanged,
 * problems }` where each change is `{ kind, artifact, before?, after?, classes?, resources? }` and each
 * jar `{ fileName, path, groupId?, version? }`.
 */
export function folderComparisonJson(comparison: FolderComparison, problems: readonly string[]): string {
  return `${JSON.stringify({ ...comparison, problems }, null, 2)}\n`;
}
