import * as vscode from 'vscode';
import type { Finding } from '../../core/analysis/finding';
import { duplicateCounts, duplicateSetLabel, duplicateSets, elementName, filterDuplicateSets, findingKey, type DuplicateClass, type DuplicateSet } from './classFindingGroups';
import { openLocationCommand, rowContextValue, severityIcon, type FindingRow } from './findingRowCommands';
import { RowTreeProvider } from './rowTreeProvider';

export const DUPLICATE_CLASSES_VIEW_ID = 'jarscope.duplicateClasses';

/** The coordinates at the end of each of the finding's paths: the artifacts of the jars. */
export function pathEndCoordinates(finding: Finding): string | undefined {
  const ends = finding.paths.flatMap((path) => {
    const end = path.at(-1);
    return end ? [`${end.groupId}:${end.artifactId}:${end.version}`] : [];
  });
  return ends.length > 0 ? [...new Set(ends)].join('\n') : undefined;
}

/** A set of jars of one module that define the same classes. */
export class DuplicateSetRow implements FindingRow {
  readonly parent = undefined;
  constructor(readonly set: DuplicateSet) {}

  get id(): string {
    return `duplicates:${this.set.key}`;
  }

  get findings(): readonly Finding[] {
    return [this.set.finding];
  }

  get coordinates(): string | undefined {
    return pathEndCoordinates(this.set.finding);
  }

  get className(): string | undefined {
    return this.set.classes[0]?.name;
  }

  get location(): Finding['location'] {
    return this.set.finding.location;
  }

  children(): DuplicateClassRow[] {
    return this.set.classes.map((entry) => new DuplicateClassRow(entry, this));
  }

  toTreeItem(): vscode.TreeItem {
    const { set } = this;
    const item = new vscode.TreeItem(duplicateSetLabel(set), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = `${duplicateCounts(set)} · ${set.moduleName} (${set.scopes.join(', ')})`;
    item.iconPath = severityIcon(set.finding.severity);
    item.contextValue = rowContextValue('duplicateSet', this.findings);
    const winner = set.jars[0];
    item.tooltip = [set.finding.message, '', 'In classpath order:', ...set.jars.map((jar) => `${jar}${jar === winner ? '  (wins)' : ''}`)].join('\n');
    item.command = openLocationCommand(set.finding.location);
    return item;
  }
}

/** A class of a duplicate set: identical or different copies, and the jar whose copy is loaded. */
export class DuplicateClassRow implements FindingRow {
  constructor(
    readonly entry: DuplicateClass,
    readonly parent: DuplicateSetRow,
  ) {}

  get id(): string {
    return `${this.parent.id}/${this.entry.name}`;
  }

  get findings(): readonly Finding[] {
    return this.parent.findings;
  }

  get coordinates(): string | undefined {
    return this.parent.coordinates;
  }

  get className(): string {
    return this.entry.name;
  }

  get location(): Finding['location'] {
    return this.parent.location;
  }

  children(): [] {
    return [];
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.entry.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const jars = this.parent.set.jars;
    const winner = jars[0];
    // URLClassLoader searches the classpath in order: the first jar's copy is the one loaded.
    item.description = `${this.entry.different ? 'different' : 'identical'} · ${winner === undefined ? '' : elementName(winner)} wins`;
    item.iconPath = this.entry.different
      ? new vscode.ThemeIcon('diff-modified', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('files');
    item.contextValue = rowContextValue('duplicateClass', this.findings);
    item.tooltip = [
      `${this.entry.name}: ${this.entry.different ? 'the copies differ' : 'the copies are identical'}`,
      'In (classpath order):',
      ...jars.map((jar) => `${jar}${jar === winner ? '  (loaded)' : ''}`),
    ].join('\n');
    return item;
  }
}

export type DuplicateClassesNode = DuplicateSetRow | DuplicateClassRow;

/** The "Duplicate Classes" view: one row per set of jars, worst severity first, expandable to the classes. */
export class DuplicateClassesTreeProvider extends RowTreeProvider<DuplicateClassesNode> {
  private findings: readonly Finding[] = [];
  /** Text that rows must contain to be shown (see filterDuplicateSets); empty: all. */
  filter = '';

  update(findings: readonly Finding[]): void {
    this.findings = findings;
    this.show(filterDuplicateSets(duplicateSets(findings), this.filter).map((set) => new DuplicateSetRow(set)));
  }

  setFilter(filter: string): void {
    this.filter = filter.trim();
    this.update(this.findings);
  }

  /** The row of a finding, for "Show in Duplicate Classes view". */
  rowOf(finding: Finding): DuplicateSetRow | undefined {
    const key = findingKey(finding);
    return this.rows.find((row): row is DuplicateSetRow => row instanceof DuplicateSetRow && row.set.key === key);
  }
}
