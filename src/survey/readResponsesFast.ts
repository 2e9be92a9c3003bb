import { open, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { sniffDelimiter } from '../files/readCsvFile.ts';
import { quotedIdentifier, quotedString as text, type Database } from '../database/openDatabase.ts';
import { missingColumns } from './designColumns.ts';
import type { Design } from './designSchema.ts';
import { clusterPaths, responseTable, type ResponseColumn, type ResponseTable } from './responseTable.ts';

// The missing markers of parseCell (src/lib/parseCell.ts) that survey files use most, which a
// number column can hold as they are; any other (each one more slows the reading down), or one
// with blanks around it, sends the file to the careful reader.
const missingMarkers = ['', 'NA', 'N/A', 'NaN', 'NULL', '-'];

/**
 * Reads responses.csv straight into survey_units (src/survey/responseTable.ts) with DuckDB's
 * CSV reader, numbers typed as they are read, when the file is clean: UTF-8, an unquoted
 * header, plain numbers and the plain missing markers, ASCII identifiers, weights and fpcs in
 * range. That is most files, read many times faster than record by record. Returns the table
 * it filled, or null, having left nothing behind, for any other file: the caller then reads it
 * with the careful reader (loadResponses.ts), whose results on a clean file are the same. The
 * row of a respondent is its line when no cell holds a line break (the careful reader gives
 * exact rows for messages).
 */
export async function readResponsesFast(
  db: Database,
  dir: string,
  design: Design,
  replicateColumns: (header: string[]) => string[],
  wave: { column: string; year: number } | null = null,
): Promise<ResponseTable | null> {
  const path = join(dir, 'responses.csv');
  const head = await readHead(path);
  const firstLine = /^([^\r\n]*)\r?\n/.exec(head.replace(/^\uFEFF/, ''))?.[1];
  if (firstLine === undefined || firstLine.includes('"')) return null;
  const delimiter = sniffDelimiter(firstLine);
  const header = firstLine.split(delimiter).map((name) => name.normalize('NFKC').trim());
  if (new Set(header).size !== header.length || header.some((h) => !/^[ -~]+$/.test(h))) return null;
  const replicate = replicateColumns(header);
  // A design with problems of its own is for the careful reader to report.
  if (missingColumns(design, new Map(header.map((h, i) => [h, i])), replicate, '').length > 0) return null;
  const table = responseTable(design, replicate);
  const numeric = new Set(table.columns.filter((c) => c.type === 'DOUBLE').map((c) => c.source));
  for (const source of [design.weights, design.probs]) if (source !== undefined) numeric.add(source);
  // A column read both as a number and as text (say by: and of: the same column) is left to the careful reader.
  const texts = [design.strata, design.year, ...table.columns.filter((c) => c.type === 'VARCHAR').map((c) => c.source)];
  if (texts.some((c) => typeof c === 'string' && numeric.has(c))) return null;
  // DuckDB reads 1_000 as a thousand; ipindex does not (src/lib/parseCell.ts): such a file
  // goes to the careful reader. Most files have no underscore after the header at all.
  const bytes = await readFile(path);
  const body = bytes.indexOf(0x0a);
  if (bytes.indexOf(0x5f, body) !== -1 && (await hasUnderscoreNumber(db, path, delimiter, header, numeric))) return null;

  // Every column as the table needs it: numbers as DOUBLE (missing markers as NULL), text as
  // VARCHAR kept as written (an empty cell is '', not NULL).
  const types = header.map((name, i) => `'c${i}': '${numeric.has(name) ? 'DOUBLE' : 'VARCHAR'}'`);
  const textColumns = header.map((name, i) => (numeric.has(name) ? null : `c${i}`)).filter((c): c is string => c !== null);
  const col = (name: string) => `c${header.indexOf(name)}`;
  // Identifiers are taken without the blanks around them, as the careful reader takes them; a
  // file without a blank (most) needs no trimming.
  const blanks = bytes.indexOf(0x20, body) !== -1 || bytes.indexOf(0x09, body) !== -1;
  const trimmed = (name: string) => (blanks ? `trim(${col(name)})` : col(name));
  const stratum = design.strata === undefined ? `''` : trimmed(design.strata);
  const paths = clusterPaths(table.stages, design.nest, stratum, (k) => trimmed(design.ids[k - 1] ?? ''));
  const weight =
    design.weights !== undefined ? col(design.weights) : design.probs !== undefined ? `1 / ${col(design.probs)}` : 'NULL::DOUBLE';
  const value = (c: ResponseColumn) => {
    if (/^c\d+$/.test(c.name)) return paths[Number(c.name.slice(1)) - 1] ?? 'NULL';
    if (c.type === 'DOUBLE') return col(c.source);
    return c.name.startsWith('d') ? `nullif(${trimmed(c.source)}, '')` : trimmed(c.source);
  };
  // Both cores for reading, checking and laying out the table (none of it adds up numbers);
  // the sums after it run on one, so that they never depend on thread timing
  // (src/database/openDatabase.ts). The table keeps the file's order (rowid). Another wave's
  // respondents are left out.
  const inWave = wave === null ? '' : `WHERE TRY_CAST(trim(${col(wave.column)}) AS INTEGER) = ${wave.year}`;
  await db.exec(table.ddl);
  await db.exec(`SET threads = ${Math.min(2, availableParallelism())}`);
  try {
    await db.exec(`INSERT INTO survey_units
      SELECT NULL, ${stratum}, ${paths.at(-1) ?? 'NULL'}, ${paths.length >= 2 ? paths.at(-2) : 'NULL'}, ${weight}, ${weight}${table.columns.map((c) => `, ${value(c)}`).join('')}
      FROM read_csv(${text(path)}, columns = {${types.join(', ')}}, header = false, skip = 1, delim = ${text(delimiter)}, quote = '"', escape = '"',
        auto_detect = false, null_padding = false, nullstr = [${missingMarkers.map(text).join(', ')}]${textColumns.length === 0 ? '' : `, force_not_null = [${textColumns.map(text).join(', ')}]`})
      ${inWave}`);
    const finite = (c: string) => `(${c} IS NULL OR isfinite(${c}))`;
    const ascii = (c: string) => `(${c} IS NULL OR strlen(${c}) = length(${c}))`;
    const checks = [
      ...table.columns.map((c) => (c.type === 'DOUBLE' ? finite(c.name) : ascii(c.name))),
      ascii('stratum'),
      ...(design.strata === undefined ? [] : [`stratum <> ''`]),
      ...paths.map((_, k) => `c${k + 1} <> '' AND NOT suffix(c${k + 1}, chr(1))`),
      ...(design.weights === undefined && design.probs === undefined
        ? []
        : [`isfinite(base_weight) AND base_weight ${design.probs === undefined ? '> 0' : '>= 1'}`]),
      ...(design.fpc ?? []).map((_, i) => `isfinite(fpc${i + 1}) AND fpc${i + 1} > 0`),
      ...table.replicates.map((r) => `isfinite(${r}) AND ${r} >= 0`),
    ];
    // A check that meets a NULL is false here: bool_and would pass over it.
    const all = checks.map((check) => `coalesce(${check}, false)`).join(' AND ') || 'true';
    const [clean] = await db.query<{ ok: boolean | null; n: number }>(
      `SELECT bool_and(${all}) AS ok, count(*)::INTEGER AS n FROM survey_units`,
    );
    if (clean?.ok !== true || clean.n === 0) throw new Error('not clean');
  } catch {
    await db.exec('DROP TABLE survey_units');
    return null;
  } finally {
    await db.exec('SET threads = 1');
  }
  for (const [source, name] of table.margins)
    await db.exec(`INSERT INTO survey_calibration SELECT rowid, ${text(source)}, ${quotedIdentifier(name)} FROM survey_units`);
  return table;
}

/** Whether a number column of the file holds an underscore (read as text to see it). */
async function hasUnderscoreNumber(
  db: Database,
  path: string,
  delimiter: string,
  header: string[],
  numeric: Set<string>,
): Promise<boolean> {
  const columns = header.map((name, i) => (numeric.has(name) ? `c${i}` : null)).filter((c): c is string => c !== null);
  if (columns.length === 0) return false;
  const [row] = await db
    .query<{ found: boolean | null }>(
      `SELECT bool_or(${columns.map((c) => `strpos(${c}, '_') > 0`).join(' OR ')}) AS found
    FROM read_csv(${text(path)}, columns = {${header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}, header = false, skip = 1, delim = ${text(delimiter)}, quote = '"', escape = '"', auto_detect = false, null_padding = false)`,
    )
    .catch(() => [{ found: true }]);
  return row?.found !== false;
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return '';
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(1 << 16), 0, 1 << 16, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
