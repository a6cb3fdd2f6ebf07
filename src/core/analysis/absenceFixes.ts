import { addDependencyFix } from '../fix/addDependencyFix';
import type { Fix, Severity } from './finding';
import { preferredVersion, type Absence } from './absence';
import type { ModuleContext } from './moduleContext';
import { selectVersionFix } from './versionFix';

/**
 * The fixes for a class or member that a missing artifact would provide, on the module's pom: select the
 * version that has it (see selectVersionFix) when mediation chose another, else declare the artifact
 * directly.
 */
export function absenceFixes(context: ModuleContext, absence: Absence): Fix[] {
  // A provided dependency is meant to come from the container or runtime: declaring it again changes nothing.
  if (absence.kind === 'nowhere' || absence.kind === 'provided-scope') return [];
  const pom = context.pomTexts.get(context.module.pomPath);
  if (pom === undefined) return [];
  const version = preferredVersion(absence);
  if (version === undefined) return [];
  const artifact = { groupId: absence.provider.groupId, artifactId: absence.provider.artifactId, version };
  const fixes: Fix[] = [];
  if (absence.kind === 'version-selected') {
    const pin = selectVersionFix(context, absence.selected, version);
    if (pin !== undefined) fixes.push(pin);
  }
  const add = addDependencyFix(pom, artifact);
  if (add.edits.length > 0) fixes.push({ ...add, preferred: fixes.length === 0 });
  return fixes.filter((fix) => fix.edits.length > 0);
}

/**
 * Severity of a missing class or member: the module's own code failing, or a selected version that
 * lacks what a dependency needs, is an error; an optional feature of a dependency (its pom says optional
 * or provided) is information; the rest a warning.
 */
export function absenceSeverity(absence: Absence, ownCodeReferences: boolean): Severity {
  // What a provided dependency supplies is the deployment's business: a runtime (see src/core/runtime) checks it.
  if (absence.kind === 'provided-scope') return 'info';
  if (ownCodeReferences || absence.kind === 'version-selected') return 'error';
  return absence.kind === 'optional' ? 'info' : 'warning';
}

/** The clause of a message that says why it is absent and what would provide it. */
export function absenceText(absence: Absence, ownCode = false): string {
  const versions = (list: readonly { version: string }[]): string => list.map((artifact) => artifact.version).join(', ');
  const available = (list: readonly { version: string }[]): string => (list.length === 0 ? 'not in the local repository' : `${versions(list)} in the local repository`);
  switch (absence.kind) {
    case 'version-selected': {
      const { groupId, artifactId, version } = absence.selected.node.artifact;
      return `${groupId}:${artifactId} ${version} was selected (${absence.how}); ${artifactId} ${versions(absence.versionsWithIt)} in the local repository ${absence.versionsWithIt.length === 1 ? 'provides' : 'provide'} it`;
    }
    case 'excluded': {
      const { groupId, artifactId } = absence.provider;
      const on = absence.on.artifact;
      return `${groupId}:${artifactId} (${versions(absence.versionsWithIt)} in the local repository) provides it but is excluded from ${on.groupId}:${on.artifactId} at ${absence.exclusion.file}:${absence.exclusion.line}:${absence.exclusion.column} (offset ${absence.exclusion.range.start})`;
    }
    case 'optional': {
      const { groupId, artifactId } = absence.provider;
      const by = absence.declaredBy.artifact;
      return `${groupId}:${artifactId} (${available(absence.versionsWithIt)}) ${absence.versionsWithIt.length === 0 ? 'would provide' : 'provides'} it, but ${by.artifactId} ${by.version} declares it ${absence.how}, so it is not passed on${ownCode ? ' to this module' : ': an optional feature'}`;
    }
    case 'provided-scope': {
      const { groupId, artifactId, version } = absence.provided.node.artifact;
      return `${groupId}:${artifactId} ${version} provides it but has scope provided, so it is not on the runtime classpath: the container or runtime the module deploys to must supply it (name that runtime with the jarscope.runtime pom property to check it)`;
    }
    case 'not-declared': {
      const { groupId, artifactId } = absence.provider;
      return `nothing in the dependency graph brings ${groupId}:${artifactId}, which provides it (${versions(absence.versionsWithIt)} in the local repository)`;
    }
    case 'nowhere':
      return 'no artifact in the local repository provides it';
  }
}
