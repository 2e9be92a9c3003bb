import { compileFormula } from '../lib/formula.ts';
import { quotedIdentifier } from '../database/openDatabase.ts';
import type { Indicator } from '../dataDir/DataDir.ts';

/**
 * The wide table a compiled formula reads and the long table it creates (names of ours, never
 * user-given); `keys` are further key columns of the wide table before region and year (the
 * key of queries/indicators/60_perturbed_wide.sql: an interval bound, a Monte Carlo run), carried through.
 */
export type IndicatorTables = { source: string; target: string; keys?: readonly string[] };

/**
 * The SQL that computes every indicator of the framework from a wide table (`observations_wide`
 * for the regions, `national_wide` for the nation): one column per compiled formula, then
 * unpivoted to one row per region, year and indicator. `lag(x)` reads the same region's row of
 * the previous calendar year, so a gap year gives NULL, not an older value. Written next to the
 * results so that each indicator's SQL can be read as it ran.
 */
export function compileIndicators(
  indicators: readonly Indicator[],
  tables: IndicatorTables = { source: 'observations_wide', target: 'indicator_values' },
): string {
  const { source, target } = tables;
  const keys = tables.keys ?? [];
  const columns = indicators.map((indicator) => {
    const sql = compileFormula(indicator.ast, {
      current: (variable) => `cur.${quotedIdentifier(variable)}`,
      previous: (variable) => `prev.${quotedIdentifier(variable)}`,
    });
    return `    CAST(${sql} AS DOUBLE) AS ${quotedIdentifier(indicator.code)}`;
  });
  return [
    '-- Indicator values: each formula of framework.csv compiled to SQL (src/lib/formula.ts).',
    `-- From ${source}; cur is the region-year, prev the same region a year earlier.`,
    '',
    `CREATE TABLE ${target} AS`,
    `SELECT ${[...keys, 'region_code'].join(', ')}, year, indicator, value`,
    'FROM (',
    '  SELECT',
    ...keys.map((key) => `    cur.${key},`),
    '    cur.region_code,',
    '    cur.year,',
    columns.join(',\n'),
    `  FROM ${source} AS cur`,
    `  LEFT JOIN ${source} AS prev`,
    `    ON ${keys.map((key) => `prev.${key} = cur.${key} AND `).join('')}prev.region_code = cur.region_code AND prev.year = cur.year - 1`,
    ')',
    `UNPIVOT INCLUDE NULLS (value FOR indicator IN (${indicators.map((i) => quotedIdentifier(i.code)).join(', ')}));`,
    '',
  ].join('\n');
}
