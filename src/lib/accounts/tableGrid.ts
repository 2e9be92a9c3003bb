import type { AccountsTable, AccountsTableRow, Bilingual } from './AccountsReport.ts';

/** One line of a table laid out on a grid, as the CSV and the worksheet write it. */
export type GridLine = { kind: 'title' | 'unit' | 'group' | 'columns' | 'heading' | 'body' | 'footnote'; cells: (string | number | null)[]; row?: AccountsTableRow };

/**
 * The table laid out on a grid of `1 + columns` cells per line: title, units line, the header
 * (the column group over the years), the body with indented labels, then the footnotes. Values
 * stay numbers, rounded to the row's decimals; cells a merge would cover are null.
 */
export function tableGrid(table: AccountsTable): GridLine[] {
  const width = table.columns.length;
  const blank = (n: number) => Array.from({ length: n }, () => null);
  const both = (b: Bilingual) => (b.zh === b.en ? b.zh : `${b.zh} ${b.en}`);
  const lines: GridLine[] = [
    { kind: 'title', cells: [both(table.title), ...blank(width)] },
    { kind: 'unit', cells: [`单位：${table.unit.zh}  Unit: ${table.unit.en}`, ...blank(width)] },
    { kind: 'group', cells: [both(table.stub), both(table.columnGroup), ...blank(width - 1)] },
    { kind: 'columns', cells: [null, ...table.columns] },
  ];
  for (const row of table.rows) {
    const indent = '\u3000'.repeat(row.level);
    const unit = (lang: keyof Bilingual, open: string, close: string) => (row.unit === undefined ? '' : `${open}${row.unit[lang]}${close}`);
    const label = `${indent}${row.label.zh}${unit('zh', '（', '）')} ${row.label.en}${unit('en', ' (', ')')}${(row.marks ?? []).map((m) => ` [${m}]`).join('')}`;
    if (row.kind === 'heading') lines.push({ kind: 'heading', cells: [label, ...blank(width)], row });
    else lines.push({ kind: 'body', cells: [label, ...row.values.map((v) => (v === null || !Number.isFinite(v) ? null : Number(v.toFixed(row.decimals))))], row });
  }
  table.footnotes.forEach((note, i) => {
    const mark = note.mark === undefined ? `${i + 1}.` : `[${note.mark}]`;
    lines.push({ kind: 'footnote', cells: [`${i === 0 ? '注：' : ''}${mark} ${note.text.zh} ${note.text.en}`, ...blank(width)] });
  });
  return lines;
}
