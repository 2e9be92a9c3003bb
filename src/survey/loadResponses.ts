import { join } from 'node:path';
import { InputError, quoteFound, type Problem } from '../lib/InputError.ts';
import { parseCell, parseYear } from '../lib/parseCell.ts';
import type { Database, RowAppender } from '../pipeline/openDatabase.ts';
import { streamCsvRecords } from '../pipeline/intake/readCsvFile.ts';
import { calibrateWeights, loadMargins } from './calibrate.ts';
import { expandColumns, missingColumns } from './designColumns.ts';
import { readResponsesFast } from './readResponsesFast.ts';
import { runQuery, selectQuery } from '../pipeline/runQueries.ts';
import type { Design } from './designSchema.ts';
import { replicateScales } from './replicateScales.ts';

/** A survey folder as the messages name it: its design and its responses. */
export type SurveyFiles = { dir: string; label: string };

/** What the design summary of a survey says (respondents, strata, PSUs, weights). */
export type SurveyLoad = { respondents: number; strata: number; psus: number; weightTotal: number; replicates: number; calibrated: string | null };

/**
 * Reads responses.csv of a survey into DuckDB's survey tables (queries/survey/00_tables.sql),
 * checked against its design: every column the design names exists; weights are positive
 * numbers (or probabilities in (0, 1]); fpcs are positive and no smaller than the sample;
 * clusters nest in strata; a lonely PSU is allowed only as lonely_psu says; the analysis
 * columns are numbers or missing; calibration margins match the data's categories. Throws
 * InputError with every problem found (file, row, column), and writes nothing else.
 */
/** One wave of a survey whose design names a year column: the respondents of that year. */
export type Wave = { column: string; year: number } | null;

export async function loadResponses(db: Database, files: SurveyFiles, design: Design, wave: Wave = null, fast = true): Promise<SurveyLoad> {
  const responses = join(files.label, 'responses.csv');
  const designLabel = join(files.label, 'design.yaml');
  await runQuery(db, 'survey/00_tables.sql');
  const expand = (names: string[]) => (design.replicate === undefined ? [] : expandColumns(design.replicate.columns, names));
  const quick = fast ? await readResponsesFast(db, files.dir, design, expand, wave) : null;
  const replicateColumns = quick ?? (await readCarefully(db, files, design, responses, designLabel, expand, wave));


  if (design.weights === undefined && design.probs === undefined && (design.fpc ?? []).length < Math.max(1, design.ids.length)) {
    throw new InputError([{ file: designLabel, column: 'weights', found: 'no weights, no probs and not an fpc for every stage', expected: 'weights: <column>, probs: <column>, or an fpc for every stage to derive the weights from' }]);
  }
  const fraction = async (column: string | undefined) => column !== undefined && (await db.query<{ all: boolean }>(`SELECT bool_and(${column} <= 1) AS "all" FROM survey_units`))[0]?.all === true;
  const scales = design.replicate === undefined ? { scale: null, rscales: [] } : replicateScales(design.replicate, replicateColumns.length);
  if ('problem' in scales) throw new InputError([{ file: designLabel, column: 'replicate.rscales', found: scales.problem, expected: 'one rscale per replicate column' }]);
  await db.exec('INSERT INTO survey_design VALUES ($f1, $f2, $has1, $two, $lonely, $scale, $mse, $min, $publish, $dn, $dk)', {
    f1: await fraction(design.fpc?.[0] === undefined ? undefined : 'fpc1'),
    f2: await fraction(design.fpc?.[1] === undefined ? undefined : 'fpc2'),
    has1: design.fpc?.[0] !== undefined,
    two: design.ids.length >= 2 && (design.fpc ?? []).length >= 2,
    lonely: design.lonely_psu,
    scale: scales.scale,
    mse: design.replicate?.mse ?? false,
    min: design.disclosure.min_respondents,
    publish: design.quality.publish_e,
    dn: design.disclosure.dominance?.n ?? null,
    dk: design.disclosure.dominance?.k ?? null,
  });
  for (const [r, rscale] of scales.rscales.entries()) await db.exec('INSERT INTO survey_replicates VALUES ($r, $s)', { r: r + 1, s: rscale });
  const letters = ['A', 'B', 'C', 'D'];
  for (const [i, below] of design.quality.bands.entries()) await db.exec('INSERT INTO survey_quality_bands VALUES ($l, $b)', { l: letters[i] ?? 'D', b: below });
  let r = 0;
  for (const e of design.estimates) {
    const names = typeof e.variable === 'string' ? [e.variable] : e.variable;
    for (const [j, column] of e.of.entries()) {
      await db.exec('INSERT INTO survey_requests VALUES ($r, $v, $s, $o, $d, $b, $group, $complete::VARCHAR[])', {
        r: r++, v: names[j] ?? column, s: e.statistic, o: column, d: e.denominator ?? null, b: e.by ?? 'all', group: e.of.length > 1 ? `g${r}` : null, complete: `[${e.of.map((c) => `'${c.replaceAll("'", "''")}'`).join(', ')}]`,
      });
    }
  }
  await runQuery(db, 'survey/10_design.sql');
  const designProblems = await checkDesign(db, design, responses, designLabel);
  if (design.calibrate !== undefined) designProblems.push(...(await loadMargins(db, files, design.calibrate)));
  if (designProblems.length > 0) {
    // The careful reader names each problem's exact row.
    if (quick !== null) {
      for (const { name } of await db.query<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'survey%'")) await db.exec(`DROP TABLE ${name}`);
      return loadResponses(db, files, design, wave, false);
    }
    throw new InputError(designProblems);
  }
  if (design.calibrate !== undefined) await calibrateWeights(db, design.calibrate, designLabel);

  const [summary] = await db.query<{ respondents: number; strata: number; psus: number; weight_total: number }>(
    'SELECT count(*)::INTEGER AS respondents, count(DISTINCT stratum)::INTEGER AS strata, count(DISTINCT psu)::INTEGER AS psus, (SELECT sum(weight) FROM survey_weights WHERE replicate = 0) AS weight_total FROM survey_units');
  return { respondents: summary?.respondents ?? 0, strata: summary?.strata ?? 0, psus: summary?.psus ?? 0, weightTotal: summary?.weight_total ?? 0, replicates: replicateColumns.length, calibrated: design.calibrate?.method ?? null };
}

/**
 * Reads responses.csv record by record as every input is read (encodings, missing markers,
 * exact rows), into the survey tables, checking each cell: the careful reader, for any file the
 * fast one does not take and for the messages. Returns the replicate-weight columns.
 */
async function readCarefully(db: Database, files: SurveyFiles, design: Design, responses: string, designLabel: string, expand: (header: string[]) => string[], wave: Wave): Promise<string[]> {
  const problems: Problem[] = [];
  let header: string[] | null = null;
  let index = new Map<string, number>();
  const appenders: Record<'units' | 'values' | 'domains' | 'weights' | 'calibration', RowAppender> = {
    calibration: await db.openAppender('survey_calibration'),
    units: await db.openAppender('survey_units'),
    values: await db.openAppender('survey_values'),
    domains: await db.openAppender('survey_domains'),
    weights: await db.openAppender('survey_weights'),
  };
  const analysis = [...new Set(design.estimates.flatMap((e) => [...e.of, ...(e.denominator === undefined ? [] : [e.denominator])]))];
  const domains = [...new Set(design.estimates.flatMap((e) => (e.by === undefined ? [] : [e.by])))];
  const margins = Object.keys(design.calibrate?.margins ?? {});
  let replicateColumns: string[] = [];
  let unit = 0;
  let ready = false;

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

  await streamCsvRecords(join(files.dir, 'responses.csv'), responses, (cells, row) => {
    if (header === null) {
      header = cells.map((c) => c.normalize('NFKC').trim());
      index = new Map(header.map((name, i) => [name, i]));
      replicateColumns = expand(header);
      problems.push(...missingColumns(design, index, replicateColumns, designLabel));
      ready = problems.length === 0;
      return;
    }
    if (!ready || problems.length > 1000 || cells.every((c) => c.trim() === '')) return;
    // Another wave's respondent (its year was checked when the waves were found: surveyYears.ts).
    if (wave !== null && parseYear(cells[index.get(wave.column) ?? -1]) !== wave.year) return;
    unit += 1;
    const stratum = design.strata === undefined ? '' : text(cells, design.strata);
    if (design.strata !== undefined && stratum === '') problems.push({ file: responses, row, column: design.strata, found: 'an empty stratum', expected: 'the stratum of every respondent' });
    const ids = design.ids.map((column) => {
      const id = text(cells, column);
      if (id === '') problems.push({ file: responses, row, column, found: 'an empty cluster id', expected: 'the cluster of every respondent' });
      return id;
    });
    const psu = ids[0] === undefined ? String(unit) : design.nest ? `${stratum}\u0001${ids[0]}` : ids[0];
    const ssu = ids[1] === undefined ? null : `${psu}\u0001${ids[1]}`;
    const fpc = (design.fpc ?? []).map((column) => number(cells, row, column, (n) => (Number.isFinite(n) && n > 0 ? null : 'a population size, or a sampling fraction in (0, 1]')));
    let weight: number | null = null;
    if (design.weights !== undefined) weight = number(cells, row, design.weights, (n) => (Number.isFinite(n) && n > 0 ? null : 'a sampling weight above 0'));
    else if (design.probs !== undefined) {
      const p = number(cells, row, design.probs, (n) => (Number.isFinite(n) && n > 0 && n <= 1 ? null : 'a probability of selection in (0, 1]'));
      weight = p === null ? null : 1 / p;
    }
    appenders.units.row([unit, row, stratum, psu, ssu, fpc[0] ?? null, fpc[1] ?? null, weight]);
    for (const margin of margins) appenders.calibration.row([unit, margin, text(cells, margin)]);
    if (weight !== null) appenders.weights.row([unit, 0, weight]);
    replicateColumns.forEach((column, r) => {
      const w = number(cells, row, column, (n) => (Number.isFinite(n) && n >= 0 ? null : 'a replicate weight of 0 or more'));
      if (w !== null) appenders.weights.row([unit, r + 1, w]);
    });
    for (const column of analysis) appenders.values.row([unit, column, number(cells, row, column, () => null)]);
    appenders.domains.row([unit, 'all', 'all']);
    for (const column of domains) {
      const value = text(cells, column);
      if (value !== '') appenders.domains.row([unit, column, value]);
    }
  }).finally(() => {
    for (const appender of Object.values(appenders)) appender.close();
  });
  if (header === null) problems.push({ file: responses, found: 'no rows', expected: 'a header row and one row per respondent' });
  else if (ready && unit === 0) problems.push({ file: responses, found: 'a header row and no respondents', expected: 'one row per respondent' });
  if (problems.length > 0) throw new InputError(problems);
  return replicateColumns;
}

/** The design's own problems, found once the respondents are in: nesting, fpcs, lonely PSUs. */
async function checkDesign(db: Database, design: Design, responses: string, label: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const row of await selectQuery<{ source_row: number; found: string; expected: string; key: string }>(db, 'survey/15_design_checks.sql')) {
    const column = row.key === 'fpc.0' ? design.fpc?.[0] : row.key === 'fpc.1' ? design.fpc?.[1] : row.key === 'ids.0' ? design.ids[0] : design.strata;
    if (row.key === 'lonely_psu') problems.push({ file: label, column: 'lonely_psu', found: row.found, expected: row.expected });
    else problems.push({ file: responses, row: row.source_row, ...(column === undefined ? {} : { column }), found: row.found, expected: row.expected });
  }
  return problems;
}
