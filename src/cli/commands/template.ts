import { UsageError } from '../../lib/InputError.ts';
import { type Command } from '../CommandRun.ts';

/** `ipindex template institutions --out <form.xlsx>`: the annual reporting form of universities and institutes. */
export const templateCommand: Command = async ({ args, values, write }) => {
  if (args[0] !== 'institutions' || args.length !== 1)
    throw new UsageError(
      `template makes the form of the institutions' reports: ipindex template institutions --out form.xlsx, got ${args.join(' ') || 'nothing'}`,
    );
  if (values.out === undefined) throw new UsageError('template needs --out <form.xlsx>');
  const lang = values.lang === undefined ? 'zh' : values.lang;
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, got ${lang}`);
  const { writeReportForm } = await import('../../institutions/writeReportForm.ts');
  // The term N of the untransformed patents is the data directory's method.yaml's, when given.
  const { loadDataDir } = await import('../../intake/loadDataDir.ts');
  const years = values.data === undefined ? 3 : (await loadDataDir(values.data, values.data)).method.institutions.untransformed_years;
  await writeReportForm(values.out, lang, years);
  write(
    `wrote ${values.out}: the annual reporting form (${lang === 'zh' ? 'Chinese' : 'English'}), untransformed patents counted from ${years} years after grant`,
  );
  return 0;
};
