import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import type { Lang } from '../lib/report.ts';
import { reportFields } from './institutionSchema.ts';

/** Where the form keeps what importReports.ts reads: the values in column D, the field codes in column E. */
export const formLayout = { sheet: { zh: '表1', en: 'Form 1' }, valueColumn: 4, codeColumn: 5, firstFieldRow: 8 } as const;

/** The words of the form's header fields and of the report types, in each language. */
export const reportTypes = { annual: { zh: '年报', en: 'annual' }, correction: { zh: '更正', en: 'correction' } } as const;

const words = {
  zh: {
    title: '高等学校和科研机构知识产权转移转化年度报表',
    id: '单位统一社会信用代码',
    year: '报告年度',
    type: '填报类型（年报；更正：替换本单位同一年度已报的报表）',
    filed: '报送日期',
    dateError: '请填写日期，如2024-03-15',
    columns: ['序号', '指标', '计量单位', '数值', '字段代码（请勿修改）'],
    instructions: '填表说明',
    whole: '请填写0或正整数',
    amount: '请填写0或正数（单位：万元）',
    yearError: '请填写1900至2100之间的年份',
    notes: (n: number) => [
      '1. 本表由高等学校、科研院所、医疗卫生机构等单位的技术转移机构或科研管理部门每年填报一次，报告上一年度（1月1日至12月31日）的情况。',
      '2. 请在“表1”的D列填写数值，不要改动其他列、不要插入或删除行；“字段代码”列供系统读取。',
      '3. 单位统一社会信用代码须与主管部门登记的单位名录一致；报告年度填四位年份；报送日期为报表报出之日（逾期报送的报表在汇总时标出）。',
      '4. 金额以万元为单位，可保留两位小数；件数、项数、人数填整数。无此项填0，不掌握的留空（留空不视为0）。',
      '5. “其中”项不得大于其所属总数：有效发明专利不大于有效专利拥有量，独占许可不大于专利许可合同数，奖励个人和团队的金额不大于当年到账收入。',
      `6. “财政资助形成、授权满N年仍未转化的专利”：利用财政资金形成、授权已满${n}年，至报告年度末仍未转让、许可、作价投资或自行实施的有效专利件数（N=${n}，由主管部门确定）。`,
      '7. 本单位的各项数据将按单位公开发布（转移转化信息在本领域属公开信息）。',
      '8. 填写完毕后保存为 .xlsx 文件，文件名建议为“单位名称-年度.xlsx”，交主管部门汇总（ipindex import-reports）。',
    ],
  },
  en: {
    title: 'Annual report of IP transfer and transformation: universities and research institutions',
    id: 'Institution ID (unified social credit code)',
    year: 'Year reported',
    type: "Report type (annual; correction: replaces this institution's report of the same year)",
    filed: 'Date filed',
    dateError: 'A date such as 2024-03-15',
    columns: ['No.', 'Item', 'Unit', 'Value', 'Field code (do not change)'],
    instructions: 'Instructions',
    whole: 'A whole number of 0 or more',
    amount: 'A number of 0 or more (in 10,000 yuan)',
    yearError: 'A year from 1900 to 2100',
    notes: (n: number) => [
      '1. The technology transfer office or research administration of each university, research institute or hospital files this report once a year, for the calendar year before.',
      '2. Write the values in column D of "Form 1"; do not change the other columns or insert or delete rows: the field codes are what the system reads.',
      '3. The institution ID must be the one in the register kept by the competent authority; the year has four digits; the date filed is the day the report is sent (reports filed after the deadline are marked when collected).',
      '4. Amounts are in 10,000 yuan (two decimals at most); counts of patents, contracts and persons are whole numbers. Write 0 for none; leave a cell empty when the figure is not known (an empty cell is not a 0).',
      '5. An "of which" item may not exceed its total: invention patents held, exclusive licences and rewards to inventors and teams.',
      `6. State-funded patents granted ${n} or more years ago and never transformed: patents in force at the end of the year, made with state funding, granted at least ${n} years before and never assigned, licensed, used for equity or implemented (N = ${n}, set by the competent authority).`,
      "7. Each institution's figures are published by institution (transfer reports are public in this field).",
      '8. Save the filled form as .xlsx (e.g. "institution-year.xlsx") and send it to the competent authority, who collects the folder with ipindex import-reports.',
    ],
  },
};

/**
 * Writes the annual reporting form as a workbook a reporting officer fills in: the instructions
 * sheet, and the form (表1 / Form 1) with the institution ID, the year and the report type at the
 * top, then one row per field of institutionSchema.ts with its unit, a value cell checked by
 * Excel's data validation (whole numbers or amounts of 0 or more, a year, a drop-down for the
 * type), and the field's code, which importReports.ts reads. Only the value cells can be edited.
 * Written whole or not at all.
 */
export async function writeReportForm(path: string, lang: Lang, untransformedYears: number): Promise<void> {
  const w = words[lang];
  const book = new ExcelJS.Workbook();
  book.creator = 'ipindex';
  const notes = book.addWorksheet(w.instructions);
  notes.getColumn(1).width = 110;
  notes.addRow([w.title]).font = { bold: true, size: 14 };
  notes.addRow([]);
  for (const line of w.notes(untransformedYears)) notes.addRow([line]).alignment = { wrapText: true, vertical: 'top' };

  const form = book.addWorksheet(formLayout.sheet[lang]);
  form.columns = [{ width: 6 }, { width: lang === 'zh' ? 44 : 64 }, { width: 12 }, { width: 18 }, { width: 28 }];
  form.mergeCells('A1:E1');
  form.getCell('A1').value = w.title;
  form.getCell('A1').font = { bold: true, size: 13 };
  const unlocked = (cell: ExcelJS.Cell) => {
    cell.protection = { locked: false };
    cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
  };
  const header = (row: number, label: string, code: string, validation: ExcelJS.DataValidation) => {
    form.getCell(row, 2).value = label;
    const cell = form.getCell(row, formLayout.valueColumn);
    unlocked(cell);
    cell.dataValidation = validation;
    form.getCell(row, formLayout.codeColumn).value = code;
  };
  header(3, w.id, 'institution_id', { type: 'textLength', operator: 'between', formulae: [1, 64], allowBlank: false });
  header(4, w.year, 'year', { type: 'whole', operator: 'between', formulae: [1900, 2100], showErrorMessage: true, error: w.yearError });
  header(5, w.type, 'report_type', {
    type: 'list',
    formulae: [`"${reportTypes.annual[lang]},${reportTypes.correction[lang]}"`],
    showErrorMessage: true,
    allowBlank: false,
  });
  form.getCell(5, formLayout.valueColumn).value = reportTypes.annual[lang];
  header(6, w.filed, 'filed', {
    type: 'date',
    operator: 'greaterThan',
    formulae: [new Date(Date.UTC(1999, 11, 31))],
    allowBlank: true,
    showErrorMessage: true,
    error: w.dateError,
  });
  form.getCell(6, formLayout.valueColumn).numFmt = 'yyyy-mm-dd';
  const columns = form.getRow(formLayout.firstFieldRow - 1);
  columns.values = w.columns;
  columns.font = { bold: true };
  reportFields.forEach((field, i) => {
    const row = formLayout.firstFieldRow + i;
    const text = lang === 'zh' ? field.zh : field.en;
    const label = field.code === 'untransformed_state_funded' ? text.replace('N', String(untransformedYears)) : text;
    form.getRow(row).values = [i + 1, field.partOf === undefined ? label : `  ${label}`, field.unit[lang], null, field.code];
    const cell = form.getCell(row, formLayout.valueColumn);
    unlocked(cell);
    cell.dataValidation =
      field.kind === 'count'
        ? { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, error: w.whole }
        : { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, error: w.amount };
    if (field.kind === 'amount') cell.numFmt = '0.00';
  });
  form.getColumn(formLayout.codeColumn).font = { color: { argb: 'FF808080' } };
  // Locked but for the value cells, with no password: protection against slips, not a secret.
  await form.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  await book.xlsx.writeFile(partial);
  await rename(partial, path);
}
