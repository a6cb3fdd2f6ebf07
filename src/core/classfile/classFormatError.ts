/** Why a class file could not be read (JVM spec §4.1, §4.4, §4.3). */
export type ClassFormatReason =
  | 'bad-magic'
  | 'truncated'
  | 'invalid-tag'
  | 'invalid-index'
  | 'invalid-descriptor'
  | 'invalid-utf8';

/** A class file that breaks the class file format; `offset` is where in the bytes the reader stopped. */
export class ClassFormatError extends Error {
  override readonly name = 'ClassFormatError';

  constructor(
    readonly reason: ClassFormatReason,
    readonly offset: number,
    detail: string,
  ) {
    super(`Invalid class file at byte ${offset}: ${detail}`);
  }
}
