import type { MemberReference } from '../classfile/classInfo';
import { fieldKey, methodKey, type ClassSummary } from './classSummary';

/**
 * Finds a class's summary, or undefined when it is unknown (absent, unreadable); at once when it is in
 * memory (the classpath's classes), else as a promise (a JDK class read on demand).
 */
export type ClassLookup = (binaryName: string) => ClassSummary | undefined | Promise<ClassSummary | undefined>;

/** Whether the reference resolves: true, false, or undefined when a supertype is unknown and it cannot be told. */
export type Resolution = boolean | undefined;

const OBJECT = 'java/lang/Object';

/**
 * Resolves a field or method reference as the JVM does (JVM spec §5.4.3.2 field resolution: the class,
 * its superinterfaces, its superclasses; §5.4.3.3/§5.4.3.4 method and interface method resolution: the
 * class, its superclasses, then its superinterfaces, and Object for an interface). Constructors and
 * class initialisers are never inherited (JVM spec §2.9), so `<init>` must be declared by the owner.
 * Access and static-ness are not checked: a missing name or descriptor is what NoSuchFieldError and
 * NoSuchMethodError report.
 */
export async function resolvesMember(reference: MemberReference, lookup: ClassLookup): Promise<Resolution> {
  const key = reference.kind === 'field' ? fieldKey(reference.name, reference.descriptor) : methodKey(reference.name, reference.descriptor);
  const declares = (summary: ClassSummary): boolean => (reference.kind === 'field' ? summary.fields : summary.methods).includes(key);
  // Only a promise is awaited: a walk whose look-ups all answer at once never gives up the thread.
  const foundOwner = lookup(reference.owner);
  const owner = foundOwner instanceof Promise ? await foundOwner : foundOwner;
  if (owner === undefined) return undefined;
  if (reference.name === '<init>' || reference.name === '<clinit>') return declares(owner);
  const seen = new Set<string>();
  let unknown = false;
  const queue: string[] = [reference.owner];
  if (reference.kind === 'interfaceMethod') queue.push(OBJECT);
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const found = name === reference.owner ? owner : lookup(name);
    const summary = found instanceof Promise ? await found : found;
    if (summary === undefined) {
      unknown = true;
      continue;
    }
    if (declares(summary)) return true;
    if (summary.superClass !== undefined) queue.push(summary.superClass);
    queue.push(...summary.interfaces);
  }
  return unknown ? undefined : false;
}

/** One text per distinct reference: its kind, owner, name and descriptor. */
export function memberKey(reference: MemberReference): string {
  return `${reference.kind}|${reference.owner}|${reference.name}|${reference.descriptor}`;
}

/** `Owner.name(desc)` or `Owner.name:desc`, dotted, as a person reads it in a message. */
export function memberText(reference: MemberReference): string {
  const owner = reference.owner.replace(/\//g, '.');
  return reference.kind === 'field' ? `${owner}.${reference.name}:${reference.descriptor}` : `${owner}.${reference.name}${reference.descriptor}`;
}
