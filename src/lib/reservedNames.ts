/**
 * Names the pipeline gives columns of its own, in the tables where variables and indicator
 * codes become columns too (queries/indicators/10_observations_wide.sql puts every variable
 * beside region_code and year; the compiled formulas put every indicator beside them before
 * UNPIVOT names indicator and value). A variable or code with one of these names would be
 * read as the pipeline's column (a formula `year * 1` returning the year), so they are refused.
 * DuckDB's names are case-insensitive, and so is the comparison.
 */
export const reservedNames: ReadonlySet<string> = new Set([
  'region_code', 'year', 'variable', 'value', 'unit', 'indicator', 'node', 'level', 'score', 'rank',
  'code', 'parent', 'zone', 'weight', 'direction', 'source_value', 'source_unit', 'source_file',
  'source_row', 'source_column', 'imputed', 'treated', 'raw_value', 'treatment', 'rowid',
]);

/** Whether `name` is one of the pipeline's own column names. */
export function isReservedName(name: string): boolean {
  return reservedNames.has(name.toLowerCase());
}
