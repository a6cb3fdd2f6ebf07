/**
 * The main section of a META-INF/MANIFEST.MF (JAR File Specification, "Manifest specification"):
 * `Name: value` lines up to the first blank line, a line starting with one space continuing the
 * previous value. Later duplicates win, as java.util.jar.Attributes does.
 */
export function parseManifestMainSection(text: string): Record<string, string> {
  const attributes = new Map<string, string>();
  let lastName: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') break;
    if (line.startsWith(' ')) {
      if (lastName !== undefined) attributes.set(lastName, (attributes.get(lastName) ?? '') + line.slice(1));
      continue;
    }
    const colon = line.indexOf(': ');
    if (colon <= 0) continue;
    lastName = line.slice(0, colon);
    attributes.set(lastName, line.slice(colon + 2));
  }
  return Object.fromEntries(attributes);
}

/** Attribute names are case-insensitive (JAR File Specification). */
export function manifestAttribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(attributes)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
