import { z } from 'zod';

/**
 * The schema of `method.yaml`: every key optional, defaults filled in. Unknown keys are errors,
 * since a misspelt key silently ignored would change a published ranking without anyone noticing.
 */
export const methodSchema = z
  .object({
    normalise: z
      .object({
        method: z.enum(['minmax']).default('minmax'),
        lower: z.number().default(0),
        upper: z.number().default(100),
        over: z.enum(['year', 'all']).default('year'),
      })
      .strict()
      .refine((n) => n.upper > n.lower, { message: 'upper must be greater than lower', path: ['upper'] })
      .default({ method: 'minmax', lower: 0, upper: 100, over: 'year' }),
    aggregate: z
      .object({
        method: z.enum(['arithmetic']).default('arithmetic'),
      })
      .strict()
      .default({ method: 'arithmetic' }),
    report: z
      .object({
        // Shows the banner "illustrative sample data, not official statistics" on every page.
        sample_data: z.boolean().default(false),
      })
      .strict()
      .default({ sample_data: false }),
  })
  .strict();

/** The resolved method: what a build actually used, written to the manifest. */
export type Method = z.output<typeof methodSchema>;
