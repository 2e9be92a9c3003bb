import { basename, resolve } from 'node:path';
import { UsageError } from '../../lib/InputError.ts';
import { type Command, oneFolder } from '../CommandRun.ts';

/** `ipindex estimate <survey-dir> --out <dir>`: a survey's estimates into <dir>/estimates.csv. */
export const estimateCommand: Command = async ({ args, values, write }) => {
  const survey = oneFolder('estimate', args);
  if (values.out === undefined) throw new UsageError('estimate needs --out <dir>, the folder estimates.csv goes to');
  write(`ipindex estimate ${survey} --out ${values.out}`);
  const { estimateSurvey } = await import('../../survey/estimateSurvey.ts');
  const { writeEstimates } = await import('../../survey/writeEstimates.ts');
  const { describeSurvey } = await import('../../survey/describeSurvey.ts');
  const result = await estimateSurvey(survey, survey, basename(resolve(survey)));
  const path = await writeEstimates(values.out, result.estimates);
  for (const line of describeSurvey(result)) write(line);
  write(`wrote ${path}`);
  return 0;
};
