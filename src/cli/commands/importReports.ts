import { UsageError } from '../../lib/InputError.ts';
import { type Command } from '../CommandRun.ts';

/** `ipindex import-reports <folder> --out <reports.csv>`: every filled form in a folder as one file of reports. */
export const importReportsCommand: Command = async ({ args, values, write }) => {
  if (args.length !== 1 || args[0] === undefined)
    throw new UsageError(`import-reports takes one folder of filled forms, got ${args.length === 0 ? 'none' : args.join(' ')}`);
  if (values.out === undefined) throw new UsageError('import-reports needs --out <data-dir>/institutions/reports.csv');
  const { importReports } = await import('../../institutions/importReports.ts');
  const result = await importReports(args[0], values.out);
  write(
    `wrote ${result.out}: ${result.reports} reports (${result.corrected} corrected) from ${result.forms} files, ${result.values} values`,
  );
  const years = [...new Set(result.missing.map((m) => m.year))];
  for (const year of years) {
    const ids = result.missing.filter((m) => m.year === year).map((m) => m.institution);
    write(
      `  not reported for ${year}: ${ids.length} institution${ids.length === 1 ? '' : 's'} of the register (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', ...' : ''})`,
    );
  }
  return 0;
};
