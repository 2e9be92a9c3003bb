// `npm run example:official`: the official-data edition, from the raw tables to the report.
// Each table is imported through `ipindex import` by its map into data/, then data/ is built
// into out/ (or the folder given: npm run example:official -- DIR).
import { join } from 'node:path';
import { main } from '../../src/cli/cli.ts';
import { importOfficialTables, officialDir } from './officialTables.ts';

const data = join(officialDir, 'data');
const imported = await importOfficialTables(data);
process.exitCode = imported !== 0 ? imported : await main(['build', data, '--out', process.argv[2] ?? join(officialDir, 'out')]);
