import { ClassFormatError } from './classFormatError';

const SEMICOLON = 0x3b;
const OBJECT_TYPE = 0x4c; // 'L'
const ARRAY_TYPE = 0x5b; // '['
// Every other character a field or method descriptor may contain (JVM spec §4.3.2, §4.3.3):
// the base types B C D F I J S Z, V for a void return, and the parentheses of a method descriptor.
const OTHER_DESCRIPTOR_CHARS = new Uint8Array(128);
for (const c of 'BCDFIJSZV()') OTHER_DESCRIPTOR_CHARS[c.charCodeAt(0)] = 1;

function isOtherDescriptorChar(c: number): boolean {
  return c < 128 && OTHER_DESCRIPTOR_CHARS[c] === 1;
}

/**
 * Adds the class names a field or method descriptor mentions (each `L<binary name>;`, JVM spec §4.3)
 * to `into`. `offset` locates the descriptor for the error a malformed one raises.
 */
export function addDescriptorClasses(descriptor: string, into: Set<string>, offset: number): void {
  const length = descriptor.length;
  let i = 0;
  while (i < length) {
    const c = descriptor.charCodeAt(i);
    if (c === OBJECT_TYPE) {
      const end = descriptor.indexOf(';', i + 1);
      if (end <= i + 1) throw invalidDescriptor(descriptor, offset);
      into.add(descriptor.slice(i + 1, end));
      i = end + 1;
    } else if (c === ARRAY_TYPE || isOtherDescriptorChar(c)) {
      i++;
    } else {
      throw invalidDescriptor(descriptor, offset);
    }
  }
}

/**
 * The class a CONSTANT_Class name denotes for linking: the name itself, or for an array class
 * (written as a descriptor, `[[Lorg/a/B;`, JVM spec §4.4.1) its element class; `undefined` for an
 * array of a base type, which needs no class.
 */
export function elementClassName(name: string, offset: number): string | undefined {
  if (name.charCodeAt(0) !== ARRAY_TYPE) return name;
  let i = 1;
  while (name.charCodeAt(i) === ARRAY_TYPE) i++;
  if (name.charCodeAt(i) !== OBJECT_TYPE) {
    if (i === name.length - 1 && isOtherDescriptorChar(name.charCodeAt(i))) return undefined;
    throw invalidDescriptor(name, offset);
  }
  if (name.charCodeAt(name.length - 1) !== SEMICOLON || name.length < i + 3) throw invalidDescriptor(name, offset);
  return name.slice(i + 1, -1);
}

function invalidDescriptor(descriptor: string, offset: number): ClassFormatError {
  return new ClassFormatError('invalid-descriptor', offset, `malformed descriptor ${JSON.stringify(descriptor)}`);
}
