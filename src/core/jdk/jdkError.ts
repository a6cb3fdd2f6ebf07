/** Why the configured JDK's classes could not be read. */
export type JdkErrorReason =
  | 'no-class-source'
  | 'bad-magic'
  | 'unsupported-version'
  | 'truncated'
  | 'corrupt'
  | 'compression-unsupported'
  | 'unreadable';

/** A typed failure to read a JDK's own class files (its jimage or rt.jar); `path` is the file. */
export class JdkError extends Error {
  override readonly name = 'JdkError';

  constructor(
    readonly reason: JdkErrorReason,
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}
