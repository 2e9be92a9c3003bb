import { z } from 'zod';

/** Normalisation methods (queries/composite/50_normalised_methods.sql says what each computes). */
export const normalisationMethods = ['minmax', 'zscore', 'rank', 'percentile', 'distance_to_max', 'target', 'reference', 'borda', 'fraction_of_max'] as const;
/**
 * How children aggregate into their parent: weighted means and the Mazziotta-Pareto index
 * (queries/composite/01_weighted_mean.sql), Copeland's rule (63_copeland_level.sql), or benefit of
 * the doubt (63_bod_level.sql).
 */
export const aggregationMethods = ['arithmetic', 'geometric', 'harmonic', 'generalised', 'copeland', 'mpi', 'bod'] as const;
/** The aggregations the uncertainty runs can redo: those that weigh children by the weights they perturb. */
const meanMethods = ['arithmetic', 'geometric', 'harmonic', 'generalised'] as const;

const share = (what: string) => z.number().min(0, `${what} from 0 to 1`).max(1, `${what} from 0 to 1`);
const wholeNumber = (min: number, max: number) =>
  z.number().refine((n) => Number.isInteger(n) && n >= min && n <= max, `a whole number from ${min} to ${max}`);

/**
 * The schema of `method.yaml`: every key optional, defaults filled in. Unknown keys are errors,
 * since a misspelt key silently ignored would change a published ranking without anyone noticing.
 */
export const methodSchema = z
  .object({
    // The composite engine, step by step (DESIGN.md, "Composite engine"; queries/composite/).
    screen: z
      .object({
        // Least share of the indicators a region must have in a year to be scored that year.
        regions: share('a share').default(0),
        // Least share of the regions an indicator must cover in a year to count that year.
        indicators: share('a share').default(0),
        // raw: screen before imputation (screened regions feed no group means); imputed: after (COINr's example).
        on: z.enum(['raw', 'imputed']).default('raw'),
      })
      .strict()
      .prefault({}),
    impute: z
      .object({
        // group_* use the zone of regions.csv; latest and linear use the region's other years.
        method: z.enum(['none', 'mean', 'median', 'group_mean', 'group_median', 'latest', 'linear']).default('none'),
      })
      .strict()
      .prefault({}),
    treat: z
      .object({
        method: z.enum(['none', 'winsorise']).default('none'),
        winmax: wholeNumber(0, 1000).default(5),
        skew: z.number().positive('a threshold above 0').default(2),
        kurtosis: z.number().default(3.5),
        // If winsorising up to winmax points does not pass, log-transform the original values.
        log: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    normalise: z
      .object({
        method: z.enum(normalisationMethods).default('minmax'),
        // The bounds of the min-max family (minmax, percentile, distance_to_max, target).
        lower: z.number().optional(),
        upper: z.number().optional(),
        over: z.enum(['year', 'all']).default('year'),
        // zscore: the mean and standard deviation the scores are given (COINr's m_sd).
        mean: z.number().default(0),
        sd: z.number().gt(0, 'a standard deviation above 0').default(1),
      })
      .strict()
      .superRefine((n, context) => {
        // zscore has no bounds: given, they would be ignored while the log claimed them.
        for (const key of ['lower', 'upper'] as const) {
          if (n.method === 'zscore' && n[key] !== undefined) context.addIssue({ code: 'custom', path: [key], message: `no ${key} for zscore, whose scores are not bounded: give its mean and sd instead (0 and 1 unless set)` });
        }
      })
      .transform((n) => ({ ...n, lower: n.lower ?? 0, upper: n.upper ?? 100 }))
      .refine((n) => n.upper > n.lower, { message: 'upper must be greater than lower', path: ['upper'] })
      .default({ method: 'minmax', lower: 0, upper: 100, over: 'year', mean: 0, sd: 1 }),
    weights: z
      .object({
        // pca: squared loadings of the first principal component of each parent's children;
        // pca_signed: the loadings themselves (COINr's get_PCA), a child against its siblings below 0.
        method: z.enum(['framework', 'equal', 'pca', 'pca_signed']).default('framework'),
      })
      .strict()
      .prefault({}),
    aggregate: z
      .object({
        method: z.enum(aggregationMethods).default('arithmetic'),
        // The exponent of the generalised mean (1 is the arithmetic mean, -1 the harmonic).
        power: z.number().refine((p) => p !== 0, 'a power other than 0 (0 is the geometric mean: use method geometric)').default(2),
        // Another method for some levels, e.g. {3: geometric}; a level not listed uses method.
        levels: z
          .record(z.string(), z.enum(aggregationMethods))
          .superRefine((levels, context) => {
            for (const level of Object.keys(levels).filter((l) => !/^[2-9]$|^[1-9][0-9]+$/.test(l))) {
              context.addIssue({ code: 'custom', path: [level], message: 'levels of 2 or more only (level 1 holds the indicators, which are not aggregated)' });
            }
          })
          .default({}),
      })
      .strict()
      .prefault({}),
    // What "100%" means for normalisation by reference and for performance groups: the mean or
    // median of the regions in the year, national (the nation's value from the national totals,
    // rows 全国), or one region's code.
    reference: z.string().min(1, 'mean, median, national or a region_code').default('mean'),
    // Performance groups by the index as a percentage of the reference: leaders above `leaders`,
    // strong from `strong`, moderate from `moderate`, emerging below.
    groups: z
      .object({
        leaders: z.number().positive().default(125),
        strong: z.number().positive().default(100),
        moderate: z.number().positive().default(70),
      })
      .strict()
      .refine((g) => g.leaders > g.strong && g.strong > g.moderate, { message: 'leaders > strong > moderate', path: ['strong'] })
      .prefault({}),
    uncertainty: z
      .object({
        // Monte Carlo runs; 0 turns the analysis off.
        runs: wholeNumber(0, 100000).default(1000),
        seed: wholeNumber(0, 2 ** 31 - 1).default(1),
        // Each weight is drawn uniformly within +-weights of itself (0.25: +-25%).
        weights: z.number().min(0, 'a share from 0 to below 1').lt(1, 'a share from 0 to below 1').default(0.25),
        // The years analysed: the latest (the edition being published, as audits of composite
        // indices do) or every year; each year costs as much as the latest.
        years: z.enum(['latest', 'all']).default('latest'),
        // Methods drawn from at each run (a run's aggregation serves every level); absent: only
        // normalise.method, and each level's method of aggregate.
        normalise: z.array(z.enum(normalisationMethods)).min(1).optional(),
        aggregate: z.array(z.enum(aggregationMethods)).min(1).optional(),
        // Each run also draws every survey estimate that feeds an indicator from its sampling
        // distribution (normal, its standard error), so that the bands include sampling error;
        // the bands without it are published beside them. false: design choices only.
        sampling: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    // The effect of GB/T 29490 certification on the certified enterprises' outcomes
    // (queries/enterprises/5*: a staggered-adoption difference in differences), when the data
    // directory's enterprises/ folder has outcomes.csv.
    enterprises: z
      .object({
        effect: z
          .object({
            // Enterprises compared with a cohort: those not yet certified by the year (and never
            // certified), or the never certified only.
            control: z.enum(['not_yet_treated', 'never_treated']).default('not_yet_treated'),
            // Compare within cells of these register columns only (parallel trends within them).
            within: z.array(z.enum(['region_code', 'industry', 'size'])).default([]),
            // Bootstrap replications for the standard errors and bands (0: none), the groups
            // the enterprises are dealt into at random for resampling, and the seed.
            bootstrap: wholeNumber(0, 100000).default(999),
            groups: wholeNumber(2, 100000).default(200),
            seed: wholeNumber(0, 2 ** 31 - 1).default(1),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    // The IP transfer reports of universities and research institutes (institutions/;
    // queries/institutions/): what an error in a report does (stop the build, or flag it: list
    // it on the page and in the manifest and keep the report), the share by which patents held
    // may exceed those of the year before plus the grants (lapses counted late), and N, the
    // years after grant from which a state-funded patent never transformed is counted as
    // untransformed (the form's label says N), and the deadline of the reports.
    institutions: z
      .object({
        checks: z.enum(['stop', 'flag']).default('stop'),
        stock_tolerance: z.number().min(0, 'a share of 0 or more, such as 0.05').max(1, 'a share of at most 1').default(0.05),
        untransformed_years: wholeNumber(1, 50).default(3),
        // The day of the year after the year reported by which a report is due (MM-DD): one
        // filed later is late, listed as such.
        deadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'a day of the year as MM-DD, such as 03-31').default('03-31'),
      })
      .strict()
      .prefault({}),
    // IP products in the national accounts (queries/accounts/); the definitions are in the SQL headers.
    accounts: z
      .object({
        depreciation: z.number().gt(0, 'a rate above 0 and below 1').lt(1, 'a rate above 0 and below 1').default(0.15),
        // Keys are checked against regions.csv when the accounts run (100000 is the nation).
        depreciation_by_region: z.record(z.string(), z.number().gt(0, 'a rate above 0 and below 1').lt(1, 'a rate above 0 and below 1')).default({}),
        capitalisation_share: z.number().gt(0, 'a share above 0, at most 1').max(1, 'a share above 0, at most 1').default(1),
        growth_years: z.number().refine((n) => Number.isInteger(n) && n >= 1, 'a whole number of years, 1 or more').default(5),
        // null: the first year with R&D expenditure.
        base_year: z.number().refine((n) => Number.isInteger(n) && n >= 1900 && n <= 2200, 'a year such as 2014').nullable().default(null),
        price_index: z.string().min(1).default('gdp_deflator'),
        // null: no other changes in volume (zero).
        other_volume_changes: z.string().min(1).nullable().default(null),
        national_check: z
          .object({
            tolerance: z.number().min(0, 'a relative difference of 0 or more, e.g. 0.005').default(0.005),
            on_break: z.enum(['error', 'footnote']).default('error'),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    report: z
      .object({
        // Shows the banner "illustrative sample data, not official statistics" on every page.
        sample_data: z.boolean().default(false),
        // What the framework covers and leaves out, in both languages: the methodology page says it above the framework.
        scope: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict().optional(),
      })
      .strict()
      .default({ sample_data: false }),
  })
  .strict()
  .superRefine((method, context) => {
    // Geometric, harmonic and negative-power means are undefined for negative scores.
    // So is benefit of the doubt: data envelopment analysis weighs scores of 0 or more.
    const needsPositive = (m: (typeof aggregationMethods)[number]) =>
      m === 'geometric' || m === 'harmonic' || m === 'bod' || (m === 'generalised' && method.aggregate.power < 0);
    const mayBeNegative = (n: (typeof normalisationMethods)[number]) =>
      n === 'zscore' || (['minmax', 'percentile', 'distance_to_max', 'target'].includes(n) && method.normalise.lower < 0);
    const aggregations = [
      { path: ['aggregate', 'method'], methods: [method.aggregate.method] },
      ...Object.entries(method.aggregate.levels).map(([level, m]) => ({ path: ['aggregate', 'levels', level], methods: [m] })),
      { path: ['uncertainty', 'aggregate'], methods: method.uncertainty.aggregate ?? [] },
    ];
    // Copeland's rule ranks regions against each other, BoD chooses each region's weights and MPI
    // takes none: the Monte Carlo runs, which perturb the weights of means, cannot redo them.
    const levelMethods = [method.aggregate.method, ...Object.values(method.aggregate.levels)];
    const notMeans = levelMethods.filter((m) => !(meanMethods as readonly string[]).includes(m));
    for (const m of (method.uncertainty.aggregate ?? []).filter((a) => !(meanMethods as readonly string[]).includes(a))) {
      context.addIssue({ code: 'custom', path: ['uncertainty', 'aggregate'], message: `weighted means only (arithmetic, geometric, harmonic, generalised): the uncertainty runs do not redo ${aggregationNames[m]}` });
    }
    if (notMeans.length > 0 && method.uncertainty.runs > 0) {
      context.addIssue({ code: 'custom', path: ['uncertainty', 'runs'], message: `0 with aggregate ${notMeans[0]}: the uncertainty runs perturb the weights of means and do not redo ${aggregationNames[notMeans[0]!]}` });
    }
    if (levelMethods.includes('copeland') && levelMethods.some((m) => needsPositive(m) || m === 'mpi' || m === 'bod')) {
      context.addIssue({ code: 'custom', path: ['aggregate'], message: 'arithmetic above a copeland level: Copeland scores run below 0, which geometric, harmonic and negative-power means, MPI and BoD cannot take' });
    }
    // Mazziotta and Pareto standardise first: their penalty, the coefficient of variation, needs
    // every indicator on one positive scale of equal spread (Compind: z-scores, mean 100, sd 10).
    if (levelMethods.includes('mpi') && (method.normalise.method !== 'zscore' || method.normalise.mean <= 0)) {
      const found = method.normalise.method === 'zscore' ? `zscore with mean ${method.normalise.mean}` : method.normalise.method;
      context.addIssue({ code: 'custom', path: ['normalise'], message: `zscore with a positive mean (Mazziotta and Pareto's mean 100, sd 10) for aggregate mpi, found ${found}: the index penalises each region's coefficient of variation, which needs every indicator on one positive scale` });
    }
    const normalisations = [method.normalise.method, ...(method.uncertainty.normalise ?? [])];
    const negative = normalisations.find(mayBeNegative);
    if (negative === undefined) return;
    for (const { path, methods } of aggregations) {
      const m = methods.find(needsPositive);
      if (m !== undefined) {
        const why = negative === 'zscore' ? 'normalise zscore gives negative scores' : `normalise ${negative} onto lower ${method.normalise.lower} gives negative scores`;
        context.addIssue({ code: 'custom', path, message: `arithmetic, since ${why} (geometric, harmonic and negative-power means, and BoD, need scores of 0 or more)` });
      }
    }
  });

/** The aggregations that are not means, by name, for the messages that refuse them somewhere. */
const aggregationNames: Record<(typeof aggregationMethods)[number], string> = {
  arithmetic: 'the arithmetic mean',
  geometric: 'the geometric mean',
  harmonic: 'the harmonic mean',
  generalised: 'the generalised mean',
  copeland: "Copeland's rule",
  mpi: 'the Mazziotta-Pareto index',
  bod: 'benefit of the doubt',
};

/** The resolved method: what a build actually used, written to the manifest. */
export type Method = z.output<typeof methodSchema>;
