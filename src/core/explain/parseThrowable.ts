/** What a JVM linkage failure names: the class, and for member errors the member. */
export interface FailureMember {
  readonly kind: 'method' | 'field';
  readonly name: string;
  /** JVM descriptor when the message gives the types (`(I)V`, `Ljava/lang/String;`), else undefined. */
  readonly descriptor: string | undefined;
}

export type FailureKind =
  | 'class-name'
  | 'NoClassDefFoundError'
  | 'ClassNotFoundException'
  | 'NoSuchMethodError'
  | 'NoSuchFieldError'
  | 'AbstractMethodError'
  | 'IncompatibleClassChangeError'
  | 'LinkageError'
  | 'ClassCastException';

export interface ParsedFailure {
  readonly kind: FailureKind;
  /** The line as written (trimmed). */
  readonly line: string;
  /** Binary names with '/' of the classes concerned: one, or for a cast the source then the target. */
  readonly classes: readonly string[];
  readonly member: FailureMember | undefined;
  /** "Could not initialize class X": the class was found but its static initializer failed earlier. */
  readonly initializationFailed: boolean;
  /** The class loaders a ClassCastException or LinkageError names, as printed. */
  readonly loaders: readonly string[];
}

const JAVA_NAME = String.raw`[\w$]+(?:[./][\w$]+)*`;
const HEADER = new RegExp(String.raw`^(?:Caused by:\s*|Exception in thread "[^"]*"\s*)?(?:java\.lang\.)?(${JAVA_NAME})(?::\s*(.*))?$`);
const PRIMITIVES: Readonly<Record<string, string>> = { void: 'V', boolean: 'Z', byte: 'B', char: 'C', short: 'S', int: 'I', long: 'J', float: 'F', double: 'D' };
const KINDS = new Set<string>(['NoClassDefFoundError', 'ClassNotFoundException', 'NoSuchMethodError', 'NoSuchFieldError', 'AbstractMethodError', 'IncompatibleClassChangeError', 'LinkageError', 'ClassCastException']);

/** `org.a.B`, `org/a/B` or `Lorg/a/B;` -> `org/a/B`. */
export function binaryName(name: string): string {
  const trimmed = name.trim().replace(/^L(.*);$/, '$1');
  return trimmed.replace(/\./g, '/');
}

/** A Java source type (`int`, `java.lang.String[]`) as a JVM field descriptor (JVM spec §4.3.2). */
function typeDescriptor(type: string): string {
  let base = type.trim();
  let dims = '';
  while (base.endsWith('[]')) {
    dims += '[';
    base = base.slice(0, -2).trim();
  }
  return dims + (PRIMITIVES[base] ?? `L${binaryName(base)};`);
}

/** Splits `org.a.B.m` into owner and member name. */
function ownerAndName(qualified: string): { owner: string; name: string } | undefined {
  const dot = qualified.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return { owner: binaryName(qualified.slice(0, dot)), name: qualified.slice(dot + 1) };
}

/**
 * A NoSuchMethodError / AbstractMethodError message: JDK 11+ `'void org.a.B.m(int, java.lang.String)'`,
 * JDK 8 `org.a.B.m(ILjava/lang/String;)V`, or JDK 17's AbstractMethodError `Receiver class X does not
 * define or inherit an implementation of the resolved method 'abstract void m()' of interface Y.`
 */
function methodOf(message: string): { owner: string | undefined; member: FailureMember } | undefined {
  const abstract = /Receiver class (\S+) does not define or inherit an implementation of the resolved method '(?:abstract\s+)?(\S+) ([\w$<>]+)\(([^)]*)\)' of (?:interface|class) ([\w$./]+)/.exec(message);
  if (abstract) {
    const descriptor = `(${splitParameters(abstract[4]!).map(typeDescriptor).join('')})${typeDescriptor(abstract[2]!)}`;
    return { owner: binaryName(abstract[1]!), member: { kind: 'method', name: abstract[3]!, descriptor } };
  }
  const modern = /'(?:static\s+)?([\w$.[\]]+) ([\w$.<>]+)\(([^)]*)\)'/.exec(message);
  if (modern) {
    const split = ownerAndName(modern[2]!);
    if (split === undefined) return undefined;
    const descriptor = `(${splitParameters(modern[3]!).map(typeDescriptor).join('')})${typeDescriptor(modern[1]!)}`;
    return { owner: split.owner, member: { kind: 'method', name: split.name, descriptor } };
  }
  const old = /([\w$]+(?:[./][\w$<>]+)+)(\([^)]*\)\S+)/.exec(message);
  if (old) {
    const split = ownerAndName(old[1]!.replace(/\//g, '.'));
    if (split === undefined) return undefined;
    return { owner: split.owner, member: { kind: 'method', name: split.name, descriptor: old[2] } };
  }
  return undefined;
}

function splitParameters(list: string): string[] {
  return list.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** JDK 17 `Class org.a.B does not have member field 'int f'`, `'int org.a.B.f'`, or JDK 8's bare name `f`. */
function fieldOf(message: string): { owner: string | undefined; member: FailureMember } {
  const typed = /'([\w$.[\]]+) ([\w$.]+)'/.exec(message);
  const memberOf = /Class ([\w$./]+) does not have member field/.exec(message);
  if (typed) {
    const split = typed[2]!.includes('.') ? ownerAndName(typed[2]!) : undefined;
    const name = split?.name ?? typed[2]!;
    const owner = split?.owner ?? (memberOf ? binaryName(memberOf[1]!) : undefined);
    return { owner, member: { kind: 'field', name, descriptor: typeDescriptor(typed[1]!) } };
  }
  return { owner: memberOf ? binaryName(memberOf[1]!) : undefined, member: { kind: 'field', name: message.trim(), descriptor: undefined } };
}

/** The owner of the first `at` frame after a line: where a field was accessed when the message omits it. */
function firstFrameClass(lines: readonly string[], from: number): string | undefined {
  for (let index = from + 1; index < lines.length; index++) {
    const frame = /^\s*at\s+(?:[\w.$-]+(?:@[^/]*)?\/)*([\w$.]+)\.[\w$<>]+\(/.exec(lines[index]!);
    if (frame) return binaryName(frame[1]!);
    if (!/^\s*(?:\.\.\.|at\s)/.test(lines[index]!)) return undefined;
  }
  return undefined;
}

/** `class X cannot be cast to class Y (X is in unnamed module of loader A; Y is in ... of loader B)` and JDK 8's `X cannot be cast to Y`. */
function castOf(message: string): { classes: string[]; loaders: string[] } | undefined {
  const cast = /(?:class )?([\w$.]+) cannot be cast to (?:class )?([\w$.]+)/.exec(message);
  if (!cast) return undefined;
  const loaders = [...message.matchAll(/of loader '?([^;)']+?)'?(?:\s*@[0-9a-f]+)?(?=[;)])/g)].map((match) => match[1]!.trim());
  return { classes: [binaryName(cast[1]!), binaryName(cast[2]!)], loaders };
}

/** `loader constraint violation: ... the class loader X of the current class, Y, and the class loader Z for ... have different Class objects for the type T used in the signature` */
function linkageOf(message: string): { classes: string[]; loaders: string[] } {
  const type = /different Class objects for (?:the type )?([\w$./]+)/.exec(message) ?? /(?:class|interface|type) ([\w$]+(?:[./][\w$]+)+)/.exec(message);
  const loaders = [...message.matchAll(/(?:the class loader|loader) '?([\w$.@]+)'?/g)].map((match) => match[1]!);
  return { classes: type ? [binaryName(type[1]!.replace(/[.;,]$/, ''))] : [], loaders: [...new Set(loaders)] };
}

function failureOf(kind: FailureKind, line: string, message: string, lines: readonly string[], index: number): ParsedFailure | undefined {
  const base = { kind, line, member: undefined, initializationFailed: false, loaders: [] };
  switch (kind) {
    case 'NoClassDefFoundError':
    case 'ClassNotFoundException': {
      const initialization = /^Could not initialize class ([\w$./]+)/.exec(message);
      const name = initialization?.[1] ?? /^([\w$./]+)/.exec(message)?.[1];
      return name === undefined ? undefined : { ...base, classes: [binaryName(name)], initializationFailed: initialization !== null };
    }
    case 'NoSuchMethodError':
    case 'AbstractMethodError': {
      const method = methodOf(message);
      if (method !== undefined) return { ...base, classes: method.owner === undefined ? [] : [method.owner], member: method.member };
      const owner = /^([\w$]+(?:[./][\w$]+)+)/.exec(message)?.[1];
      return owner === undefined ? undefined : { ...base, classes: [binaryName(owner)] };
    }
    case 'NoSuchFieldError': {
      const field = fieldOf(message);
      const owner = field.owner ?? firstFrameClass(lines, index);
      return { ...base, classes: owner === undefined ? [] : [owner], member: field.member };
    }
    case 'IncompatibleClassChangeError': {
      const named = /(?:class|interface|method|field)?\s*([\w$]+(?:[./][\w$]+)+)/.exec(message);
      return { ...base, classes: named ? [binaryName(named[1]!)] : [] };
    }
    case 'ClassCastException': {
      const cast = castOf(message);
      return cast === undefined ? undefined : { ...base, ...cast };
    }
    case 'LinkageError':
      return { ...base, ...linkageOf(message) };
    case 'class-name':
      return undefined;
  }
}

/**
 * Reads the failures out of a class name, an exception line or a whole stack trace (with its
 * "Caused by:" chain), in the order they appear. The wordings are those of HotSpot's JDK 8 and JDK 11+
 * messages for NoClassDefFoundError, ClassNotFoundException, NoSuchMethodError, NoSuchFieldError,
 * AbstractMethodError, IncompatibleClassChangeError, LinkageError and ClassCastException. A lone class
 * name (dotted or slashed) is a `class-name` failure; lines that match nothing are skipped.
 */
export function parseThrowable(text: string): ParsedFailure[] {
  const lines = text.split(/\r?\n/);
  const failures: ParsedFailure[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('at ') || line.startsWith('...')) return;
    const header = HEADER.exec(line);
    if (!header) return;
    const simple = header[1]!.split('.').pop()!;
    if (KINDS.has(simple)) {
      const failure = failureOf(simple as FailureKind, line, (header[2] ?? '').trim(), lines, index);
      if (failure !== undefined && !failures.some((earlier) => sameFailure(earlier, failure))) failures.push(failure);
    }
  });
  if (failures.length === 0) {
    const lone = text.trim();
    if (/^L?[\w$]+(?:[./][\w$]+)+;?$/.test(lone)) {
      return [{ kind: 'class-name', line: lone, classes: [binaryName(lone)], member: undefined, initializationFailed: false, loaders: [] }];
    }
  }
  return failures;
}

// A chain often repeats one failure (an ExceptionInInitializerError wrapping it, a rethrow): keep one.
function sameFailure(a: ParsedFailure, b: ParsedFailure): boolean {
  return a.kind === b.kind && a.classes.join() === b.classes.join() && a.member?.name === b.member?.name && a.member?.descriptor === b.member?.descriptor;
}
