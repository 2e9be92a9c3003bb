import { join } from 'node:path';
import { InputError, quoteFound, type Problem } from '../lib/InputError.ts';
import { quotedIdentifier, quotedString as text, type Database } from '../database/openDatabase.ts';
import { missingColumns } from './designColumns.ts';
import type { Design } from './designSchema.ts';
import { clusterPaths, responseTable, type ResponseColumn, type ResponseTable } from './responseTable.ts';
import type { SurveyFiles, Wave } from './SurveyFiles.ts';

/** A Parquet column's values as text, and whether one is a missing marker (as src/lib/parseCell.ts has them). */
const asText = (c: string) => `trim(CAST(${c} AS VARCHAR))`;
const isMissing = (c: string) =>
  `(${c} IS NULL OR upper(${asText(c)}) IN ('', 'NA', 'N/A', 'NAN', 'NULL') OR regexp_full_match(${asText(c)}, '[-\u2010-\u2015\u2212]+|\\.{3,}'))`;

/**
 * Reads responses.parquet of a survey into survey_units (src/survey/responseTable.ts): the
 * columns the design names, numbers as numbers (a text column of numbers is read as
 * ipindex reads a number, missing markers as missing), identifiers as trimmed text; each
 * respondent's row is its record's place in the file, counting from 1. There is no careful
 * reader to fall back on, so every problem is found here in SQL with its row and column: a cell
 * that is not a number, a weight, probability, fpc or replicate weight out of range, an empty
 * stratum or cluster id. Throws InputError with them; returns the table it filled.
 */
export async function readResponsesParquet(
  db: Database,
  files: SurveyFiles,
  design: Design,
  expand: (header: string[]) => string[],
  wave: Wave,
): Promise<ResponseTable> {
  const path = join(files.dir, 'responses.parquet');
  const label = join(files.label, 'responses.parquet');
  const source = `read_parquet(${text(path)}, file_row_number = true)`;
  const described = await db
    .query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet(${text(path)})`)
    .catch((error: unknown) => {
      throw new InputError([
        {
          file: label,
          found: `a file that is not Parquet (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
          expected: 'a Parquet file, one row per respondent',
        },
      ]);
    });
  const header = described.map((c) => c.column_name);
  const types = new Map(described.map((c) => [c.column_name, c.column_type]));
  const replicate = expand(header);
  const missing = missingColumns(
    design,
    new Map(header.map((h, i) => [h, i])),
    replicate,
    join(files.label, 'design.yaml'),
    'responses.parquet',
  );
  if (missing.length > 0) throw new InputError(missing);
  const table = responseTable(design, replicate);

  const col = (name: string) => quotedIdentifier(name);
  const isText = (name: string) => /^(VARCHAR|BLOB)/.test(types.get(name) ?? '');
  // A number column: as it is when Parquet stores numbers, else read from its text.
  const number = (name: string) =>
    isText(name)
      ? `CASE WHEN NOT ${isMissing(col(name))} AND strpos(${asText(col(name))}, '_') = 0 THEN TRY_CAST(${asText(col(name))} AS DOUBLE) END`
      : `CAST(${col(name)} AS DOUBLE)`;
  const identifier = (name: string) => `nullif(${asText(col(name))}, '')`;
  const stratum = design.strata === undefined ? `''` : `coalesce(${identifier(design.strata)}, '')`;
  const ids = design.ids.map((id) => `coalesce(${identifier(id)}, '')`);
  const paths = clusterPaths(table.stages, design.nest, stratum, (k) => ids[k - 1] ?? `''`);
  const weight =
    design.weights !== undefined ? number(design.weights) : design.probs !== undefined ? `1 / ${number(design.probs)}` : 'NULL::DOUBLE';
  const value = (c: ResponseColumn) => {
    if (/^c\d+$/.test(c.name)) return paths[Number(c.name.slice(1)) - 1] ?? 'NULL';
    if (c.type === 'DOUBLE') return number(c.source);
    return c.name.startsWith('d') ? identifier(c.source) : `coalesce(${identifier(c.source)}, '')`;
  };
  const inWave = wave === null ? 'true' : `TRY_CAST(${col(wave.column)} AS INTEGER) = ${wave.year}`;

  // The problems, each with the first rows it is found in (at most 20 a check).
  const checks: { column: string; bad: string; expected: string }[] = [
    ...[
      ...new Set(
        [...table.columns.filter((c) => c.type === 'DOUBLE').map((c) => c.source), design.weights, design.probs].filter(
          (c): c is string => c !== undefined,
        ),
      ),
    ]
      .filter(isText)
      .map((c) => ({ column: c, bad: `NOT ${isMissing(col(c))} AND ${number(c)} IS NULL`, expected: 'a number' })),
    ...(design.weights === undefined
      ? []
      : [
          {
            column: design.weights,
            bad: `coalesce(NOT (isfinite(${number(design.weights)}) AND ${number(design.weights)} > 0), true)`,
            expected: 'a sampling weight above 0',
          },
        ]),
    ...(design.probs === undefined
      ? []
      : [
          {
            column: design.probs,
            bad: `coalesce(NOT (${number(design.probs)} > 0 AND ${number(design.probs)} <= 1), true)`,
            expected: 'a probability of selection in (0, 1]',
          },
        ]),
    ...(design.fpc ?? []).map((c) => ({
      column: c,
      bad: `coalesce(NOT (isfinite(${number(c)}) AND ${number(c)} > 0), true)`,
      expected: 'a population size, or a sampling fraction in (0, 1]',
    })),
    ...replicate.map((c) => ({
      column: c,
      bad: `coalesce(NOT (isfinite(${number(c)}) AND ${number(c)} >= 0), true)`,
      expected: 'a replicate weight of 0 or more',
    })),
    ...[design.strata, ...design.ids]
      .filter((c): c is string => c !== undefined)
      .map((c) => ({
        column: c,
        bad: `${identifier(c)} IS NULL`,
        expected: c === design.strata ? 'the stratum of every respondent' : 'the cluster of every respondent',
      })),
  ];
  const problems: Problem[] = [];
  for (const check of checks) {
    const rows = await db.query<{
      row: number;
      found: string | null;
    }>(`SELECT (file_row_number + 1)::INTEGER AS row, CAST(${col(check.column)} AS VARCHAR) AS found
      FROM ${source} WHERE ${inWave} AND (${check.bad}) ORDER BY file_row_number LIMIT 20`);
    for (const { row, found } of rows)
      problems.push({
        file: label,
        row,
        column: check.column,
        found: found === null || found.trim() === '' ? 'a missing value' : quoteFound(found),
        expected: check.expected,
      });
  }
  if (problems.length > 0) throw new InputError(problems);

  await db.exec(table.ddl);
  await db.exec(`INSERT INTO survey_units
    SELECT (file_row_number + 1)::INTEGER, ${stratum}, ${paths.at(-1) ?? 'NULL'}, ${paths.length >= 2 ? paths.at(-2) : 'NULL'}, ${weight}, ${weight}${table.columns.map((c) => `, ${value(c)}`).join('')}
    FROM ${source}
    WHERE ${inWave}
    ORDER BY file_row_number`);
  const [count] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM survey_units');
  if ((count?.n ?? 0) === 0) throw new InputError([{ file: label, found: 'no respondents', expected: 'one row per respondent' }]);
  for (const [margin, name] of table.margins)
    await db.exec(`INSERT INTO survey_calibration SELECT rowid, ${text(margin)}, ${quotedIdentifier(name)} FROM survey_units`);
  return table;
}

/**
 * The years of a survey in Parquet whose design names a year column: each respondent's year,
 * checked (a value that is not a year between 1900 and 2100 is a problem with its row).
 */
export async function parquetYears(db: Database, dir: string, label: string, column: string): Promise<number[]> {
  const file = join(label, 'responses.parquet');
  const year = `TRY_CAST(trim(CAST(${quotedIdentifier(column)} AS VARCHAR)) AS DOUBLE)`;
  const bad = await db
    .query<{ row: number; found: string | null }>(
      `SELECT (file_row_number + 1)::INTEGER AS row, CAST(${quotedIdentifier(column)} AS VARCHAR) AS found
    FROM read_parquet(${text(join(dir, 'responses.parquet'))}, file_row_number = true)
    WHERE NOT coalesce(${year} BETWEEN 1900 AND 2100 AND ${year} = round(${year}), false)
    ORDER BY file_row_number LIMIT 20`,
    )
    .catch(() => null);
  if (bad === null)
    throw new InputError([
      {
        file: join(label, 'design.yaml'),
        column: 'year',
        found: `"${column}", which is not a column of responses.parquet`,
        expected: "a year such as 2023, or the column of the respondents' years",
      },
    ]);
  if (bad.length > 0)
    throw new InputError(
      bad.map(({ row, found }) => ({
        file,
        row,
        column,
        found: found === null ? 'a missing value' : quoteFound(found),
        expected: 'a year such as 2023',
      })),
    );
  const years = await db.query<{ year: number }>(
    `SELECT DISTINCT ${year}::INTEGER AS year FROM read_parquet(${text(join(dir, 'responses.parquet'))}) ORDER BY year`,
  );
  return years.map((y) => y.year);
}
