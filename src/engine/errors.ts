/** An input problem a user can act on: which file, what was found, what was expected, how to fix it. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly found: string,
    readonly expected: string,
    readonly fix: string,
  ) {
    super(`${file}: ${found}; expected ${expected}. ${fix}`);
    this.name = 'DataError';
  }
}
