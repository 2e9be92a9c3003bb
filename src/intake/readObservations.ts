import { quoteFound, type Problem } from '../lib/InputError.ts';
import { cellReformatting, parseCell, parseYear } from '../lib/parseCell.ts';
import type { RegionMatch, RegionMatcher } from '../lib/regionMatcher.ts';
import { nationalCode, type Observation, type Variable } from '../lib/types.ts';
import { cellAt, findColumns, type ColumnSpec } from '../files/findColumns.ts';
import { failCsv, isBlankRecord, streamCsvRecords, type CsvSource, type CsvTable } from '../files/readCsvFile.ts';
import type { DroppedRow } from '../dataDir/DataDir.ts';
import type { ReformattedCell } from '../dataDir/IntakeRecord.ts';

/** Receives each value of an observation file as it is read (intake appends it to DuckDB). */
export type ObservationSink = (observation: Observation) => void;

export type ObservationFile = {
  file: string;
  shape: 'wide' | 'long';
  /** The values read, unless a sink took them as they came (then empty). */
  observations: Observation[];
  /** How many values were read, into `observations` or the sink. */
  values: number;
  dropped: DroppedRow[];
  problems: Problem[];
  /** Records below the header, blank rows included. */
  rowsRead?: number;
  /** Rows of empty cells below the header: read, holding nothing. */
  blankRows?: number;
  reformatted?: ReformattedCell[];
};

const regionColumn: ColumnSpec = {
  name: 'region_code',
  aliases: ['region', 'region_name', 'province', '地区', '省份', '地区代码', '省份代码'],
  required: true,
};
const yearColumn: ColumnSpec = { name: 'year', aliases: ['年份', '年度', '年'], required: true };
const expectedNumber = 'a number (a missing value as an empty cell, NA, -, — or …)';
// Most cells of a large file are plain numbers: they skip the full parse (a fast path only).
const plainNumber = /^-?\d{1,15}(?:\.\d{1,15})?$/;
// Past this many problems a file is most likely not what it claims to be; listing every one of
// millions of rows would hide the first, which says why.
const maxProblemsPerFile = 1000;

/** Reads the rows of one observation file, one at a time, then hands over what it found. */
export type ObservationReader = {
  add(cells: string[], row: number): void;
  finish(): ObservationFile;
};

/**
 * Reads one observation file, wide (`region_code, year, <variable>...`) or long
 * (`region_code, year, variable, value[, unit]`), into observations with their source cells.
 */
export function readObservations(table: CsvTable, codebook: ReadonlyMap<string, Variable>, regions: RegionMatcher): ObservationFile {
  const reader = createObservationReader(table.file, table.header, codebook, regions);
  for (const { row, cells } of table.rows) reader.add(cells, row);
  return reader.finish();
}

/**
 * Reads an observation file from disk record by record (see `streamCsvRecords`), never holding
 * the file or its rows; with `sink`, each value goes there as it is read rather than into memory.
 * Throws InputError when the file is not readable CSV.
 */
export async function readObservationFile(
  path: string,
  label: string,
  codebook: ReadonlyMap<string, Variable>,
  regions: RegionMatcher,
  sink?: ObservationSink,
): Promise<{ source: CsvSource; result: ObservationFile }> {
  let reader: ObservationReader | null = null;
  let header: string[] | null = null;
  const source = await streamCsvRecords(path, label, (cells, row) => {
    if (header === null) {
      header = cells.map((name) => name.normalize('NFKC').trim());
      if (header.length >= 2) reader = createObservationReader(label, header, codebook, regions, sink);
    } else reader?.add(cells, row);
  });
  const read = header as string[] | null;
  if (read === null) return failCsv(label, 'no rows');
  if (reader === null) return failCsv(label, `a single column ${quoteFound(read[0] ?? '')} in the header row`, 1);
  return { source, result: (reader as ObservationReader).finish() };
}

/** A reader of the data rows below `header` of the observation file `file`, its values going to `sink` if given. */
export function createObservationReader(
  file: string,
  header: readonly string[],
  codebook: ReadonlyMap<string, Variable>,
  regions: RegionMatcher,
  sink?: ObservationSink,
): ObservationReader {
  const columns = observationColumns(file, header);
  const { shape, problems } = columns;
  if (problems.length === 0 && shape === 'wide') problems.push(...wideHeaderProblems(file, columns.values, codebook));
  const result: ObservationFile = {
    file,
    shape,
    observations: [],
    values: 0,
    dropped: [],
    problems,
    rowsRead: 0,
    blankRows: 0,
    reformatted: [],
  };
  const usable = problems.length === 0;
  const readRow = createRowReader(file, header, columns, codebook, regions, result, sink ?? ((o) => result.observations.push(o)));
  let dataRows = 0;
  let capped = false;

  function add(cells: string[], row: number): void {
    result.rowsRead = (result.rowsRead ?? 0) + 1;
    if (isBlankRecord(cells)) {
      result.blankRows = (result.blankRows ?? 0) + 1;
      return;
    }
    dataRows += 1;
    if (!usable || capped) return;
    readRow(cells, row);
    // Checked after every row, whichever problem ended it, so that the note is never missing.
    if (problems.length > maxProblemsPerFile) {
      capped = true;
      problems.push({
        file,
        row,
        found: `more than ${maxProblemsPerFile} problems, so the rows below were not checked`,
        expected: 'a file of observations (is it the right file?)',
      });
    }
  }

  function finish(): ObservationFile {
    if (usable && dataRows === 0) {
      problems.push({ file, found: 'a header row and no data rows', expected: 'one row per region and year below the header' });
    }
    return result;
  }

  return { add, finish };
}

/** The columns of an observation file: its shape, where each column is, and in a wide file the value columns. */
type ObservationColumns = {
  shape: 'wide' | 'long';
  index: Record<'region' | 'year' | 'variable' | 'value' | 'unit', number>;
  /** Every other named column, a variable's in a wide file. */
  values: { name: string; i: number }[];
  problems: Problem[];
};

function observationColumns(file: string, header: readonly string[]): ObservationColumns {
  const lower = header.map((h) => h.toLowerCase());
  // Either column alone means a long file missing the other, not a variable named "value".
  const shape = lower.includes('variable') || lower.includes('value') ? 'long' : 'wide';
  const specs = {
    region: regionColumn,
    year: yearColumn,
    variable: { name: 'variable', required: shape === 'long' },
    value: { name: 'value', required: shape === 'long' },
    unit: { name: 'unit', required: false },
  };
  const { index, problems } = findColumns({ file, header: [...header] }, specs);
  const known = new Set(Object.values(index));
  const values = header.flatMap((name, i) => (known.has(i) || name === '' ? [] : [{ name, i }]));
  return { shape, index, values, problems };
}

/** In a wide file every other column must be a declared variable. */
function wideHeaderProblems(file: string, valueColumns: readonly { name: string }[], codebook: ReadonlyMap<string, Variable>): Problem[] {
  const problems: Problem[] = [];
  // Named one by one up to a point: a header of thousands of stray columns is one mistake.
  const undeclared = valueColumns.filter(({ name }) => !codebook.has(name));
  for (const { name } of undeclared.slice(0, 20)) {
    problems.push({
      file,
      row: 1,
      column: name,
      found: `the undeclared variable ${quoteFound(name)}`,
      expected: 'a variable declared in variables.csv',
    });
  }
  if (undeclared.length > 20) {
    problems.push({
      file,
      row: 1,
      found: `${(undeclared.length - 20).toLocaleString('en-US')} more columns that are not variables of variables.csv`,
      expected: 'columns region_code, year and one column per declared variable',
    });
  }
  if (valueColumns.length === 0) {
    problems.push({
      file,
      row: 1,
      found: 'no variable columns',
      expected: 'columns region_code, year and one column per variable, or a long file with variable and value',
    });
  }
  return problems;
}

/**
 * The reader of one data row: its region and year resolved (region names repeat on every row,
 * so each distinct text is matched once), then each of its values taken, or the problem found.
 */
function createRowReader(
  file: string,
  header: readonly string[],
  { shape, index, values: valueColumns }: ObservationColumns,
  codebook: ReadonlyMap<string, Variable>,
  regions: RegionMatcher,
  result: ObservationFile,
  take: ObservationSink,
): (cells: string[], row: number) => void {
  const { problems } = result;
  const regionMatches = new Map<string, RegionMatch>();
  // Units repeat too: each distinct text is stored once.
  const units = new Map<string, string>();
  const intern = (unit: string) => {
    const known = units.get(unit);
    if (known !== undefined) return known;
    units.set(unit, unit);
    return unit;
  };
  const unnamedReported = new Set<number>();
  const addValue = valueTaker(file, result, take);

  return (cells, row) => {
    // A value under no header name would be lost without a word.
    for (let i = 0; i < cells.length; i++) {
      if ((header[i] ?? '') !== '' || unnamedReported.has(i) || (cells[i] ?? '').trim() === '') continue;
      unnamedReported.add(i);
      problems.push({
        file,
        row,
        found: `the value ${quoteFound(cells[i] ?? '')} in column ${i + 1}, which has no name in the header row`,
        expected: 'a name in the header row for every column that holds values',
      });
    }

    const regionText = cellAt(cells, index.region);
    let match = regionMatches.get(regionText);
    if (match === undefined) {
      match = regions.match(regionText);
      regionMatches.set(regionText, match);
    }
    if (match.kind === 'aggregate' && match.what !== 'national') {
      result.dropped.push({
        file,
        row,
        reason: `${quoteFound(regionText.trim())} is ${match.what === 'outside' ? 'outside the regions of regions.csv' : 'a zone total'}`,
      });
      return;
    }
    if (match.kind === 'unknown') {
      problems.push({
        file,
        row,
        column: header[index.region] ?? 'region_code',
        found: `the unknown region ${quoteFound(regionText)}`,
        expected:
          match.candidates.length > 1
            ? `one region, but it fits ${match.candidates.join(', ')}`
            : 'a region_code or name listed in regions.csv',
      });
      return;
    }
    const yearText = cellAt(cells, index.year);
    const year = parseYear(yearText);
    if (year === null) {
      problems.push({ file, row, column: header[index.year] ?? 'year', found: quoteFound(yearText), expected: 'a year such as 2023' });
      return;
    }
    const region_code = match.kind === 'region' ? match.region_code : nationalCode;

    if (shape === 'wide') {
      for (const { name, i } of valueColumns)
        addValue(region_code, year, row, codebook.get(name)?.variable ?? name, cellAt(cells, i), name, codebook.get(name)?.unit ?? '');
    } else {
      const variable = cellAt(cells, index.variable).trim();
      const declared = codebook.get(variable);
      if (declared === undefined) {
        problems.push({
          file,
          row,
          column: 'variable',
          found: `the undeclared variable ${quoteFound(variable)}`,
          expected: 'a variable declared in variables.csv',
        });
        return;
      }
      const unit = cellAt(cells, index.unit).normalize('NFKC').trim();
      addValue(region_code, year, row, declared.variable, cellAt(cells, index.value), 'value', unit === '' ? declared.unit : intern(unit));
    }
  };
}

/** Takes one value of a row: a plain number at once, any other text through the full parse of a cell. */
function valueTaker(
  file: string,
  result: ObservationFile,
  take: ObservationSink,
): (region_code: string, year: number, row: number, variable: string, text: string, column: string, unit: string) => void {
  const { problems } = result;
  return (region_code, year, row, variable, text, column, unit) => {
    let value: number | null;
    if (plainNumber.test(text)) value = Number(text);
    else {
      // Whether 12.5% means 12.5 or 0.125 depends on the unit: only a percentage keeps the number.
      const parsed = parseCell(text, { percent: unit === '%' ? 'strip' : 'reject' });
      if (parsed.kind === 'invalid') {
        problems.push({ file, row, column, found: `${quoteFound(text)} (${parsed.reason})`, expected: expectedNumber });
        return;
      }
      value = parsed.kind === 'number' ? parsed.value : null;
      if (value !== null) {
        const how = cellReformatting(text);
        if (how !== null) result.reformatted?.push({ file, row, column, how });
      }
    }
    result.values += 1;
    take({
      region_code,
      year,
      variable,
      value,
      source_value: value,
      source_unit: unit,
      source_file: file,
      source_row: row,
      source_column: column,
    });
  };
}
