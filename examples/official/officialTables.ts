import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/cli.ts';

/** The folder of the official-data edition. */
export const officialDir = fileURLToPath(new URL('./', import.meta.url));

/**
 * The ten official tables the edition uses (raw/, copied unchanged from the source: README.md)
 * with the import map that reads each (maps/) and the observation file it becomes (data/).
 */
export const officialTables = [
  { raw: 'RDActivity.csv', map: 'rd-activity.yaml', out: 'rd_activity.csv' },
  { raw: 'RDSource.csv', map: 'rd-source.yaml', out: 'rd_source.csv' },
  { raw: 'RDIntense.csv', map: 'rd-intensity.yaml', out: 'rd_intensity.csv' },
  { raw: 'RDLaborHour.csv', map: 'rd-personnel.yaml', out: 'rd_personnel.csv' },
  { raw: 'RDPatentAccept.csv', map: 'patent-applications.yaml', out: 'patent_applications.csv' },
  { raw: 'RDPatentAuthority.csv', map: 'patent-grants.yaml', out: 'patent_grants.csv' },
  { raw: 'RDPatentValid.csv', map: 'patents-in-force.yaml', out: 'patents_in_force.csv' },
  { raw: 'MarketPush.csv', map: 'technology-outflow.yaml', out: 'technology_outflow.csv' },
  { raw: 'MarketPull.csv', map: 'technology-inflow.yaml', out: 'technology_inflow.csv' },
  { raw: 'PublicBudget.csv', map: 'public-budget.yaml', out: 'public_budget.csv' },
] as const;

/**
 * Imports every table through `ipindex import` into the observation files of `dataDir` (which
 * holds the edition's regions.csv and variables.csv). Returns the exit code of the first import
 * that fails, else 0.
 */
export async function importOfficialTables(dataDir: string, write: (line: string) => void = console.log): Promise<number> {
  for (const table of officialTables) {
    const code = await main(
      [
        'import',
        join(officialDir, 'raw', table.raw),
        '--map',
        join(officialDir, 'maps', table.map),
        '--data',
        dataDir,
        '--out',
        join(dataDir, table.out),
      ],
      write,
      write,
    );
    if (code !== 0) return code;
  }
  return 0;
}
