import { langOf } from '../../langOf';
import { loadReport } from '../../loadReport.server';
import type { PageServerLoad } from './$types';

// Static HTML only: a list of files, nothing on the page moves.
export const csr = false;

/** Every file of out/data: each table in its formats, the workbook of all tables, then the other files. */
export const load: PageServerLoad = ({ params }) => {
  langOf(params.lang);
  const { downloads } = loadReport();
  const workbook = downloads.find((d) => d.file === 'data/ipindex.xlsx') ?? null;
  const tableNames = [...new Set(downloads.flatMap((d) => (d.table === null ? [] : [d.table])))];
  const of = (table: string, format: string) => downloads.find((d) => d.table === table && d.format === format) ?? null;
  return {
    tables: tableNames.map((table) => ({
      table,
      rows: downloads.find((d) => d.table === table && d.rows !== null)?.rows ?? null,
      csv: of(table, 'csv'),
      // The copy for spreadsheets (data/excel/: UTF-8 with a byte-order mark, words in the headers, rounded).
      excel: of(table, 'csv-excel'),
      // A table may also have a workbook of its own (the accounts do), besides its sheet in ipindex.xlsx.
      xlsx: of(table, 'xlsx'),
      arrow: of(table, 'arrow'),
    })),
    workbook,
    others: downloads.filter((d) => d.table === null && d !== workbook),
  };
};
