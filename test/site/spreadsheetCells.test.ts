import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '../../src/database/duckdb.ts';
import { readQuery } from '../../src/database/runQueries.ts';
import { seededRandom } from '../../src/sample/seededRandom.ts';

// The cells of the copies for spreadsheets (queries/report/spreadsheet_cells.sql), against what
// the pages print: JavaScript's toFixed rounds the exact binary value, and a tie away from zero.
let instance: Awaited<ReturnType<typeof DuckDBInstance.create>>;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  connection = await instance.connect();
  await connection.run(await readQuery('report/spreadsheet_cells.sql'));
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

/** Each value through a macro, in order. */
async function cells(sql: (x: string, p: string) => string, rows: readonly [number, number][]): Promise<(string | null)[]> {
  await connection.run('CREATE OR REPLACE TABLE cells (n INTEGER, x DOUBLE, p INTEGER)');
  const appender = await connection.createAppender('cells');
  rows.forEach(([x, p], n) => {
    appender.appendInteger(n);
    appender.appendDouble(x);
    appender.appendInteger(p);
    appender.endRow();
  });
  appender.closeSync();
  const reader = await connection.runAndReadAll(`SELECT ${sql('x', 'p')} AS cell FROM cells ORDER BY n`);
  return reader.getColumnsJS()[0] as (string | null)[];
}

/** What toFixed gives, -0 without its sign. */
function fixed(x: number, places: number): string {
  const text = x.toFixed(places);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

describe('numbers in the copies for spreadsheets', () => {
  test('rounded as toFixed rounds: the exact binary value, ties away from zero', async () => {
    const hand: [number, number][] = [
      [487.15, 1], // 487.149999...: 487.1, though 487.15 x 10 is 1471.5 in floating point
      [4.35, 1],
      [1.005, 2],
      [2.5, 0], // a tie: away from zero
      [-2.5, 0],
      [0.125, 2],
      [-0.001, 2], // not -0.00
      [1234567.891, 1],
      [1e-7, 3], // never in exponent notation
      [2 ** 53 + 2, 0],
    ];
    const random = seededRandom(7, 'spreadsheet cells').uniform;
    const drawn: [number, number][] = [];
    for (let k = 0; k < 5000; k++) {
      // Halves, quarters, eighths of whole numbers (ties at some decimals), and numbers of every size.
      drawn.push([Math.round((random() - 0.5) * 10 ** (2 + (k % 7))) / 2 ** (k % 9), k % 5]);
      drawn.push([(random() - 0.5) * 10 ** (k % 8), k % 5]);
    }
    const rows = [...hand, ...drawn];
    expect(await cells((x, p) => `spreadsheet_number(${x}, ${p})`, rows)).toEqual(rows.map(([x, p]) => fixed(x, p)));
    expect((await cells((x, p) => `spreadsheet_number(${x}, ${p})`, hand)).slice(0, 5)).toEqual(['487.1', '4.3', '1.00', '3', '-3']);
  });

  test('four significant digits, none from 1,000 on; empty for what is not a number', async () => {
    const rows: [number, number][] = [
      [0.012345, 0],
      [3.14159, 0],
      [123.456, 0],
      [98765.4, 0],
      [0, 0],
      [-0.5555, 0],
    ];
    expect(await cells((x) => `spreadsheet_number(${x}, significant_places(${x}))`, rows)).toEqual([
      '0.01235',
      '3.142',
      '123.5',
      '98765',
      '0',
      '-0.5555',
    ]);
    expect(
      await cells(
        (x, p) => `spreadsheet_number(${x}, ${p})`,
        [
          [Number.NaN, 2],
          [Number.POSITIVE_INFINITY, 1],
        ],
      ),
    ).toEqual([null, null]);
  });

  test('numbers without a rule as the full table has them', async () => {
    expect(
      await cells(
        (x) => `spreadsheet_plain(${x})`,
        [
          [100, 0],
          [-3, 0],
          [188.25, 0],
        ],
      ),
    ).toEqual(['100', '-3', '188.25']);
  });
});
