/** A column of a report table: how to print a cell, and how to sort by it (if it can be). */
export type Column<T> = {
  key: string;
  label: string;
  /** Numbers are right-aligned and sort numerically. */
  numeric?: boolean;
  /** The row header column: a <th scope="row">. */
  stub?: boolean;
  text: (row: T) => string;
  /** A link around the header's label (the sort arrow stays a button beside it). */
  headerHref?: string;
  /** A link around the cell's text. */
  href?: (row: T) => string | null;
  /** A small code before the text (the stub of national-accounts tables). */
  code?: (row: T) => string | null;
  /** What to sort by; a column without it cannot be sorted. Missing values sort last. */
  sortValue?: (row: T) => number | string | null;
  /** A class for the cell, e.g. `up` or `down` for changes. */
  tone?: (row: T) => string | null;
  /** Footnote marks after the value. */
  marks?: (row: T) => { imputed: boolean; treated: boolean } | null;
};
