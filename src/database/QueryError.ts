/**
 * A SQL file of queries/ that DuckDB could not run: the file, and DuckDB's error as the cause.
 * The message is DuckDB's own (callers that turn a conversion error into a user's problem read
 * it); the stack, which an internal error prints, starts with the file.
 */
export class QueryError extends Error {
  readonly file: string;

  constructor(file: string, cause: unknown) {
    const error = cause instanceof Error ? cause : new Error(String(cause));
    super(error.message, { cause: error });
    this.name = 'QueryError';
    this.file = file;
    this.stack = `QueryError: queries/${file} failed\n${error.stack ?? error.message}`;
  }
}
