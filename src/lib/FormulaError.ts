/** A formula that does not parse: the offending token, its 0-based character offset, and why. */
export class FormulaError extends Error {
  override name = 'FormulaError';

  constructor(
    /** What was found, e.g. `unexpected token ";"`. */
    readonly found: string,
    /** The text found, as written; empty at the end of the formula. */
    readonly token: string,
    /** 0-based offset of the token in the formula, in UTF-16 code units like `String#slice`. */
    readonly position: number,
    /** What would have been accepted there. */
    readonly expected: string,
  ) {
    super(`${found} at position ${position}: expected ${expected}`);
  }
}
