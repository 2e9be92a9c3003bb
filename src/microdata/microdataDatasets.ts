import type { MicrodataDataset } from '../dataDir/MicrodataInput.ts';

export type { MicrodataDataset };

const year = 'a year such as 2020';
const flag = '1 or 0';
const money = 'a number in 万元 (no unit in the cell)';

/**
 * The microdata datasets (README, "Microdata and scale"): one row per patent, per recorded
 * assignment or licence, per pledge registration.
 */
export const microdataDatasets: readonly MicrodataDataset[] = [
  {
    name: 'patent_records',
    columns: {
      patent_id: 'VARCHAR',
      region_code: 'VARCHAR',
      filing_year: 'INTEGER',
      type: 'VARCHAR',
      grant_year: 'INTEGER',
      lapse_year: 'INTEGER',
      high_value: 'INTEGER',
      pct: 'INTEGER',
      ipc_class: 'VARCHAR',
    },
    expected: { filing_year: year, grant_year: `${year}, or empty`, lapse_year: `${year}, or empty`, high_value: flag, pct: flag },
    view: 'microdata/10_patent_records.sql',
    checks: 'microdata/checks/patent_records.sql',
    aggregates: ['microdata/15_patent_cube.sql', 'microdata/20_patent_yearly.sql', 'microdata/21_patent_aggregates.sql'],
    cube: { table: 'patent_cube', cached: 'microdata/cache/patent_cube.sql' },
  },
  {
    name: 'transfer_records',
    columns: { patent_id: 'VARCHAR', region_code: 'VARCHAR', year: 'INTEGER', kind: 'VARCHAR', value: 'DECIMAL(18, 2)' },
    expected: { year, value: `${money}, or empty` },
    view: 'microdata/11_transfer_records.sql',
    checks: 'microdata/checks/transfer_records.sql',
    aggregates: ['microdata/22_transfer_yearly.sql', 'microdata/23_transfer_aggregates.sql'],
  },
  {
    name: 'pledge_records',
    columns: { pledge_id: 'VARCHAR', patent_ids: 'VARCHAR', region_code: 'VARCHAR', year: 'INTEGER', amount: 'DECIMAL(18, 2)' },
    expected: { year, amount: money },
    view: 'microdata/12_pledge_records.sql',
    checks: 'microdata/checks/pledge_records.sql',
    aggregates: ['microdata/24_pledge_yearly.sql', 'microdata/25_pledge_aggregates.sql'],
  },
];

/** The dataset a file or folder name stands for (`patent_records.csv` -> patent_records), if any. */
export function microdataDatasetOf(entry: string): MicrodataDataset | undefined {
  const lower = entry.toLowerCase();
  return microdataDatasets.find((d) => [d.name, `${d.name}.csv`, `${d.name}.parquet`].includes(lower));
}
