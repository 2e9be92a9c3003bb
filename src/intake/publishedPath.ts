import { isAbsolute, relative, sep } from 'node:path';

/**
 * A file's path as a publication names it: relative to the data directory (`rd.csv`,
 * `surveys/enterprise_ip/responses.csv`), never the build machine's path to it. Messages keep
 * the path as the command line gave it; the report, its downloads and manifest.json use this.
 * A warehouse's table (`postgres://stats@db/ip#patent_records`: src/warehouse/) stays as it is.
 */
export function publishedPath(dataLabel: string, file: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return file;
  const inside = relative(dataLabel, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return file.split(sep).at(-1) ?? file;
  return inside.split(sep).join('/');
}

/**
 * The same as a DuckDB macro, published_path(file), for the SQL that writes what is published
 * (queries/report/, the observations of out/data): the data directory's prefix taken off.
 */
export function publishedPathMacro(dataLabel: string): string {
  const prefix = `${dataLabel.replace(/[/\\]+$/, '')}/`.replaceAll("'", "''");
  return `CREATE OR REPLACE MACRO published_path(file) AS CASE WHEN starts_with(file, '${prefix}') THEN substr(file, ${[...prefix].length + 1}) ELSE file END`;
}
