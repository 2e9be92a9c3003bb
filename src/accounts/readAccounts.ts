import type { AccountsData, AccountsReport } from '../lib/accounts/AccountsReport.ts';
import { nationalCode } from '../lib/types.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import type { Database } from '../database/openDatabase.ts';
import type { AccountsRun } from './runAccounts.ts';

/**
 * Reads what the accounts stage computed (tables of queries/accounts/) into the shape the report
 * pages, the layout CSV files and the workbook are made from; says why when it was skipped.
 */
export async function readAccounts(db: Database, data: DataDir, run: AccountsRun): Promise<AccountsReport> {
  if (!run.computed) return { computed: false, reason: run.reason };
  const settings = data.method.accounts;
  const priceIndex = data.variables.find((v) => v.variable === settings.price_index);
  // One connection runs one query at a time.
  const years = await db.query<{ year: number }>('SELECT DISTINCT year FROM accounts_inputs ORDER BY year');
  const values = await db.query<AccountsData['values'][number]>(
    'SELECT region_code, year, item, price_basis, value, unit FROM accounts ORDER BY region_code, year, item, price_basis',
  );
  const aggregates = await db.query<
    AccountsData['aggregates'][number]
  >(`SELECT aggregate AS region_code, aggregate, year, item, price_basis, value, unit, regions_given, regions
    FROM accounts_aggregates ORDER BY aggregate, year, item, price_basis`);
  const initial = await db.query<AccountsData['initial'][number]>(
    'SELECT region_code, first_year, growth_years, growth, depreciation, opening_stock FROM accounts_initial ORDER BY region_code',
  );
  const breaks = await db.query<AccountsData['breaks'][number]>(
    'SELECT region_code, year, kind, no_expenditure, no_price_index, no_base_price, break_year FROM accounts_breaks ORDER BY region_code, year',
  );
  const nationalCheck = await db.query<AccountsData['nationalCheck'][number]>(
    'SELECT item, year, national, regions_sum, relative_difference, within_tolerance FROM accounts_national_check ORDER BY item, year',
  );
  return {
    computed: true,
    sampleData: data.method.report.sample_data,
    nationalCode,
    parameters: {
      depreciation: settings.depreciation,
      depreciationByRegion: settings.depreciation_by_region,
      capitalisationShare: settings.capitalisation_share,
      growthYears: settings.growth_years,
      baseYear: run.baseYear ?? settings.base_year ?? years[0]?.year ?? 0,
      priceIndex: {
        variable: settings.price_index,
        name_zh: priceIndex?.name_zh ?? settings.price_index,
        name_en: priceIndex?.name_en ?? settings.price_index,
      },
      otherVolumeChanges: settings.other_volume_changes,
      tolerance: settings.national_check.tolerance,
      onBreak: settings.national_check.on_break,
    },
    regions: data.regions.map((r) => ({ region_code: r.region_code, name_zh: r.name_zh, name_en: r.name_en, zone: r.zone })),
    years: years.map((y) => y.year),
    values,
    aggregates,
    initial,
    breaks,
    nationalCheck,
  };
}
