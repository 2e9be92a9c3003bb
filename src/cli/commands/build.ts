import { UsageError } from '../../lib/InputError.ts';
import { type Command, oneFolder, warehouseArg, warehouseOption } from '../CommandRun.ts';

/** `ipindex build <data-dir> --out <dir>`: the pipeline and the report, into --out only when it succeeds. */
export const buildCommand: Command = async ({ args, values, write, log }) => {
  const warehouse = warehouseOption(values);
  const data = oneFolder('build', args);
  if (values.out === undefined) throw new UsageError('build needs --out <dir>, the folder the report goes to');
  write(`ipindex build ${data} --out ${values.out}${warehouseArg(warehouse)}`);
  const start = performance.now();
  const { build } = await import('../../build/build.ts');
  const result = await build({
    dataDir: data,
    outDir: values.out,
    log,
    note: (line) => write(`  note: ${line}`),
    site: !values['no-site'],
    ...(warehouse === undefined ? {} : { warehouse }),
  });
  write(
    `done in ${((performance.now() - start) / 1000).toFixed(1)} s: ${values.out}${values['no-site'] ? '/data' : '/index.html'} (${result.years[0]}-${result.years.at(-1)})`,
  );
  return 0;
};
