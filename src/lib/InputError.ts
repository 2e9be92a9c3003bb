/** One thing wrong with the input, located as precisely as the input allows. */
export type Problem = {
  /** The file as the user named it, e.g. `data/rd.csv`. */
  file: string;
  /** 1-based row as a spreadsheet shows it (the header is row 1). */
  row?: number;
  /** Column name, or for YAML files the key's path. */
  column?: string;
  found: string;
  expected: string;
};

/** The input is wrong (exit code 1): carries every problem found, not just the first. */
export class InputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

/** The command line is wrong (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Formats a problem as one line a statistician can act on. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.row === undefined ? null : `row ${p.row}`, p.column === undefined ? null : `column "${p.column}"`]
    .filter((part) => part !== null)
    .join(', ');
  return `${where}: found ${p.found}, expected ${p.expected}`;
}

/** Quotes a found value for a message, shortening long ones. */
export function quoteFound(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(shown);
}

/** A value read from a settings file (YAML) for a message: as JSON, shortened when long. */
export function describeValue(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) return 'nothing';
  return json.length > 60 ? quoteFound(json) : json;
}
