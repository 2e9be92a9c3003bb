import type { DuckDBConnection } from '../database/duckdb.ts';
import { quotedIdentifier, quotedString } from '../database/openDatabase.ts';
import { readQuery } from '../database/runQueries.ts';
import { decimalsFor, tableColumns } from '../lib/dataDictionary.ts';
import type { PublishedCsv } from './readCsvTable.ts';

/** What a code stands for: a region's, a framework node's or a variable's Chinese name, and a node's or variable's unit. */
export type CodeNames = Record<'regions' | 'nodes' | 'variables', ReadonlyMap<string, { name: string; unit?: string }>>;

/** Writes the copy for spreadsheets of one published table to `path`. */
export type SpreadsheetCsvWriter = (table: PublishedCsv, path: string) => Promise<void>;

/** The columns of codes that get a column of names beside them, and the name column's header. */
const named: Readonly<Record<string, { header: string; of: keyof CodeNames }>> = {
  region_code: { header: '地区名称', of: 'regions' },
  indicator: { header: '指标名称', of: 'nodes' },
  node: { header: '节点名称', of: 'nodes' },
  code: { header: '节点名称', of: 'nodes' },
  variable: { header: '变量名称', of: 'variables' },
};

/** The columns whose code gives a row's unit when it has no unit column of its own, in the order they are looked at. */
const unitFrom = ['indicator', 'node', 'variable'] as const;

const numeric = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;
const fractional = /^(FLOAT|DOUBLE|DECIMAL)/;

/**
 * Makes ready, on `connection`, the writing of the copies for spreadsheets (data/excel/): what
 * Excel on Chinese Windows opens correctly by a double click. UTF-8 with a byte-order mark
 * (without one Excel reads UTF-8 as GBK, and Chinese turns to mojibake) and CRLF line ends;
 * headers in words with the code in brackets (`得分 (score)`), a column of names beside each
 * column of codes (地区名称 beside region_code); numbers rounded to what their unit warrants
 * (src/lib/dataDictionary.ts): counts whole, 亿元 to one decimal, scores to two. The
 * machine-readable tables of data/ keep full precision, and so do the Arrow files and
 * ipindex.xlsx.
 *
 * DuckDB writes each copy with COPY, the cells made by the macros of
 * queries/report/spreadsheet_cells.sql and queries/exports/spreadsheet_safe.sql: at prefecture
 * level (two million rows) formatting them in JavaScript took seconds of the build's busiest
 * stretch.
 */
export async function spreadsheetCsvWriter(connection: DuckDBConnection, names: CodeNames): Promise<SpreadsheetCsvWriter> {
  await connection.run(await readQuery('exports/spreadsheet_safe.sql'));
  await connection.run(await readQuery('report/spreadsheet_cells.sql'));
  await connection.run('CREATE OR REPLACE TEMP TABLE spreadsheet_names (of VARCHAR, code VARCHAR, name VARCHAR, unit VARCHAR)');
  const appender = await connection.createAppender('spreadsheet_names');
  for (const of of ['regions', 'nodes', 'variables'] as const) {
    for (const [code, { name, unit }] of names[of]) {
      appender.appendVarchar(of);
      appender.appendVarchar(code);
      appender.appendVarchar(name);
      if (unit === undefined) appender.appendNull();
      else appender.appendVarchar(unit);
      appender.endRow();
    }
  }
  appender.closeSync();
  // The decimals of each unit, from decimalsFor: the units of the names now, of a table's unit columns as it comes.
  await connection.run('CREATE OR REPLACE TEMP TABLE spreadsheet_units (unit VARCHAR PRIMARY KEY, places INTEGER)');
  const placed = new Set<string>();
  const placeUnits = async (units: Iterable<string>) => {
    const fresh = [...new Set(units)].filter((u) => !placed.has(u));
    if (fresh.length === 0) return;
    const rows = await connection.createAppender('spreadsheet_units');
    for (const unit of fresh) {
      placed.add(unit);
      const places = decimalsFor(unit);
      rows.appendVarchar(unit);
      if (places === null) rows.appendNull();
      else rows.appendInteger(places);
      rows.endRow();
    }
    rows.closeSync();
  };
  await placeUnits(Object.values(names).flatMap((codes) => [...codes.values()].flatMap((c) => (c.unit === undefined ? [] : [c.unit]))));

  return async (table, path) => {
    const own = ['unit', 'source_unit'].filter((c) => table.columns.includes(c));
    if (own.length > 0) {
      const found = await connection.runAndReadAll(
        own
          .map(
            (c) => `SELECT DISTINCT ${quotedIdentifier(c)}::VARCHAR AS unit FROM ${table.source} WHERE ${quotedIdentifier(c)} IS NOT NULL`,
          )
          .join(' UNION '),
      );
      await placeUnits(found.getColumnsJS()[0]?.map(String) ?? []);
    }
    await connection.run(`COPY (${spreadsheetSelect(table)}) TO ${quotedString(path)} (HEADER, NEW_LINE '\r\n')`);
  };
}

/** The SELECT of a table's copy: its cells and headers in order, the names beside the codes, the rows in the table's order. */
function spreadsheetSelect(table: PublishedCsv): string {
  const { columns, types } = table;
  const column = (c: string) => `t.${quotedIdentifier(c)}`;
  const joins: string[] = [];
  const nameOf = new Map<string, string>();
  columns.forEach((c, i) => {
    const name = named[c];
    if (name === undefined) return;
    const alias = `names_${i}`;
    joins.push(`LEFT JOIN spreadsheet_names AS ${alias} ON ${alias}.of = '${name.of}' AND ${alias}.code = ${column(c)}::VARCHAR`);
    nameOf.set(c, alias);
  });
  // A row's unit: its own unit column, else its indicator's, node's or variable's.
  const byCode = unitFrom.find((c) => nameOf.has(c));
  const rowUnit = columns.includes('unit') ? column('unit') : byCode === undefined ? null : `${nameOf.get(byCode)}.unit`;
  if (rowUnit !== null) joins.push(`LEFT JOIN spreadsheet_units AS row_unit ON row_unit.unit = ${rowUnit}`);
  if (columns.includes('source_unit'))
    joins.push(`LEFT JOIN spreadsheet_units AS source_unit ON source_unit.unit = ${column('source_unit')}`);

  const cells: string[] = [];
  const header = (text: string) => quotedIdentifier(cells.length === 0 ? `\uFEFF${text}` : text);
  for (const c of columns) {
    const words = tableColumns[c]?.zh;
    const rounding = tableColumns[c]?.rounding;
    const isNumber = numeric.test(types[c] ?? '');
    let cell: string;
    if (isNumber && rounding !== undefined) {
      const unitPlaces =
        c === 'source_value' && columns.includes('source_unit') ? 'source_unit.places' : rowUnit === null ? 'NULL' : 'row_unit.places';
      const places =
        rounding === 'unit'
          ? `coalesce(${unitPlaces}, significant_places(${column(c)}))`
          : rounding === 'significant'
            ? `significant_places(${column(c)})`
            : String(rounding);
      cell = `spreadsheet_number(${column(c)}, ${places})`;
    } else if (fractional.test(types[c] ?? '')) {
      cell = `spreadsheet_plain(${column(c)})`;
    } else if ((types[c] ?? 'VARCHAR') === 'VARCHAR') {
      cell = `spreadsheet_safe(${column(c)})`;
    } else {
      cell = column(c);
    }
    cells.push(`${cell} AS ${header(words === undefined ? c : `${words} (${c})`)}`);
    const alias = nameOf.get(c);
    if (alias !== undefined) cells.push(`spreadsheet_safe(${alias}.name) AS ${header(named[c]!.header)}`);
  }
  return [
    `SELECT ${cells.join(',\n       ')}`,
    `FROM (SELECT *, row_number() OVER () AS spreadsheet_row FROM ${table.source}) AS t`,
    ...joins,
    'ORDER BY t.spreadsheet_row',
  ].join('\n');
}
