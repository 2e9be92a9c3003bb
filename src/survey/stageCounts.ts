import type { Database } from '../database/openDatabase.ts';

/**
 * Counts the sample at each stage of the design into survey_stage_counts (queries/survey/
 * 00_tables.sql): the PSUs of each stratum (each respondent is a PSU when the design has no
 * clusters), then the clusters of each stage within the cluster above; with each stage's fpc
 * and whether it is a sampling fraction (every value <= 1) rather than a population size.
 * Also the stage-1 clusters found in several strata (survey_unnested, unless ids nest) and each
 * innermost cluster's ancestors (survey_lineage), for clustered designs. The SQL is put
 * together here because survey_units has one column per stage (src/survey/responseTable.ts).
 */
export async function stageCounts(db: Database, stages: number, fpcs: number, nest: boolean): Promise<void> {
  const parentOf = (k: number) => (k === 1 ? 'stratum' : `c${k - 1}`);
  const fractions: Record<string, boolean | null> =
    fpcs === 0
      ? {}
      : ((
          await db.query<Record<string, boolean | null>>(
            `SELECT ${Array.from({ length: fpcs }, (_, i) => `bool_and(fpc${i + 1} <= 1) AS f${i + 1}`).join(', ')} FROM survey_units`,
          )
        )[0] ?? {});
  const fpc = (k: number) => (k <= fpcs ? `any_value(fpc${k})` : 'NULL');
  const fraction = (k: number) => (fractions[`f${k}`] === true ? 'true' : 'false');
  await db.exec(`INSERT INTO survey_stage_counts
    SELECT 1, stratum, NULL, ${stages === 0 ? 'count(*)' : 'count(DISTINCT c1)'}, ${fpc(1)}, ${fraction(1)}, min(source_row)
    FROM survey_units GROUP BY stratum`);
  for (let k = 2; k <= stages; k++) {
    await db.exec(`INSERT INTO survey_stage_counts
      SELECT ${k}, c${k - 1}, any_value(${parentOf(k - 1)}), count(DISTINCT c${k}), ${fpc(k)}, ${fraction(k)}, min(source_row)
      FROM survey_units GROUP BY c${k - 1}`);
  }
  if (stages > 0 && !nest) {
    await db.exec(`INSERT INTO survey_unnested
      SELECT c1, count(DISTINCT stratum), min(source_row) FROM survey_units GROUP BY c1 HAVING count(DISTINCT stratum) > 1`);
  }
  for (let k = 1; k <= stages; k++)
    await db.exec(`INSERT INTO survey_lineage SELECT DISTINCT cluster, ${k}, c${k}, ${parentOf(k)} FROM survey_units`);
}
