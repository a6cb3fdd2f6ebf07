/** What a jar's file name says about the artifact it holds, following Maven's `artifactId-version[-classifier].jar`. */
export interface FileNameArtifact {
  readonly artifactId: string;
  /** Undefined when the name carries no version (e.g. `connector.jar`). */
  readonly version: string | undefined;
  readonly classifier: string | undefined;
}

// Words a Maven version may carry after a '-' (ComparableVersion's qualifiers and common suffixes such
// as Guava's `-jre`/`-android`): a token made of these belongs to the version, not to the artifactId.
const VERSION_WORDS = /^(snapshot|alpha|beta|rc|cr|m|milestone|ga|final|release|sp|jre|android|incubating|ea|preview)\d*$/i;
// Classifiers the Maven plugins attach (jar, source, javadoc, shade, assembly): the last tokens of a name.
const CLASSIFIERS = ['jar-with-dependencies', 'test-sources', 'tests', 'sources', 'javadoc', 'shaded', 'all', 'uber', 'standalone', 'bin'];

/**
 * Splits `artifactId-version[-classifier].jar` as the Maven layout names a repository file. The
 * version starts at the first '-'-separated token beginning with a digit after which every token is
 * a number or a version qualifier, so `log4j-1.2-api-2.17.1` is log4j-1.2-api 2.17.1 and
 * `flink-connector-kafka-3.0.1-1.18` is flink-connector-kafka 3.0.1-1.18. A Scala suffix (`_2.12`)
 * has no '-' and stays in the artifactId, as it does in Maven coordinates.
 */
export function artifactFromFileName(fileName: string): FileNameArtifact {
  const base = fileName.replace(/\.(jar|zip|war)$/i, '');
  let rest = base;
  let classifier: string | undefined;
  for (const candidate of CLASSIFIERS) {
    if (rest.toLowerCase().endsWith(`-${candidate}`) && /-\d/.test(rest.slice(0, -candidate.length - 1))) {
      classifier = rest.slice(-candidate.length);
      rest = rest.slice(0, -candidate.length - 1);
      break;
    }
  }
  const tokens = rest.split('-');
  const starts: number[] = [];
  for (let i = 1; i < tokens.length; i++) if (/^\d/.test(tokens[i]!)) starts.push(i);
  if (starts.length === 0) return { artifactId: base, version: undefined, classifier: undefined };
  const isVersionToken = (token: string): boolean => /^\d/.test(token) || VERSION_WORDS.test(token);
  const start = starts.find((i) => tokens.slice(i).every(isVersionToken));
  if (start !== undefined) return { artifactId: tokens.slice(0, start).join('-'), version: tokens.slice(start).join('-'), classifier };
  // No split leaves only version tokens: what follows the version is an unknown classifier (`-linux-x86_64`).
  const first = starts[0]!;
  const end = tokens.findIndex((token, i) => i > first && !isVersionToken(token));
  return { artifactId: tokens.slice(0, first).join('-'), version: tokens.slice(first, end).join('-'), classifier: tokens.slice(end).join('-') };
}
