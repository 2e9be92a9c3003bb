import { type Command, oneFolder, warehouseArg, warehouseOption } from '../CommandRun.ts';

/** `ipindex check <data-dir>`: the whole pipeline without writing anything, the problems and the data quality reported. */
export const checkCommand: Command = async ({ args, values, write, log }) => {
  const warehouse = warehouseOption(values);
  const data = oneFolder('check', args);
  write(`ipindex check ${data}${warehouseArg(warehouse)}`);
  const { openDatabase } = await import('../../database/openDatabase.ts');
  const { loadDataDir } = await import('../../intake/loadDataDir.ts');
  const { countValues } = await import('../../intake/countValues.ts');
  const { computeResults } = await import('../../build/computeResults.ts');
  const { formatQuality } = await import('../../quality/formatQuality.ts');
  const { runQuality } = await import('../../quality/runQuality.ts');
  const db = await openDatabase();
  try {
    const loaded = await log(
      'read',
      () => loadDataDir(data, data, db, warehouse),
      (d) => `${d.inputs.length} files, ${countValues(d).toLocaleString('en-US')} values`,
    );
    await computeResults(db, loaded, log);
    for (const file of loaded.unused ?? []) write(`  note: ${file.file} not read: ${file.reason}`);
    for (const row of loaded.dropped) write(`  note: ${row.file}, row ${row.row} left out: ${row.reason}`);
    for (const line of formatQuality(await runQuality(db, loaded))) write(line);
  } finally {
    db.close();
  }
  write(`${data}: no problems found`);
  return 0;
};
