/** Maven's `-P a,!b,-c`: a leading `!` or `-` deactivates, `+` (or nothing) activates. */
export function addProfiles(spec: string, active: string[], inactive: string[]): void {
  for (const raw of spec.split(',')) {
    const id = raw.trim();
    if (id === '') continue;
    if (id.startsWith('!') || id.startsWith('-')) inactive.push(id.slice(1));
    else active.push(id.startsWith('+') ? id.slice(1) : id);
  }
}

/** Maven's `-Dname=value`; `-Dname` alone sets "true". */
export function addProperty(spec: string, properties: Map<string, string>): void {
  const equals = spec.indexOf('=');
  if (equals < 0) properties.set(spec.trim(), 'true');
  else properties.set(spec.slice(0, equals).trim(), spec.slice(equals + 1));
}
