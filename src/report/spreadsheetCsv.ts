import { decimalsFor, tableColumns } from '../lib/dataDictionary.ts';
import { csvLine } from './csvLine.ts';
import type { ColumnTable } from './readCsvTable.ts';

/** What a code stands for: a region's, a framework node's or a variable's Chinese name, and a node's or variable's unit. */
export type CodeNames = Record<'regions' | 'nodes' | 'variables', ReadonlyMap<string, { name: string; unit?: string }>>;

/** The columns of codes that get a column of names beside them, and the name column's header. */
const named: Readonly<Record<string, { header: string; of: keyof CodeNames }>> = {
  region_code: { header: '地区名称', of: 'regions' },
  indicator: { header: '指标名称', of: 'nodes' },
  node: { header: '节点名称', of: 'nodes' },
  code: { header: '节点名称', of: 'nodes' },
  variable: { header: '变量名称', of: 'variables' },
};

/**
 * A published table as a CSV for spreadsheets (data/excel/): what Excel on Chinese Windows
 * opens correctly by a double click. UTF-8 with a byte-order mark (without one Excel reads
 * UTF-8 as GBK, and Chinese turns to mojibake) and CRLF line ends; headers in words with the
 * code in brackets (`得分 (score)`), a column of names beside each column of codes (地区名称
 * beside region_code); numbers rounded to what their unit warrants (src/lib/dataDictionary.ts): counts
 * whole, 亿元 to one decimal, scores to two. The machine-readable tables of data/ keep full
 * precision, and so do the Arrow files and ipindex.xlsx.
 */
export function spreadsheetCsv(table: ColumnTable, names: CodeNames): string {
  const { columns, values, rowCount } = table;
  const at = (column: string) => columns.indexOf(column);
  const unitColumn = at('unit');
  const sourceUnitColumn = at('source_unit');
  // The unit of a row's value: its own unit column, else its indicator's, node's or variable's.
  const unitOf = (r: number): string | undefined => {
    if (unitColumn >= 0) return values[unitColumn]?.[r] as string | undefined;
    for (const [column, of] of [
      ['indicator', 'nodes'],
      ['node', 'nodes'],
      ['variable', 'variables'],
    ] as const) {
      const i = at(column);
      if (i >= 0) return names[of].get(String(values[i]?.[r]))?.unit;
    }
    return undefined;
  };
  const header: string[] = [];
  for (const column of columns) {
    const words = tableColumns[column]?.zh;
    header.push(words === undefined ? column : `${words} (${column})`);
    const name = named[column];
    if (name !== undefined) header.push(name.header);
  }
  const lines = [csvLine(header)];
  for (let r = 0; r < rowCount; r++) {
    const cells: unknown[] = [];
    columns.forEach((column, i) => {
      const value = values[i]?.[r];
      const rounding = tableColumns[column]?.rounding;
      if (typeof value === 'number' && rounding !== undefined) {
        const unit = column === 'source_value' && sourceUnitColumn >= 0 ? (values[sourceUnitColumn]?.[r] as string | undefined) : unitOf(r);
        cells.push(rounded(value, rounding === 'unit' ? decimalsFor(unit) : rounding === 'significant' ? null : rounding));
      } else {
        cells.push(value);
      }
      const name = named[column];
      if (name !== undefined) cells.push(names[name.of].get(String(value))?.name ?? '');
    });
    lines.push(csvLine(cells));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A number as plain decimal text: to `decimals` places, or with `null` to four significant
 * digits (whole from 1,000 on); never in exponent notation, which a spreadsheet may misread.
 */
export function rounded(value: number, decimals: number | null): string {
  if (!Number.isFinite(value)) return '';
  const places = decimals ?? (value === 0 ? 0 : Math.max(0, 3 - Math.floor(Math.log10(Math.abs(value)))));
  const text = value.toFixed(Math.min(places, 20));
  // -0.00 is 0.
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
