import { InputError, quoteFound, type Problem } from '../lib/InputError.ts';
import { parseCell } from '../lib/parseCell.ts';
import { cellAt, findColumns } from '../files/findColumns.ts';
import type { CsvTable } from '../files/readCsvFile.ts';
import { toCsvText } from './toCsvText.ts';

/** An ipindex data directory made from a COINr data set: its files, and what was chosen. */
export type CoinrDataDir = {
  files: { name: string; text: string }[];
  /** The iData column whose groups became the regions' zones (for group imputation). */
  group: string | null;
  units: number;
  indicators: number;
};

type MetaRow = {
  row: number;
  level: number | null;
  code: string;
  name: string;
  direction: number;
  weight: number;
  unit: string;
  target: string;
  denominator: string;
  parent: string;
  type: string;
};

const codePattern = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Turns COINr's two tables (iData: one row per unit, iMeta: the framework; see COINr's
 * new_coin()) into the files of an ipindex data directory: regions.csv (units as countries, the
 * groups of `group` as zones), variables.csv (every indicator and denominator), one wide
 * observation file, framework.csv (indicators divided by their denominator in the formula) and a
 * method.yaml that reproduces COINr's example pipeline (build_example_coin: denominate, group-mean
 * imputation, screening at 0.9 availability, skew/kurtosis winsorisation with log fallback,
 * min-max onto [0, 100], arithmetic means). Without `group`, the coarsest group column (fewest
 * groups) is taken, so that each group mean rests on the most units. Values are copied as written,
 * digit for digit. Throws InputError naming the file, row and column of what does not fit.
 */
export function convertCoinr(iData: CsvTable, iMeta: CsvTable, options: { group?: string; year?: number } = {}): CoinrDataDir {
  const meta = readMeta(iMeta);
  const problems: Problem[] = [...meta.problems];
  const dataColumns = findColumns(iData, {
    uCode: { name: 'uCode', required: true },
    uName: { name: 'uName', required: false },
    Time: { name: 'Time', required: false },
  });
  problems.push(...dataColumns.problems);
  if (dataColumns.problems.length > 0) throw new InputError(problems.sort(byPlace));
  const columnOf = new Map(iData.header.map((name, i) => [name, i]));
  const need = (row: MetaRow) => {
    if (codePattern.test(row.code) && !columnOf.has(row.code))
      problems.push({
        file: iMeta.file,
        row: row.row,
        column: 'iCode',
        found: `"${row.code}", which is not a column of ${iData.file}`,
        expected: 'a column of iData for every indicator, denominator and group',
      });
  };

  const indicators = meta.rows.filter((r) => r.type === 'Indicator');
  const aggregates = meta.rows.filter((r) => r.type === 'Aggregate');
  const denominators = meta.rows.filter((r) => r.type === 'Denominator');
  const groups = meta.rows.filter((r) => r.type === 'Group');
  for (const row of [...indicators, ...denominators, ...groups]) need(row);
  for (const row of indicators) {
    if (row.denominator !== '' && !denominators.some((d) => d.code === row.denominator)) {
      problems.push({
        file: iMeta.file,
        row: row.row,
        column: 'Denominator',
        found: quoteFound(row.denominator),
        expected: 'the iCode of a row of Type Denominator, or empty',
      });
    }
  }
  for (const row of [...indicators, ...aggregates]) {
    if (row.parent !== '' && !aggregates.some((a) => a.code === row.parent)) {
      problems.push({
        file: iMeta.file,
        row: row.row,
        column: 'Parent',
        found: quoteFound(row.parent),
        expected: 'the iCode of an Aggregate row, or empty for the index',
      });
    }
  }
  if (options.group !== undefined && !groups.some((g) => g.code === options.group)) {
    problems.push({
      file: iMeta.file,
      column: 'Type',
      found: `no Group row "${options.group}"`,
      expected: `--group naming one of ${groups.map((g) => `"${g.code}"`).join(', ') || 'the Group rows (there are none)'}`,
    });
  }
  if (problems.length > 0) throw new InputError(problems.sort(byPlace));

  const units = iData.rows.map(({ row, cells }) => ({ row, cell: (name: string) => cellAt(cells, columnOf.get(name) ?? -1).trim() }));
  const group =
    options.group ??
    coarsest(
      groups.map((g) => g.code),
      units,
    ) ??
    null;

  // Variable names must be lower-case identifiers; COINr's iCodes keep their case in framework.csv.
  const variableOf = new Map<string, string>();
  for (const row of [...denominators, ...indicators]) {
    const name = variableName(row.code);
    const clash = [...variableOf.entries()].find(([, v]) => v === name);
    if (clash !== undefined)
      problems.push({
        file: iMeta.file,
        row: row.row,
        column: 'iCode',
        found: `"${row.code}", which as a variable name is "${name}" like "${clash[0]}"`,
        expected: 'iCodes that differ in more than case and punctuation',
      });
    variableOf.set(row.code, name);
  }

  const regions: string[][] = [['region_code', 'name_zh', 'name_en', 'level', 'parent_code', 'zone']];
  const observations: string[][] = [
    ['region_code', 'year', ...[...denominators, ...indicators].map((r) => variableOf.get(r.code) ?? r.code)],
  ];
  const unitsSeen = new Set<string>();
  const rowsSeen = new Set<string>();
  for (const unit of units) {
    const code = unit.cell('uCode');
    const problem = (column: string, found: string, expected: string) =>
      problems.push({ file: iData.file, row: unit.row, column, found, expected });
    if (!/^[A-Za-z0-9]{1,16}$/.test(code)) problem('uCode', quoteFound(code), 'a code of letters and digits, e.g. AUT');
    const year = dataColumns.index.Time >= 0 ? unit.cell('Time') : String(options.year ?? '');
    if (!/^\d{4}$/.test(year))
      problem('Time', quoteFound(year), dataColumns.index.Time >= 0 ? 'a year such as 2018' : 'a Time column, or --year');
    if (rowsSeen.has(`${code} ${year}`)) problem('uCode', `${code} in ${year} a second time`, 'one row per unit and year');
    rowsSeen.add(`${code} ${year}`);
    const name = unit.cell('uName') || code;
    if (!unitsSeen.has(code)) regions.push([code, name, name, 'country', '', (group === null ? '' : unit.cell(group)) || 'ungrouped']);
    unitsSeen.add(code);
    observations.push([
      code,
      year,
      ...[...denominators, ...indicators].map((r) => {
        const text = unit.cell(r.code);
        const parsed = parseCell(text);
        if (parsed.kind === 'invalid') problem(r.code, quoteFound(text), 'a number, or empty or NA for a missing value');
        return parsed.kind === 'number' ? text : '';
      }),
    ]);
  }
  if (problems.length > 0) throw new InputError(problems.sort(byPlace));

  const variables = [['variable', 'dataset', 'name_zh', 'name_en', 'unit', 'min', 'max', 'description']];
  for (const row of [...denominators, ...indicators]) {
    variables.push([
      variableOf.get(row.code) ?? row.code,
      'coinr',
      row.name || row.code,
      row.name || row.code,
      row.unit || '-',
      '',
      '',
      `COINr ${row.type.toLowerCase()} ${row.code}`,
    ]);
  }
  const framework = [['code', 'parent', 'level', 'name_zh', 'name_en', 'unit', 'direction', 'weight', 'formula', 'target']];
  for (const row of [...aggregates].sort((a, b) => (b.level ?? 0) - (a.level ?? 0))) {
    framework.push([
      row.code,
      row.parent,
      String(row.level ?? ''),
      row.name || row.code,
      row.name || row.code,
      row.unit,
      String(row.direction),
      String(row.weight),
      '',
      row.target,
    ]);
  }
  for (const row of indicators) {
    const variable = variableOf.get(row.code) ?? row.code;
    const formula = row.denominator === '' ? variable : `${variable} / ${variableOf.get(row.denominator) ?? row.denominator}`;
    framework.push([
      row.code,
      row.parent,
      '1',
      row.name || row.code,
      row.name || row.code,
      row.unit,
      String(row.direction),
      String(row.weight),
      formula,
      row.target,
    ]);
  }
  return {
    files: [
      { name: 'regions.csv', text: toCsvText(regions) },
      { name: 'variables.csv', text: toCsvText(variables) },
      { name: 'framework.csv', text: toCsvText(framework) },
      { name: 'coinr_data.csv', text: toCsvText(observations) },
      { name: 'method.yaml', text: exampleMethod(group) },
    ],
    group,
    units: unitsSeen.size,
    indicators: indicators.length,
  };
}

/** Orders problems by file, then row. */
function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0);
}

/** Reads iMeta: one row per indicator, aggregate, denominator and group (COINr's new_coin()). */
function readMeta(iMeta: CsvTable): { rows: MetaRow[]; problems: Problem[] } {
  const { index, problems } = findColumns(iMeta, {
    Level: { name: 'Level', required: true },
    iCode: { name: 'iCode', required: true },
    iName: { name: 'iName', required: false },
    Direction: { name: 'Direction', required: true },
    Weight: { name: 'Weight', required: true },
    Unit: { name: 'Unit', required: false },
    Target: { name: 'Target', required: false },
    Denominator: { name: 'Denominator', required: false },
    Parent: { name: 'Parent', required: true },
    Type: { name: 'Type', required: true },
  });
  if (problems.length > 0) return { rows: [], problems };
  const types = ['Indicator', 'Aggregate', 'Denominator', 'Group', 'Other'];
  const rows: MetaRow[] = [];
  for (const { row, cells } of iMeta.rows) {
    const get = (key: keyof typeof index) => cellAt(cells, index[key]).trim();
    const problem = (column: string, found: string, expected: string) => problems.push({ file: iMeta.file, row, column, found, expected });
    const type = get('Type');
    if (!types.includes(type)) problem('Type', quoteFound(type), types.join(', '));
    const code = get('iCode');
    if (!codePattern.test(code)) problem('iCode', quoteFound(code), 'a code of letters, digits and _ starting with a letter');
    const scored = type === 'Indicator' || type === 'Aggregate';
    const number = (key: 'Level' | 'Direction' | 'Weight' | 'Target'): number | null => {
      const parsed = parseCell(get(key));
      if (parsed.kind === 'number') return parsed.value;
      if (parsed.kind === 'invalid' || (scored && key !== 'Target')) problem(key, quoteFound(get(key)), 'a number');
      return null;
    };
    const level = number('Level');
    const direction = number('Direction');
    const weight = number('Weight');
    if (scored && level !== null && (!Number.isInteger(level) || level < 1))
      problem('Level', quoteFound(get('Level')), 'a whole number >= 1 (1 = indicator)');
    if (type === 'Indicator' && level !== 1) problem('Level', quoteFound(get('Level')), '1 for an indicator');
    if (scored && direction !== null && direction !== 1 && direction !== -1) problem('Direction', quoteFound(get('Direction')), '1 or -1');
    number('Target');
    rows.push({
      row,
      level,
      code,
      name: get('iName'),
      direction: direction ?? 1,
      weight: weight ?? 1,
      unit: get('Unit'),
      target: get('Target'),
      denominator: get('Denominator'),
      parent: get('Parent'),
      type,
    });
  }
  return { rows, problems };
}

/** The group column with the fewest distinct groups (the first of them on a tie), or none. */
function coarsest(columns: string[], units: { cell: (name: string) => string }[]): string | undefined {
  const sizes = columns.map((column) => ({ column, groups: new Set(units.map((u) => u.cell(column))).size }));
  return sizes.sort((a, b) => a.groups - b.groups)[0]?.column;
}

/** A lower-case identifier for an iCode: ConSpeed -> conspeed, CO2 -> co2. */
function variableName(code: string): string {
  const name = code.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return /^[a-z]/.test(name) ? name : `v_${name}`;
}

/** method.yaml reproducing COINr's example pipeline (build_example_coin, COINr 1.1.14). */
function exampleMethod(group: string | null): string {
  return `# Written by ipindex import-coinr: the method of COINr's example pipeline (build_example_coin),
# step by step. Edit freely; every key is described in docs/DESIGN.md and src/lib/methodSchema.ts.
screen:
  regions: 0.9          # Screen(dat_thresh = 0.9): a unit needs 90% of its indicators...
  on: imputed           # ...counted after imputation, as COINr's example screens the imputed data
impute:
  method: ${group === null ? 'mean           # no group column: the mean of all units' : `group_mean     # Impute(f_i = "i_mean_grp", use_group = "${group}"): the zone of regions.csv`}
treat:
  method: winsorise     # Treat(): |skew| < 2 or kurtosis < 3.5, else winsorise up to 5 points...
  winmax: 5
  skew: 2
  kurtosis: 3.5
  log: true             # ...then log(x - min + 0.01 (max - min)) of the original values
normalise:
  method: minmax        # Normalise(): n_minmax onto [0, 100], after multiplying by Direction
  lower: 0
  upper: 100
  over: year
weights:
  method: framework     # the Weight column of iMeta
aggregate:
  method: arithmetic    # Aggregate(f_ag = "a_amean"): missing children dropped, weights renormalised
`;
}
