import { UsageError } from '../../lib/InputError.ts';
import { type Command } from '../CommandRun.ts';

/** `ipindex import <file> --map <map.yaml> --out <file.csv>`: a yearbook sheet or an extract as a long observation file, or a register's file as the register wants it. */
export const importCommand: Command = async ({ args, values, write }) => {
  if (args.length !== 1 || args[0] === undefined)
    throw new UsageError(`import takes one file, got ${args.length === 0 ? 'none' : args.join(' ')}`);
  if (values.map === undefined || values.out === undefined) throw new UsageError('import needs --map <map.yaml> and --out <file.csv>');
  write(`ipindex import ${args[0]} --map ${values.map} --out ${values.out}`);
  // Loaded when used: the spreadsheet and browser libraries take a while to load, and a
  // build should not wait for them.
  const { importRegister, isRegisterMap } = await import('../../enterprises/importRegister.ts');
  if (await isRegisterMap(values.map)) {
    const imported = await importRegister({ source: args[0], map: values.map, out: values.out });
    write(
      `wrote ${imported.out}: ${imported.records} records of ${imported.register}.csv (${imported.columns.join(', ')}); the build checks them against the rest of the register`,
    );
    return 0;
  }
  const { importFile } = await import('../../import/importFile.ts');
  const { describeImport } = await import('../../import/describeImport.ts');
  const result = await importFile({
    source: args[0],
    map: values.map,
    out: values.out,
    ...(values.data === undefined ? {} : { data: values.data }),
  });
  for (const line of describeImport(result, values.out)) write(line);
  return 0;
};
