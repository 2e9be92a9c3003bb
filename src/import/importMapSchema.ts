import { z } from 'zod';

const text = z.string().trim().min(1);

/**
 * The schema of an import map (`ipindex import --map`): which source column or sub-item is which
 * variable, where the year and the unit come from. A map with `item` reads a long source (one
 * row per region, year and sub-item, like the NBS extracts); one without reads a yearbook sheet
 * (one row per region, one column per item under a header block).
 */
export const importMapSchema = z.strictObject({
  /** The worksheet of an .xlsx file: its name or its number (1 = the first). */
  sheet: z.union([text, z.number().int().min(1)]).optional(),
  /** A year, `title` (the year written in the sheet's title), or `{column: 年份}`. */
  year: z.union([z.number().int().min(1900).max(2100), z.literal('title'), z.strictObject({ column: text })]).optional(),
  /** The unit of the values when the source does not say (no unit row, no unit column). */
  unit: text.optional(),
  /** The header of the column naming the regions (found from the names when not given). */
  region: text.optional(),
  /** Long sources: the column of sub-items that `variables` picks from (e.g. chn_block4). */
  item: text.optional(),
  /** Long sources: the column of values. */
  value: text.default('value'),
  /** Long sources: only the rows of these years (both ends included); rows of other years are not picked. */
  years: z
    .strictObject({ from: z.number().int().min(1900).max(2100), to: z.number().int().min(1900).max(2100) })
    .refine((y) => y.from <= y.to, 'from no later than to')
    .optional(),
  /** Long sources: the column of units, if any. */
  unit_column: text.optional(),
  /** variable -> the header text of its column (a sheet) or its sub-item (a long source). */
  variables: z
    .record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'a variable name of lower-case letters, digits and _'), text)
    .refine((v) => Object.keys(v).length > 0, 'at least one variable'),
});

/** An import map as read and checked. */
export type ImportMap = z.infer<typeof importMapSchema>;
