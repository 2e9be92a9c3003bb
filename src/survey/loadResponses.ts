import { join } from 'node:path';
import { InputError, quoteFound, type Problem } from '../lib/InputError.ts';
import { parseCell, parseYear } from '../lib/parseCell.ts';
import type { Cell, Database, RowAppender } from '../database/openDatabase.ts';
import { streamCsvRecords } from '../files/readCsvFile.ts';
import { calibrateWeights, loadMargins } from './calibrate.ts';
import { clusterPaths, responseTable, type ResponseColumn, type ResponseTable } from './responseTable.ts';
import { readResponsesParquet } from './readResponsesParquet.ts';
import { stageCounts } from './stageCounts.ts';
import { surveyResponsesFile } from '../intake/surveyResponsesFile.ts';
import { surveyRequests, type SurveyRequest } from './surveyRequests.ts';
import { expandColumns, missingColumns } from './designColumns.ts';
import { readResponsesFast } from './readResponsesFast.ts';
import { runQuery, selectQuery } from '../database/runQueries.ts';
import type { Design } from './designSchema.ts';
import { replicateScales } from './replicateScales.ts';
import type { SurveyFiles, Wave } from './SurveyFiles.ts';

/** What the design summary of a survey says (respondents, strata, PSUs, weights). */
export type SurveyLoad = {
  respondents: number;
  strata: number;
  psus: number;
  weightTotal: number;
  replicates: number;
  calibrated: string | null;
};

/** A survey read into DuckDB: its summary, its table's layout and what to estimate. */
export type LoadedSurvey = { load: SurveyLoad; table: ResponseTable; requests: SurveyRequest[] };

/**
 * Reads responses.csv of a survey into survey_units (src/survey/responseTable.ts) and the
 * design's tables (queries/survey/00_tables.sql), checked against its design: every column the
 * design names exists; weights are positive numbers (or probabilities in (0, 1]); fpcs are
 * positive and no smaller than the sample; clusters nest in strata; a lonely PSU is allowed
 * only as lonely_psu says; the analysis columns are numbers or missing; calibration margins
 * match the data's categories. Calibrates the weights when the design says so. Throws
 * InputError with every problem found (file, row, column), and writes nothing else.
 */
export async function loadResponses(
  db: Database,
  files: SurveyFiles,
  design: Design,
  wave: Wave = null,
  fast = true,
): Promise<LoadedSurvey> {
  const designLabel = join(files.label, 'design.yaml');
  await runQuery(db, 'survey/00_tables.sql');
  const parquet = (await surveyResponsesFile(files.dir)) === 'responses.parquet';
  const responses = join(files.label, parquet ? 'responses.parquet' : 'responses.csv');
  const expand = (names: string[]) => (design.replicate === undefined ? [] : expandColumns(design.replicate.columns, names));
  const quick = fast && !parquet ? await readResponsesFast(db, files.dir, design, expand, wave) : null;
  const table = parquet
    ? await readResponsesParquet(db, files, design, expand, wave)
    : (quick ?? (await readCarefully(db, files, design, responses, designLabel, expand, wave)));

  if (design.weights === undefined && design.probs === undefined && (design.fpc ?? []).length < Math.max(1, design.ids.length)) {
    throw new InputError([
      {
        file: designLabel,
        column: 'weights',
        found: 'no weights, no probs and not an fpc for every stage',
        expected: 'weights: <column>, probs: <column>, or an fpc for every stage to derive the weights from',
      },
    ]);
  }
  const scales = design.replicate === undefined ? { scale: null, rscales: [] } : replicateScales(design.replicate, table.replicates.length);
  if ('problem' in scales)
    throw new InputError([
      { file: designLabel, column: 'replicate.rscales', found: scales.problem, expected: 'one rscale per replicate column' },
    ]);
  await db.exec('INSERT INTO survey_design VALUES ($stages, $lonely, $scale, $mse, $min, $publish, $dn, $dk)', {
    stages: table.stages,
    lonely: design.lonely_psu,
    scale: scales.scale,
    mse: design.replicate?.mse ?? false,
    min: design.disclosure.min_respondents,
    publish: design.quality.publish_e,
    dn: design.disclosure.dominance?.n ?? null,
    dk: design.disclosure.dominance?.k ?? null,
  });
  for (const [r, rscale] of scales.rscales.entries())
    await db.exec('INSERT INTO survey_replicates VALUES ($r, $s)', { r: r + 1, s: rscale });
  const letters = ['A', 'B', 'C', 'D'];
  for (const [i, below] of design.quality.bands.entries())
    await db.exec('INSERT INTO survey_quality_bands VALUES ($l, $b)', { l: letters[i] ?? 'D', b: below });
  const requests = surveyRequests(design, table);
  await db.append(
    'survey_requests',
    requests.map((r) => [r.request, r.variable, r.statistic, r.of, r.denominator, r.domain]),
  );
  await stageCounts(db, table.stages, (design.fpc ?? []).length, design.nest);
  await runQuery(db, 'survey/10_design.sql');
  const designProblems = await checkDesign(db, design, responses, designLabel);
  if (design.calibrate !== undefined) designProblems.push(...(await loadMargins(db, files, design.calibrate)));
  if (designProblems.length > 0) {
    // The careful reader names each problem's exact row.
    if (quick !== null) {
      for (const { name } of await db.query<{ name: string }>(
        "SELECT view_name AS name FROM duckdb_views() WHERE view_name LIKE 'survey%'",
      ))
        await db.exec(`DROP VIEW ${name}`);
      for (const { name } of await db.query<{ name: string }>(
        "SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'survey%'",
      ))
        await db.exec(`DROP TABLE ${name}`);
      return loadResponses(db, files, design, wave, false);
    }
    throw new InputError(designProblems);
  }
  if (design.calibrate !== undefined) await calibrateWeights(db, design.calibrate, designLabel);

  const [summary] = await db.query<{ respondents: number; strata: number; psus: number; weight_total: number }>(
    'SELECT count(*)::INTEGER AS respondents, (SELECT count(*) FROM survey_parents WHERE stage = 1)::INTEGER AS strata, (SELECT sum(n) FROM survey_parents WHERE stage = 1)::INTEGER AS psus, sum(weight) AS weight_total FROM survey_units',
  );
  const load = {
    respondents: summary?.respondents ?? 0,
    strata: summary?.strata ?? 0,
    psus: summary?.psus ?? 0,
    weightTotal: summary?.weight_total ?? 0,
    replicates: table.replicates.length,
    calibrated: design.calibrate?.method ?? null,
  };
  return { load, table, requests };
}

/**
 * Reads responses.csv record by record as every input is read (encodings, missing markers,
 * exact rows), into survey_units, checking each cell: the careful reader, for any file the fast
 * one does not take and for the messages. Returns the table it filled.
 */
async function readCarefully(
  db: Database,
  files: SurveyFiles,
  design: Design,
  responses: string,
  designLabel: string,
  expand: (header: string[]) => string[],
  wave: Wave,
): Promise<ResponseTable> {
  const problems: Problem[] = [];
  let header: string[] | null = null;
  let index = new Map<string, number>();
  let table: ResponseTable | null = null;
  let units: RowAppender | null = null;
  // The table's columns are known once the header is (replicate weights may be a glob): rows
  // wait here until its appender is open, which happens while the file is still being read.
  let waiting: Cell[][] = [];
  let opening: Promise<void> | null = null;
  const calibration = await db.openAppender('survey_calibration');
  let unit = 0;

  const number = (cells: string[], row: number, column: string, check: (n: number) => string | null): number | null => {
    const text = cells[index.get(column) ?? -1] ?? '';
    const parsed = parseCell(text);
    if (parsed.kind === 'invalid') {
      problems.push({ file: responses, row, column, found: `${quoteFound(text)} (${parsed.reason})`, expected: 'a number' });
      return null;
    }
    const value = parsed.kind === 'number' ? parsed.value : null;
    const wrong = check(value ?? Number.NaN);
    if (wrong !== null) {
      problems.push({ file: responses, row, column, found: value === null ? 'a missing value' : quoteFound(text), expected: wrong });
      return null;
    }
    return value;
  };
  const text = (cells: string[], column: string) => (cells[index.get(column) ?? -1] ?? '').normalize('NFKC').trim();
  const anything = () => null;

  try {
    await streamCsvRecords(join(files.dir, 'responses.csv'), responses, (cells, row) => {
      if (header === null) {
        header = cells.map((c) => c.normalize('NFKC').trim());
        index = new Map(header.map((name, i) => [name, i]));
        const replicate = expand(header);
        problems.push(...missingColumns(design, index, replicate, designLabel));
        if (problems.length > 0) return;
        const created = responseTable(design, replicate);
        table = created;
        opening = (async () => {
          await db.exec(created.ddl);
          const appender = await db.openAppender('survey_units');
          for (const cells of waiting) appender.row(cells);
          waiting = [];
          units = appender;
        })();
        return;
      }
      if (table === null || problems.length > 1000 || cells.every((c) => c.trim() === '')) return;
      // Another wave's respondent (its year was checked when the waves were found: surveyYears.ts).
      if (wave !== null && parseYear(cells[index.get(wave.column) ?? -1]) !== wave.year) return;
      unit += 1;
      const stratum = design.strata === undefined ? '' : text(cells, design.strata);
      if (design.strata !== undefined && stratum === '')
        problems.push({
          file: responses,
          row,
          column: design.strata,
          found: 'an empty stratum',
          expected: 'the stratum of every respondent',
        });
      const ids = design.ids.map((column) => {
        const id = text(cells, column);
        if (id === '')
          problems.push({ file: responses, row, column, found: 'an empty cluster id', expected: 'the cluster of every respondent' });
        return id;
      });
      const paths = clusterPaths(ids.length, design.nest, stratum, (k) => ids[k - 1] ?? '');
      let weight: number | null = null;
      if (design.weights !== undefined)
        weight = number(cells, row, design.weights, (n) => (Number.isFinite(n) && n > 0 ? null : 'a sampling weight above 0'));
      else if (design.probs !== undefined) {
        const p = number(cells, row, design.probs, (n) =>
          Number.isFinite(n) && n > 0 && n <= 1 ? null : 'a probability of selection in (0, 1]',
        );
        weight = p === null ? null : 1 / p;
      }
      const value = (c: ResponseColumn): string | number | null => {
        if (/^c\d+$/.test(c.name)) return paths[Number(c.name.slice(1)) - 1] ?? null;
        if (c.name.startsWith('fpc'))
          return number(cells, row, c.source, (n) =>
            Number.isFinite(n) && n > 0 ? null : 'a population size, or a sampling fraction in (0, 1]',
          );
        if (c.name.startsWith('r'))
          return number(cells, row, c.source, (n) => (Number.isFinite(n) && n >= 0 ? null : 'a replicate weight of 0 or more'));
        if (c.type === 'DOUBLE') return number(cells, row, c.source, anything);
        const found = text(cells, c.source);
        return c.name.startsWith('d') && found === '' ? null : found;
      };
      const record = [
        row,
        stratum,
        paths.at(-1) ?? null,
        paths.length >= 2 ? paths.at(-2)! : null,
        weight,
        weight,
        ...table.columns.map(value),
      ];
      if (units === null) waiting.push(record);
      else (units as RowAppender).row(record);
      for (const margin of table.margins.keys()) calibration.row([unit - 1, margin, text(cells, margin)]);
    });
    await opening;
  } finally {
    await (opening as Promise<void> | null)?.catch(() => undefined);
    (units as RowAppender | null)?.close();
    calibration.close();
  }
  if (header === null) problems.push({ file: responses, found: 'no rows', expected: 'a header row and one row per respondent' });
  else if (table !== null && unit === 0)
    problems.push({ file: responses, found: 'a header row and no respondents', expected: 'one row per respondent' });
  if (problems.length > 0 || table === null) throw new InputError(problems);
  return table;
}

/** The design's own problems, found once the respondents are in: nesting, fpcs, lonely PSUs. */
async function checkDesign(db: Database, design: Design, responses: string, label: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const row of await selectQuery<{ source_row: number; found: string; expected: string; key: string }>(
    db,
    'survey/15_design_checks.sql',
  )) {
    const column =
      row.key === 'fpc.0' ? design.fpc?.[0] : row.key === 'fpc.1' ? design.fpc?.[1] : row.key === 'ids.0' ? design.ids[0] : design.strata;
    if (row.key === 'lonely_psu') problems.push({ file: label, column: 'lonely_psu', found: row.found, expected: row.expected });
    else
      problems.push({
        file: responses,
        row: row.source_row,
        ...(column === undefined ? {} : { column }),
        found: row.found,
        expected: row.expected,
      });
  }
  return problems;
}
