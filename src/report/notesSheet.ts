import { tableColumns, tableTitles } from '../lib/dataDictionary.ts';
import type { SheetTable } from './tablesWorkbook.ts';

/** What the notes sheet says: the edition, when it was made, the sources and units of the variables, and the tables. */
export type WorkbookNotes = {
  sample: boolean;
  scope?: { zh: string; en: string };
  builtAt: string;
  version: string;
  variables: readonly { variable: string; name_zh: string; name_en: string; unit: string; source: string | null }[];
  tables: readonly { table: string; rows: number; columns: readonly string[] }[];
};

/**
 * The first sheet of ipindex.xlsx, 说明 (Notes): whether the numbers are sample or official
 * data, when and by what they were made, where each variable comes from and in what unit, what
 * each sheet holds, and every column's name in words: what a reader of the workbook alone needs
 * to cite it and read its codes. Four columns: section, item, 中文, English.
 */
export function notesSheet(notes: WorkbookNotes): SheetTable {
  const rows: string[][] = [];
  const add = (section: string, item: string, zh: string, en: string) => rows.push([section, item, zh, en]);
  add(
    '报告 Report',
    'data',
    notes.sample ? '示例数据：随附的示意性数据，并非官方统计数据，不得引用' : '官方统计数据，出处见下',
    notes.sample ? 'Sample data: illustrative, not official statistics; do not quote' : 'Official statistics; the sources are below',
  );
  if (notes.scope !== undefined) add('报告 Report', 'scope', notes.scope.zh, notes.scope.en);
  add(
    '报告 Report',
    'made',
    `${notes.builtAt.slice(0, 10)}，ipindex ${notes.version}`,
    `${notes.builtAt.slice(0, 10)}, ipindex ${notes.version}`,
  );
  add(
    '报告 Report',
    'precision',
    '本工作簿保留全精度；data/excel/ 中的 CSV 副本按单位取舍',
    'This workbook keeps full precision; the CSV copies of data/excel/ are rounded by unit',
  );
  for (const v of notes.variables)
    add(
      '变量 Variables',
      v.variable,
      `${v.name_zh}（${v.unit}）${v.source ? `；来源：${v.source}` : ''}`,
      `${v.name_en} (${v.unit})${v.source ? `; source: ${v.source}` : ''}`,
    );
  for (const t of notes.tables)
    add(
      '工作表 Sheets',
      t.table,
      `${tableTitles[t.table]?.zh ?? t.table}，${t.rows}行`,
      `${tableTitles[t.table]?.en ?? t.table}, ${t.rows} rows`,
    );
  const columns = [...new Set(notes.tables.flatMap((t) => t.columns))].sort();
  for (const column of columns) add('列 Columns', column, tableColumns[column]?.zh ?? column, tableColumns[column]?.en ?? column);
  const transposed = [0, 1, 2, 3].map((i) => rows.map((row) => row[i]));
  return { name: '说明 Notes', columns: ['部分 section', '项目 item', '中文', 'English'], values: transposed, rowCount: rows.length };
}
