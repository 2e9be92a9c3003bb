import type { Design } from './designSchema.ts';

/** A column of survey_units that comes from a column of responses.csv. */
export type ResponseColumn = { name: string; source: string; type: 'DOUBLE' | 'VARCHAR' };

/**
 * The wide table of respondents (survey_units) that both readers of responses.csv fill and
 * every estimator reads: one row per respondent, one column per design or analysis column, so
 * that an estimate is a single grouped pass over it (src/survey/cellSums.ts,
 * influenceSums.ts) rather than joins of long tables. Columns get positional names (y0, d0,
 * ...) so that any header works; `analysis`, `domains`, `margins` and `replicates` map
 * responses.csv's names to them.
 *
 *   (rowid)               the respondent's number: its place in the file, 0 for the first
 *   source_row            its row in responses.csv, for messages (the careful reader's: the
 *                         fast one sends any problem to it)
 *   stratum               the first-stage stratum ('' when unstratified)
 *   c1 .. cK              the cluster of each stage as a path (stratum and the ids above it), so
 *                         that it is unique however the file numbers its clusters
 *   cluster, parent       the innermost cluster (NULL when respondents are sampled directly) and
 *                         the cluster a stage up it was sampled within (NULL: the stratum)
 *   fpc1 .. fpcK          each stage's finite population correction as given
 *   base_weight, weight   the sampling weight, and the weight estimates use (calibrated)
 *   y0 ..                 the analysis columns (design.yaml's of and denominator)
 *   d0 ..                 the domain columns (by); NULL when empty, the respondent in no domain
 *   m0 ..                 the calibration margins' categories
 *   r1 ..                 the replicate weights
 */
export type ResponseTable = {
  stages: number;
  analysis: Map<string, string>;
  domains: Map<string, string>;
  margins: Map<string, string>;
  replicates: string[];
  /** The columns read from responses.csv, in survey_units' order after the fixed ones. */
  columns: ResponseColumn[];
  ddl: string;
};

export function responseTable(design: Design, replicateColumns: readonly string[]): ResponseTable {
  const named = (prefix: string, sources: readonly string[]) => new Map(sources.map((source, i) => [source, `${prefix}${i}`]));
  const analysis = named('y', [
    ...new Set(design.estimates.flatMap((e) => [...e.of, ...(e.denominator === undefined ? [] : [e.denominator])])),
  ]);
  const domains = named('d', [...new Set(design.estimates.flatMap((e) => (e.by === undefined ? [] : [e.by])))]);
  const margins = named('m', Object.keys(design.calibrate?.margins ?? {}));
  const stages = design.ids.length;
  const columns: ResponseColumn[] = [
    ...design.ids.map((source, i): ResponseColumn => ({ name: `c${i + 1}`, source, type: 'VARCHAR' })),
    ...(design.fpc ?? []).map((source, i): ResponseColumn => ({ name: `fpc${i + 1}`, source, type: 'DOUBLE' })),
    ...[...analysis].map(([source, name]): ResponseColumn => ({ name, source, type: 'DOUBLE' })),
    ...[...domains].map(([source, name]): ResponseColumn => ({ name, source, type: 'VARCHAR' })),
    ...[...margins].map(([source, name]): ResponseColumn => ({ name, source, type: 'VARCHAR' })),
    ...replicateColumns.map((source, i): ResponseColumn => ({ name: `r${i + 1}`, source, type: 'DOUBLE' })),
  ];
  const ddl = `CREATE TABLE survey_units (
    source_row INTEGER, stratum VARCHAR NOT NULL, cluster VARCHAR, parent VARCHAR, base_weight DOUBLE, weight DOUBLE${columns.map((c) => `, ${c.name} ${c.type}`).join('')}
  )`;
  return { stages, analysis, domains, margins, replicates: replicateColumns.map((_, i) => `r${i + 1}`), columns, ddl };
}

/**
 * The SQL expressions of the cluster paths c1 .. cK from the trimmed ids (`id(k)`), the
 * stratum's (`stratum`) and whether ids repeat across strata (nest): c1 is the stratum and the
 * first id when nested, else the id; each later stage adds its id to the path above it.
 */
export function clusterPaths(stages: number, nest: boolean, stratum: string, id: (k: number) => string): string[] {
  const paths: string[] = [];
  for (let k = 1; k <= stages; k++)
    paths.push(k === 1 ? (nest ? `${stratum} || chr(1) || ${id(1)}` : id(1)) : `${paths[k - 2]} || chr(1) || ${id(k)}`);
  return paths;
}
