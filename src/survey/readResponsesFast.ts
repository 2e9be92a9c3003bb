import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { sniffDelimiter } from '../pipeline/intake/readCsvFile.ts';
import { quotedString as text, type Database } from '../pipeline/openDatabase.ts';
import { missingColumns } from './designColumns.ts';
import type { Design } from './designSchema.ts';

// What the fast reader takes as it is: plain numbers, the plain missing markers, printable
// ASCII text. Anything else (thousands separators, full-width digits, Chinese names, a bad
// cell) sends the file to the careful reader, which reads it as every input is read and names
// each problem's row and column.
// A plain number: what DuckDB's cast reads, less what ipindex does not (infinities, NaN, digits
// grouped with _); its cast trims blanks as parseCell does.
const isMissing = (c: string) => `(${c} IS NULL OR trim(${c}) = '' OR upper(trim(${c})) IN ('NA', 'N/A', 'NAN', 'NULL') OR regexp_full_match(trim(${c}), '-+'))`;
const isPlain = (c: string) => `(isfinite(TRY_CAST(${c} AS DOUBLE)) AND strpos(${c}, '_') = 0)`;
const asNumber = (c: string) => `CASE WHEN ${isPlain(c)} THEN TRY_CAST(${c} AS DOUBLE) END`;
const isAscii = (c: string) => `(${c} IS NULL OR regexp_full_match(${c}, '[ -~]*'))`;

/**
 * Reads responses.csv straight into the survey tables with DuckDB's CSV reader, when the file
 * is clean: UTF-8, an unquoted header, plain numbers and missing markers, ASCII identifiers,
 * weights and fpcs in range. That is most files, read many times faster than record by record.
 * Returns the replicate-weight columns it read, or null, having written nothing, for any other file: the caller then reads it with the
 * careful reader (loadResponses.ts), whose results on a clean file are the same. The row of a
 * respondent is its line when no cell holds a line break (the careful reader gives exact rows
 * for messages).
 */
export async function readResponsesFast(db: Database, dir: string, design: Design, replicateColumns: (header: string[]) => string[], wave: { column: string; year: number } | null = null): Promise<string[] | null> {
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
  const column = (name: string) => `c${header.indexOf(name)}`;
  const numeric = [design.weights, design.probs, ...(design.fpc ?? []), ...replicate, ...design.estimates.flatMap((e) => [...e.of, e.denominator])].filter((c): c is string => c !== undefined);
  const texts = [design.strata, ...design.ids, ...design.estimates.map((e) => e.by), ...Object.keys(design.calibrate?.margins ?? {})].filter((c): c is string => c !== undefined);
  if ([...numeric, ...texts].some((c) => !header.includes(c))) return null;

  const columns = `{${header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
  try {
    await db.exec(`CREATE TEMP TABLE survey_raw AS
      SELECT row_number() OVER () AS unit, *
      FROM read_csv(${text(path)}, columns = ${columns}, header = false, skip = 1, delim = ${text(delimiter)}, quote = '"', escape = '"', auto_detect = false, null_padding = false)`);
  } catch {
    return null;
  }
  // Another wave's respondents go; the others keep their numbers, and so their lines.
  if (wave !== null) await db.exec(`DELETE FROM survey_raw WHERE TRY_CAST(trim(${column(wave.column)}) AS INTEGER) IS DISTINCT FROM ${wave.year}`);
  const checks = [
    ...numeric.map((c) => `(${isPlain(column(c))} OR ${isMissing(column(c))})`),
    ...texts.map((c) => isAscii(column(c))),
    ...[design.strata, ...design.ids].filter((c): c is string => c !== undefined).map((c) => `trim(coalesce(${column(c)}, '')) <> ''`),
    ...(design.weights === undefined ? [] : [`${isPlain(column(design.weights))} AND TRY_CAST(${column(design.weights)} AS DOUBLE) > 0`]),
    ...(design.probs === undefined ? [] : [`${isPlain(column(design.probs))} AND TRY_CAST(${column(design.probs)} AS DOUBLE) > 0 AND TRY_CAST(${column(design.probs)} AS DOUBLE) <= 1`]),
    ...(design.fpc ?? []).map((c) => `${isPlain(column(c))} AND TRY_CAST(${column(c)} AS DOUBLE) > 0`),
    ...replicate.map((c) => `${isPlain(column(c))} AND TRY_CAST(${column(c)} AS DOUBLE) >= 0`),
  ];
  // A check that meets a NULL is false here: bool_and would pass over it.
  const all = checks.map((check) => `coalesce(${check}, false)`).join(' AND ') || 'true';
  const [clean] = await db.query<{ ok: boolean | null; n: number }>(`SELECT bool_and(${all}) AS ok, count(*)::INTEGER AS n FROM survey_raw`);
  if (clean?.ok !== true || clean.n === 0) {
    await db.exec('DROP TABLE survey_raw');
    return null;
  }

  const trimmed = (c: string | undefined) => (c === undefined ? 'NULL' : `trim(${column(c)})`);
  const stratum = design.strata === undefined ? `''` : trimmed(design.strata);
  const psu = design.ids[0] === undefined ? 'CAST(unit AS VARCHAR)' : design.nest ? `${stratum} || chr(1) || ${trimmed(design.ids[0])}` : trimmed(design.ids[0]);
  const ssu = design.ids[1] === undefined ? 'NULL' : `(${psu}) || chr(1) || ${trimmed(design.ids[1])}`;
  const fpc = (i: number) => (design.fpc?.[i] === undefined ? 'NULL' : asNumber(column(design.fpc[i])));
  const weight = design.weights !== undefined ? asNumber(column(design.weights)) : design.probs !== undefined ? `1 / ${asNumber(column(design.probs))}` : 'NULL';
  await db.exec(`INSERT INTO survey_units SELECT unit, unit + 1, ${stratum}, ${psu}, ${ssu}, ${fpc(0)}, ${fpc(1)}, ${weight} FROM survey_raw`);
  await db.exec('INSERT INTO survey_weights SELECT unit, 0, base_weight FROM survey_units WHERE base_weight IS NOT NULL');
  for (const [r, c] of replicate.entries()) await db.exec(`INSERT INTO survey_weights SELECT unit, ${r + 1}, ${asNumber(column(c))} FROM survey_raw`);
  const analysis = [...new Set(design.estimates.flatMap((e) => [...e.of, ...(e.denominator === undefined ? [] : [e.denominator])]))];
  for (const c of analysis) await db.exec(`INSERT INTO survey_values SELECT unit, ${text(c)}, ${asNumber(column(c))} FROM survey_raw`);
  await db.exec(`INSERT INTO survey_domains SELECT unit, 'all', 'all' FROM survey_raw`);
  for (const c of new Set(design.estimates.flatMap((e) => (e.by === undefined ? [] : [e.by])))) {
    await db.exec(`INSERT INTO survey_domains SELECT unit, ${text(c)}, ${trimmed(c)} FROM survey_raw WHERE ${trimmed(c)} <> ''`);
  }
  for (const c of Object.keys(design.calibrate?.margins ?? {})) await db.exec(`INSERT INTO survey_calibration SELECT unit, ${text(c)}, coalesce(${trimmed(c)}, '') FROM survey_raw`);
  await db.exec('DROP TABLE survey_raw');
  return replicate;
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
