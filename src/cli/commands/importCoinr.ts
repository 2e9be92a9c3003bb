import { UsageError } from '../../lib/InputError.ts';
import { type Command } from '../CommandRun.ts';

/** `ipindex import-coinr <iData.csv> <iMeta.csv> --out <dir>`: a COINr data set as a data directory. */
export const importCoinrCommand: Command = async ({ args, values, write }) => {
  const [iData, iMeta] = args;
  if (args.length !== 2 || iData === undefined || iMeta === undefined)
    throw new UsageError(`import-coinr takes two files, iData.csv and iMeta.csv, got ${args.length === 0 ? 'none' : args.join(' ')}`);
  if (values.out === undefined) throw new UsageError('import-coinr needs --out <dir>, the data directory to write');
  write(`ipindex import-coinr ${iData} ${iMeta} --out ${values.out}${values.group === undefined ? '' : ` --group ${values.group}`}`);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`--year ${values.year} is not a year`);
  const { importCoinr } = await import('../../coinr/importCoinr.ts');
  const result = await importCoinr({
    iData,
    iMeta,
    outDir: values.out,
    ...(values.group === undefined ? {} : { group: values.group }),
    ...(year === undefined ? {} : { year }),
  });
  write(
    `${values.out}: ${result.units} units, ${result.indicators} indicators, zones from ${result.group ?? 'no group column'}; build it with ipindex build ${values.out} --out <dir>`,
  );
  return 0;
};
