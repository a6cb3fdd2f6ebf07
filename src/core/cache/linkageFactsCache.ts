import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MemberReference } from '../classfile/classInfo';
import type { LinkageFacts } from '../analysis/linkageFacts';
import { writeJsonAtomically } from './atomicWrite';

// Bumped whenever the facts' shape or meaning changes: older files are ignored.
const FACTS_FORMAT = 1;
const KINDS: readonly MemberReference['kind'][] = ['field', 'method', 'interfaceMethod'];

type StoredMissingClass = [elementIndex: number, missing: string, from: string];
type StoredMember = [elementIndex: number, ownerIndex: number, kind: number, owner: string, name: string, descriptor: string, from: string];

interface FactsFile {
  format: number;
  /** The full key, so that a hash collision or a stale file is never taken for another classpath. */
  key: string;
  missingClasses: StoredMissingClass[];
  unresolvedMembers: StoredMember[];
  invalidClasses: [string, string][][];
}

/**
 * The linkage facts of classpaths kept across runs, one JSON file per classpath under `<dir>/linkage/`,
 * keyed by a text naming every input the facts depend on (see classpathFactsKey): a run over an
 * unchanged classpath reads them instead of reading every class summary. Without a folder nothing is
 * kept. A damaged file is ignored (the facts are derived again); writing is best effort.
 */
export class LinkageFactsCache {
  private readonly pending = new Map<string, LinkageFacts>();

  constructor(readonly dir: string | undefined) {}

  async get(key: string): Promise<LinkageFacts | undefined> {
    const known = this.pending.get(key);
    if (known !== undefined || this.dir === undefined) return known;
    try {
      const file = JSON.parse(await readFile(this.fileFor(key), 'utf8')) as FactsFile;
      if (file.format !== FACTS_FORMAT || file.key !== key) return undefined;
      return fromFile(file);
    } catch {
      return undefined;
    }
  }

  put(key: string, facts: LinkageFacts): void {
    this.pending.set(key, facts);
  }

  /** Writes the facts put since the last flush. */
  async flush(): Promise<void> {
    const entries = [...this.pending];
    this.pending.clear();
    if (this.dir === undefined || entries.length === 0) return;
    try {
      await mkdir(join(this.dir, 'linkage'), { recursive: true });
    } catch {
      return;
    }
    for (const [key, facts] of entries) await writeJsonAtomically(this.fileFor(key), toFile(key, facts));
  }

  private fileFor(key: string): string {
    return join(this.dir!, 'linkage', `${createHash('sha1').update(key).digest('hex')}.json`);
  }
}

function toFile(key: string, facts: LinkageFacts): FactsFile {
  return {
    format: FACTS_FORMAT,
    key,
    missingClasses: facts.missingClasses.map((fact) => [fact.elementIndex, fact.missing, fact.from]),
    unresolvedMembers: facts.unresolvedMembers.map(({ elementIndex, ownerIndex, reference, from }) => [
      elementIndex,
      ownerIndex,
      KINDS.indexOf(reference.kind),
      reference.owner,
      reference.name,
      reference.descriptor,
      from,
    ]),
    invalidClasses: facts.invalidClasses.map((broken) => broken.map(([className, error]) => [className, error])),
  };
}

/** @throws TypeError or RangeError on a file of the wrong shape (the caller treats it as absent). */
function fromFile(file: FactsFile): LinkageFacts {
  const text = (value: unknown): string => {
    if (typeof value !== 'string') throw new TypeError('a cached fact is not text');
    return value;
  };
  const index = (value: unknown): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new RangeError('a cached fact has a bad element index');
    return value;
  };
  return {
    missingClasses: file.missingClasses.map(([elementIndex, missing, from]) => ({ elementIndex: index(elementIndex), missing: text(missing), from: text(from) })),
    unresolvedMembers: file.unresolvedMembers.map(([elementIndex, ownerIndex, kind, owner, name, descriptor, from]) => {
      const memberKind = KINDS[kind];
      if (memberKind === undefined) throw new RangeError('a cached member reference has an unknown kind');
      return {
        elementIndex: index(elementIndex),
        ownerIndex: index(ownerIndex),
        reference: { kind: memberKind, owner: text(owner), name: text(name), descriptor: text(descriptor) },
        from: text(from),
      };
    }),
    invalidClasses: file.invalidClasses.map((broken) => broken.map(([className, error]): [string, string] => [text(className), text(error)])),
  };
}
