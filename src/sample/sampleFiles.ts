import type { CodebookVariable, SampleTable } from './types.ts';

/** One file of the sample: its name in the data directory and its full text. */
export interface SampleFile {
  name: string;
  text: string;
}

// Protection is written long, as registry extracts come, to exercise the long-file intake.
const LONG_DATASETS = new Set(['protection']);
// Yearbooks print missing cells as a dash, spreadsheets leave them empty: the sample has both.
const MISSING_MARKERS: Readonly<Record<string, string>> = { transfers: '—' };

/**
 * Renders the sample tables as CSV files, `<dataset>.csv`: wide, or long with the codebook
 * unit for the datasets that come long; UTF-8 text with LF line endings.
 */
export function sampleFiles(tables: readonly SampleTable[], variables: readonly CodebookVariable[]): SampleFile[] {
  const unitOf = new Map(variables.map((v) => [v.variable, v.unit]));
  return tables.map((table) => {
    const marker = MISSING_MARKERS[table.dataset] ?? '';
    const cell = (value: number | null | undefined): string => (value === null || value === undefined ? marker : String(value));
    const lines = LONG_DATASETS.has(table.dataset)
      ? [
          'region_code,year,variable,value,unit',
          ...[...table.rows, ...(table.national ?? [])].flatMap((row) =>
            table.variables.map((v) => [row.region_code, row.year, v, cell(row.values[v]), unitOf.get(v)].join(',')),
          ),
        ]
      : [
          ['region_code', 'year', ...table.variables].join(','),
          ...[...table.rows, ...(table.national ?? [])].map((row) =>
            [row.region_code, row.year, ...table.variables.map((v) => cell(row.values[v]))].join(','),
          ),
        ];
    return { name: `${table.dataset}.csv`, text: lines.join('\n') + '\n' };
  });
}
