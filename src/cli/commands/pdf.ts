import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../lib/InputError.ts';
import { type Command, oneFolder } from '../CommandRun.ts';

/** `ipindex pdf <dir>`: a built report printed to <dir>/report.pdf (report-en.pdf in English). */
export const pdfCommand: Command = async ({ args, values, write, writeError }) => {
  const folder = oneFolder('pdf', args);
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en')
    throw new UsageError(`--lang ${values.lang} is not a language of the report (zh or en)`);
  const hasReport = await access(join(folder, 'report', 'index.html')).then(
    () => true,
    () => false,
  );
  if (!hasReport)
    throw new UsageError(`${folder} has no report/index.html: build the report first (ipindex build <data-dir> --out ${folder})`);
  write(`ipindex pdf ${folder}`);
  const { ChromiumNotFound, writePdf } = await import('../../pdf/pdf.ts');
  try {
    const pdf = await writePdf(folder, { lang: values.lang === 'en' ? 'en' : 'zh' });
    write(`wrote ${join(folder, 'report.pdf')} (${Math.ceil(pdf.bytes / 1024)} KB)`);
  } catch (error) {
    if (!(error instanceof ChromiumNotFound)) throw error;
    writeError(`ipindex: ${error.message}`);
    return 1;
  }
  return 0;
};
