import * as vscode from 'vscode';
import type { Finding } from '../../core/analysis/finding';
import { filterProviderGroups, findingKey, NO_PROVIDER, ownerClass, providerGroups, referenceText, type MissingCode, type MissingName, type ProviderGroup } from './classFindingGroups';
import { openLocationCommand, rowContextValue, severityIcon, type FindingRow } from './findingRowCommands';
import { RowTreeProvider } from './rowTreeProvider';

export const MISSING_CLASSES_VIEW_ID = 'jarscope.missingClasses';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The top-level node of the missing fields and methods, grouped by the artifact of their owner class. */
export class MissingMembersRow {
  readonly parent = undefined;
  readonly id = 'missing-members';
  constructor(readonly groups: readonly ProviderGroup[]) {}

  children(): ProviderRow[] {
    return this.groups.map((group) => new ProviderRow(group, 'missing-member', this));
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Missing fields and methods', vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const count = this.groups.reduce((sum, group) => sum + group.names.length, 0);
    item.description = `${plural(count, 'member', 'members')} · by owner artifact`;
    item.iconPath = new vscode.ThemeIcon('symbol-method');
    item.contextValue = 'jarscope.missingMembers';
    item.tooltip = 'Fields and methods that classes on the classpath use but the selected version of their owner does not declare (NoSuchMethodError, NoSuchFieldError)';
    return item;
  }
}

/** The missing classes (or members) one artifact would provide, or those no artifact provides. */
export class ProviderRow implements FindingRow {
  constructor(
    readonly group: ProviderGroup,
    readonly code: MissingCode,
    readonly parent: MissingMembersRow | undefined,
  ) {}

  get id(): string {
    return `${this.code}:${this.group.key}`;
  }

  get findings(): readonly Finding[] {
    return this.group.findings;
  }

  get coordinates(): string | undefined {
    const provider = this.group.provider;
    return provider && [provider.groupId, provider.artifactId, provider.version].filter(Boolean).join(':');
  }

  get className(): string | undefined {
    const first = this.group.names[0];
    return first && ownerClass(first.name, this.code);
  }

  get location(): Finding['location'] | undefined {
    return this.group.findings[0]?.location;
  }

  children(): MissingNameRow[] {
    return this.group.names.map((name) => new MissingNameRow(name, this));
  }

  toTreeItem(): vscode.TreeItem {
    const { group } = this;
    const item = new vscode.TreeItem(group.key, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const what = this.code === 'missing-class' ? plural(group.names.length, 'class', 'classes') : plural(group.names.length, 'member', 'members');
    const version = group.provider?.version;
    item.description = group.provider === undefined ? what : version === undefined ? `${what} · no version declares them` : `${what} · ${version} has them`;
    item.iconPath = group.key === NO_PROVIDER ? new vscode.ThemeIcon('question') : new vscode.ThemeIcon('package');
    item.contextValue = rowContextValue(this.code === 'missing-class' ? 'missingProvider' : 'memberOwner', this.findings);
    item.tooltip = group.findings.map((finding) => finding.message).join('\n\n');
    const location = this.location;
    if (location) item.command = openLocationCommand(location);
    return item;
  }
}

/** A missing class (or member) and who references it. */
export class MissingNameRow implements FindingRow {
  constructor(
    readonly missing: MissingName,
    readonly parent: ProviderRow,
  ) {}

  get id(): string {
    return `${this.parent.id}/${this.missing.name}`;
  }

  get findings(): readonly Finding[] {
    return this.missing.references.map((reference) => reference.finding);
  }

  get coordinates(): string | undefined {
    return this.parent.coordinates;
  }

  get className(): string {
    return ownerClass(this.missing.name, this.parent.code);
  }

  get location(): Finding['location'] | undefined {
    return this.missing.references[0]?.finding.location;
  }

  children(): [] {
    return [];
  }

  toTreeItem(): vscode.TreeItem {
    const { missing } = this;
    const item = new vscode.TreeItem(missing.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const [first, ...others] = missing.references;
    item.description = first === undefined ? '' : `← ${referenceText(first)}${others.length > 0 ? ` and ${plural(others.length, 'other', 'others')}` : ''}`;
    item.iconPath = severityIcon(missing.severity, this.parent.code === 'missing-class' ? 'symbol-class' : 'symbol-method');
    item.contextValue = rowContextValue(this.parent.code === 'missing-class' ? 'missingClass' : 'missingMember', this.findings);
    item.tooltip = [`${missing.name} is referenced by:`, ...missing.references.map((reference) => `${referenceText(reference, Number.MAX_SAFE_INTEGER)}`)].join('\n');
    const location = this.location;
    if (location) item.command = openLocationCommand(location);
    return item;
  }
}

export type MissingClassesNode = MissingMembersRow | ProviderRow | MissingNameRow;

/**
 * The "Missing Classes" view: the missing classes grouped by the artifact that would provide them (worst
 * severity first), then a "Missing fields and methods" node grouping missing members by owner artifact.
 */
export class MissingClassesTreeProvider extends RowTreeProvider<MissingClassesNode> {
  private findings: readonly Finding[] = [];
  /** Text that rows must contain to be shown (see filterProviderGroups); empty: all. */
  filter = '';

  update(findings: readonly Finding[]): void {
    this.findings = findings;
    const classes = filterProviderGroups(providerGroups(findings, 'missing-class'), this.filter).map((group) => new ProviderRow(group, 'missing-class', undefined));
    const members = filterProviderGroups(providerGroups(findings, 'missing-member'), this.filter);
    this.show(members.length > 0 ? [...classes, new MissingMembersRow(members)] : classes);
  }

  setFilter(filter: string): void {
    this.filter = filter.trim();
    this.update(this.findings);
  }

  /** The first missing class (or member) row of a finding, for "Show in Missing Classes view". */
  rowOf(finding: Finding): MissingNameRow | undefined {
    const key = findingKey(finding);
    const providers = this.rows.flatMap((row) => (row instanceof MissingMembersRow ? row.children() : row instanceof ProviderRow ? [row] : []));
    for (const provider of providers) {
      const row = provider.children().find((name) => name.missing.references.some((reference) => findingKey(reference.finding) === key));
      if (row) return row;
    }
    return undefined;
  }
}
