import { z } from 'zod';

/** R's options for a stratum with a single PSU (survey.lonely.psu). */
export const lonelyPsuOptions = ['fail', 'certainty', 'remove', 'adjust', 'average'] as const;
/** Replicate-weight types, as R's svrepdesign names them. */
export const replicateTypes = ['JK1', 'JKn', 'BRR', 'Fay', 'bootstrap', 'ACS', 'successive-difference'] as const;
export const statistics = ['mean', 'total', 'ratio'] as const;

const columnName = z.string().min(1, 'a column of responses.csv');
const columns = z.union([columnName.transform((c) => [c]), z.array(columnName)]);
const variableName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a variable name of lower-case letters, digits and _');

/**
 * The schema of a survey's `design.yaml`: its keys are those of R's svydesign and svrepdesign
 * (and Stata's svyset), so that a survey statistician recognises them. Unknown keys are errors.
 */
export const designSchema = z
  .object({
    // The survey's year, or the column that gives each respondent's: one file holding several
    // waves, each estimated as the sample of its year.
    year: z.union([z.number().int().min(1900).max(2100), columnName]),
    ids: columns.default([]),
    strata: columnName.optional(),
    weights: columnName.optional(),
    probs: columnName.optional(),
    fpc: columns.optional(),
    nest: z.boolean().default(false),
    lonely_psu: z.enum(lonelyPsuOptions).default('fail'),
    replicate: z
      .object({
        columns,
        type: z.enum(replicateTypes),
        scale: z.number().positive().nullable().default(null),
        rscales: z
          .union([z.number().positive(), z.array(z.number().positive())])
          .nullable()
          .default(null),
        rho: z.number().min(0).max(1).default(0),
        mse: z.boolean().default(false),
      })
      .strict()
      .optional(),
    calibrate: z
      .object({
        method: z.enum(['poststratify', 'rake', 'linear']),
        margins: z.record(z.string(), z.string().min(1, 'a CSV file of category, total')),
      })
      .strict()
      .optional(),
    estimates: z
      .array(
        z
          .object({
            // A list of variables with a list of columns (of the same length) is one estimate of
            // several columns, as R's svytotal(~a + b): na.rm then keeps the respondents who
            // answered all of them.
            variable: z.union([variableName, z.array(variableName).min(1)]),
            statistic: z.enum(statistics),
            of: columns,
            denominator: columnName.optional(),
            by: columnName.optional(),
          })
          .strict(),
      )
      .min(1, 'at least one estimate')
      .superRefine((estimates, context) => {
        estimates.forEach((e, i) => {
          const names = typeof e.variable === 'string' ? [e.variable] : e.variable;
          if (names.length !== e.of.length)
            context.addIssue({ code: 'custom', path: [i, 'variable'], message: `as many variables as columns in of (${e.of.length})` });
          if ((e.statistic === 'ratio') !== (e.denominator !== undefined))
            context.addIssue({ code: 'custom', path: [i, 'denominator'], message: 'a denominator with statistic ratio, and only then' });
        });
      }),
    disclosure: z
      .object({
        min_respondents: z.number().int().min(0).default(0),
        // The (n, k) rule: a total whose n largest contributions make more than k of it.
        dominance: z
          .object({ n: z.number().int().min(1), k: z.number().gt(0).max(1) })
          .strict()
          .optional(),
      })
      .strict()
      .prefault({}),
    quality: z
      .object({
        // Upper bounds of the CV bands of the letters A to D, in percent; E is the rest.
        bands: z.array(z.number().positive()).length(4).default([5, 10, 16.5, 33.3]),
        publish_e: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Design = z.infer<typeof designSchema>;
