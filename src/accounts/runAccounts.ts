import { InputError, type Problem } from '../lib/InputError.ts';
import { nationalCode } from '../lib/types.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import type { Database } from '../database/openDatabase.ts';
import { runQuery, selectQuery } from '../database/runQueries.ts';

/** What the accounts stage did: computed, with its extent, or skipped, with the reason. */
export type AccountsRun =
  | {
      computed: true;
      units: number;
      national: boolean;
      firstYear: number | null;
      lastYear: number | null;
      baseYear: number | null;
      breaks: number;
      nationalBreaks: number;
    }
  | { computed: false; reason: string };

const defaultPriceIndex = 'gdp_deflator';

/**
 * Computes the accounts of IP products (R&D capital) of queries/accounts/ for every region and
 * the nation, and checks them: the asset-account identities on every row, and that the regions
 * add up to the national row. Throws InputError for a setting or input that makes the accounts
 * impossible or for a national-sum break when method.yaml says a break is an error; skips the
 * accounts, saying why, when the codebook has no R&D expenditure or no price index.
 */
export async function runAccounts(db: Database, data: DataDir): Promise<AccountsRun> {
  await runQuery(db, 'accounts/00_accounts_parameters.sql');
  await runQuery(db, 'accounts/45_accounts.sql');
  const settings = data.method.accounts;
  const methodFile = data.inputs.find((i) => i.role === 'method')?.file ?? 'method.yaml';
  const codebookFile = data.inputs.find((i) => i.role === 'codebook')?.file ?? 'variables.csv';
  const declared = new Map(data.variables.map((v) => [v.variable, v]));

  if (!declared.has('rd_expenditure')) return { computed: false, reason: 'the codebook declares no rd_expenditure' };
  if (!declared.has(settings.price_index) && settings.price_index === defaultPriceIndex) {
    return { computed: false, reason: `the codebook declares no ${defaultPriceIndex} (the price index)` };
  }

  const problems = await settingProblems(db, data, methodFile, codebookFile);
  if (problems.length > 0) throw new InputError(problems);

  const units = [...data.regions.map((r) => r.region_code), nationalCode];
  await db.append(
    'accounts_parameters',
    units.map((code) => [code, settings.depreciation_by_region[code] ?? settings.depreciation]),
  );
  await runQuery(db, 'accounts/10_accounts_inputs.sql', {
    national: nationalCode,
    price_index: settings.price_index,
    other_volume: settings.other_volume_changes,
  });
  await runQuery(db, 'accounts/20_accounts_series.sql', { share: settings.capitalisation_share, base_year: settings.base_year });
  await runQuery(db, 'accounts/21_accounts_breaks.sql', { base_year: settings.base_year });
  await runQuery(db, 'accounts/30_accounts_initial.sql', { growth_years: settings.growth_years });

  const initial = await selectQuery<InitialProblemRow>(db, 'accounts/checks/initial_stock.sql');
  if (initial.length > 0) throw new InputError(initial.map((row) => initialStockProblem(row, data)));

  await runQuery(db, 'accounts/40_accounts_stock.sql');
  await runQuery(db, 'accounts/50_accounts_values.sql');
  await runQuery(db, 'accounts/60_accounts_aggregates.sql');
  await runQuery(db, 'accounts/70_accounts_national_check.sql', { national: nationalCode, tolerance: settings.national_check.tolerance });

  const unbalanced = await selectQuery<{ region_code: string; year: number; price_basis: string; found: string; expected: string }>(
    db,
    'accounts/checks/identity.sql',
  );
  if (unbalanced.length > 0) {
    const lines = unbalanced
      .slice(0, 20)
      .map((r) => `  ${r.region_code} ${r.year} ${r.price_basis}: found ${r.found}, expected ${r.expected}`);
    throw new Error(`the accounts do not balance in ${unbalanced.length} rows:\n${lines.join('\n')}`);
  }

  const breaks = await db.query<NationalBreakRow>('SELECT * FROM accounts_national_check WHERE NOT within_tolerance ORDER BY item, year');
  if (breaks.length > 0 && settings.national_check.on_break === 'error') {
    throw new InputError(breaks.map((row) => nationalBreakProblem(row, data, methodFile)));
  }

  const [extent] = await db.query<{
    units: bigint;
    national: boolean;
    first_year: number | null;
    last_year: number | null;
    base_year: number | null;
    breaks: bigint;
  }>(
    `
    SELECT count(DISTINCT region_code) AS units, bool_or(region_code = $national) AS national, min(year) AS first_year,
      max(year) AS last_year, min(base_year) AS base_year, (SELECT count(*) FROM accounts_breaks WHERE kind <> 'start') AS breaks
    FROM accounts_series`,
    { national: nationalCode },
  );
  return {
    computed: true,
    units: Number(extent?.units ?? 0),
    national: extent?.national ?? false,
    firstYear: extent?.first_year ?? null,
    lastYear: extent?.last_year ?? null,
    baseYear: extent?.base_year ?? null,
    breaks: Number(extent?.breaks ?? 0),
    nationalBreaks: breaks.length,
  };
}

/** A line for the build log saying what the accounts stage did. */
export function describeAccounts(run: AccountsRun): string {
  if (!run.computed) return `skipped: ${run.reason}`;
  const years = run.firstYear === null ? 'no years' : `${run.firstYear}-${run.lastYear}`;
  const flags = [
    run.breaks > 0 ? `${run.breaks} years broken` : null,
    run.nationalBreaks > 0 ? `${run.nationalBreaks} national-sum breaks` : null,
  ].filter(Boolean);
  return `${run.units} units${run.national ? ' incl. nation' : ''}, ${years}, base ${run.baseYear ?? '-'}${flags.length > 0 ? `, ${flags.join(', ')}` : ', balanced'}`;
}

type InitialProblemRow = {
  region_code: string;
  first_year: number;
  growth_years: number;
  growth: number | null;
  depreciation: number;
  gfcf_real_0: number | null;
  source_file: string | null;
  source_row: number | null;
  source_column: string | null;
};

type NationalBreakRow = {
  item: 'gfcf' | 'gdp';
  year: number;
  national: number;
  regions_sum: number;
  relative_difference: number;
  source_file: string | null;
  source_row: number | null;
  source_column: string | null;
};

/** Settings of method.yaml that name things the data directory does not have. */
async function settingProblems(db: Database, data: DataDir, methodFile: string, codebookFile: string): Promise<Problem[]> {
  const settings = data.method.accounts;
  const declared = new Map(data.variables.map((v) => [v.variable, v]));
  const units = new Map((await db.query<{ unit: string; kind: string }>('SELECT unit, kind FROM units')).map((u) => [u.unit, u.kind]));
  const problems: Problem[] = [];
  const setting = (key: string, found: string, expected: string) =>
    problems.push({ file: methodFile, column: `accounts.${key}`, found, expected });

  if (!declared.has(settings.price_index)) {
    setting(
      'price_index',
      `"${settings.price_index}", which variables.csv does not declare`,
      'the variable of variables.csv that holds the price index, e.g. gdp_deflator',
    );
  }
  const ocv = settings.other_volume_changes;
  if (ocv !== null && !declared.has(ocv)) {
    setting(
      'other_volume_changes',
      `"${ocv}", which variables.csv does not declare`,
      'a variable of variables.csv in a money unit (万元, 亿元...), or null for none',
    );
  }
  const known = new Set([...data.regions.map((r) => r.region_code), nationalCode]);
  for (const code of Object.keys(settings.depreciation_by_region)) {
    if (!known.has(code))
      setting(
        `depreciation_by_region.${code}`,
        `the region code "${code}"`,
        `a region_code of regions.csv, or ${nationalCode} for the nation`,
      );
  }
  const kinds: [string, string, string][] = [
    ['rd_expenditure', 'money', '万元, 亿元 or another money unit'],
    ['gdp', 'money', '亿元, 万元 or another money unit'],
    ['rd_fte', 'person_years', '人年 or 万人年'],
  ];
  if (ocv !== null) kinds.push([ocv, 'money', '万元, 亿元 or another money unit']);
  for (const [variable, kind, expected] of kinds) {
    const v = declared.get(variable);
    if (v !== undefined && units.get(v.unit) !== kind) {
      problems.push({
        file: codebookFile,
        column: 'unit',
        found: `the unit "${v.unit}" of ${variable}`,
        expected: `${expected}, which the accounts convert`,
      });
    }
  }
  if (settings.base_year !== null && declared.has(settings.price_index)) {
    const [row] = await db.query<{ n: bigint }>('SELECT count(*) AS n FROM observations WHERE variable = $v AND year = $y AND value > 0', {
      v: settings.price_index,
      y: settings.base_year,
    });
    if (Number(row?.n ?? 0) === 0)
      setting(
        'base_year',
        `${settings.base_year}, a year with no value of ${settings.price_index}`,
        `a year in which ${settings.price_index} is given, so that it can be rebased to 100`,
      );
  }
  return problems;
}

function initialStockProblem(row: InitialProblemRow, data: DataDir): Problem {
  const name = regionName(row.region_code, data);
  const where = {
    file: row.source_file ?? 'rd_expenditure',
    ...(row.source_row === null ? {} : { row: row.source_row }),
    ...(row.source_column === null ? {} : { column: row.source_column }),
  };
  if (row.gfcf_real_0 === null || row.gfcf_real_0 <= 0 || row.growth === null) {
    return {
      ...where,
      found: `R&D expenditure of ${name} in ${row.first_year} that is not above 0, or a later year's that is not`,
      expected: 'positive R&D expenditure in the first years, from which the initial R&D capital stock I0 / (g + d) is estimated',
    };
  }
  const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
  return {
    ...where,
    found: `real R&D capital formation of ${name} changing by ${percent(row.growth)} a year over ${row.first_year}-${row.first_year + row.growth_years}, so that g + d = ${percent(row.growth + row.depreciation)}`,
    expected:
      'g + d above 0, so that the initial stock I0 / (g + d) exists: check these values, or set a larger accounts.depreciation or accounts.growth_years in method.yaml',
  };
}

function nationalBreakProblem(row: NationalBreakRow, data: DataDir, methodFile: string): Problem {
  const number = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const what = row.item === 'gfcf' ? 'R&D capital formation (from rd_expenditure)' : 'GDP';
  const difference = `${row.relative_difference > 0 ? '+' : ''}${(row.relative_difference * 100).toFixed(2)} %`;
  const tolerance = `${(data.method.accounts.national_check.tolerance * 100).toFixed(2)} %`;
  return {
    file: row.source_file ?? methodFile,
    ...(row.source_row === null ? {} : { row: row.source_row }),
    ...(row.source_column === null ? {} : { column: row.source_column }),
    found: `a national ${what} of ${number.format(row.national)} 亿元 in ${row.year}, while the ${data.regions.length} regions add up to ${number.format(row.regions_sum)} 亿元 (${difference})`,
    expected: `regions adding up to the national row within ${tolerance} (${methodFile}: accounts.national_check.tolerance; on_break: footnote publishes the difference as a footnote instead)`,
  };
}

function regionName(code: string, data: DataDir): string {
  if (code === nationalCode) return 'the nation (全国)';
  const region = data.regions.find((r) => r.region_code === code);
  return region === undefined ? code : `${region.name_zh} (${region.region_code})`;
}
