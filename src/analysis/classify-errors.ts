/** Errors thrown by the classification functions. `code` is stable for the UI to translate. */

/** What was wrong with a classification request. */
export type ClassificationErrorCode =
  | 'invalid-classes'
  | 'unknown-method'
  | 'invalid-multiples'
  | 'no-breaks'
  | 'too-many-breaks'
  | 'non-finite-break'
  | 'duplicate-break'
  | 'unsorted-breaks';

/** A classification request that cannot be honoured; the message names the problem and the offending value. */
export class ClassificationError extends Error {
  readonly code: ClassificationErrorCode;

  constructor(code: ClassificationErrorCode, message: string) {
    super(message);
    this.name = 'ClassificationError';
    this.code = code;
  }
}

/** User-supplied manual breaks that cannot be used as they are. */
export class ManualBreaksError extends ClassificationError {
  /** Position (0-based) of the offending break, when one is to blame. */
  readonly index: number | null;

  constructor(code: ClassificationErrorCode, message: string, index: number | null = null) {
    super(code, message);
    this.name = 'ManualBreaksError';
    this.index = index;
  }
}
