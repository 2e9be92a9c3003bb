import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DuckDBInstance } from '../../src/database/duckdb.ts';
import { describeCsvTable, readCsvTable } from '../../src/report/readCsvTable.ts';

describe('a published table read back for its sheet and Arrow file', () => {
  test('gives every value as written, text of few values (read as ENUM) and of many alike', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipindex-read-table-'));
    const path = join(dir, 'table.csv');
    // 70,000 rows: `name` has a distinct value in every row (more than an ENUM is made for),
    // `region_code` four codes with a leading zero, `stage` two words and gaps.
    const rows = Array.from({ length: 70_000 }, (_, r) => [`0${r % 4}0000`, r % 3 === 0 ? '' : r % 2 ? 'raw' : '"a, b"', `n${r}`, r / 8]);
    await writeFile(path, ['region_code,stage,name,value', ...rows.map((r) => r.join(','))].join('\n'));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const table = await readCsvTable(connection, await describeCsvTable(connection, path));
      expect(table.columns).toEqual(['region_code', 'stage', 'name', 'value']);
      expect(table.rowCount).toBe(70_000);
      const [codes, stages, names, values] = table.values;
      expect(codes).toEqual(rows.map((r) => r[0]));
      expect(stages).toEqual(rows.map((r) => (r[1] === '' ? null : r[1] === 'raw' ? 'raw' : 'a, b')));
      expect(names).toEqual(rows.map((r) => r[2]));
      expect(values).toEqual(rows.map((r) => r[3]));
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
