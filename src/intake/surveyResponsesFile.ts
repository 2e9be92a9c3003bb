import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The names a survey's respondent file may have: CSV, or Parquet as warehouses export it. */
export const responsesFileNames = ['responses.csv', 'responses.parquet'] as const;
export type ResponsesFileName = (typeof responsesFileNames)[number];

/**
 * The respondent file of a survey folder: responses.csv or responses.parquet; 'both' when the
 * folder holds the two (which would be read is not for ipindex to guess), null when neither.
 */
export async function surveyResponsesFile(dir: string): Promise<ResponsesFileName | 'both' | null> {
  const present = (
    await Promise.all(
      responsesFileNames.map(async (name) =>
        (await stat(join(dir, name)).then(
          (s) => s.isFile(),
          () => false,
        ))
          ? name
          : null,
      ),
    )
  ).filter((n) => n !== null);
  return present.length === 2 ? 'both' : (present[0] ?? null);
}
