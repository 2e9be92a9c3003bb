/**
 * The files of a data directory's institutions/ folder (issue: IP transfer reporting of
 * universities and research institutes) and the fields of the annual report each institution
 * files. The register of institutions is required; reports.csv holds the reports, long (one row
 * per institution, year and field), as `ipindex import-reports` writes it from the filled forms.
 * Each file becomes the DuckDB table register_<name> (queries/institutions/00_tables.sql).
 */
import type { RegisterColumn, RegisterFile } from '../files/registerColumns.ts';

/** A field of the annual report: its code, its label, its unit, whole numbers or amounts, and the field it is part of. */
export type ReportField = {
  code: string;
  zh: string;
  en: string;
  unit: { zh: string; en: string };
  kind: 'count' | 'amount';
  /** A field this one is a part of ("of which"): it may not exceed it. */
  partOf?: string;
};

const items = { zh: '件', en: 'patents' };
const contracts = { zh: '项', en: 'contracts' };
const tenThousandYuan = { zh: '万元', en: '10,000 yuan' };

/**
 * The report's fields, in the order of the form. The untransformed state-funded patents are
 * those granted at least N years before the end of the year (N: method.yaml
 * institutions.untransformed_years, default 3) with state funding and never assigned, licensed,
 * used for equity or implemented.
 */
export const reportFields: readonly ReportField[] = [
  { code: 'patents_held', zh: '有效专利拥有量', en: 'Patents held (in force at year end)', unit: items, kind: 'count' },
  {
    code: 'invention_patents_held',
    zh: '其中：有效发明专利',
    en: 'of which invention patents',
    unit: items,
    kind: 'count',
    partOf: 'patents_held',
  },
  { code: 'patents_granted', zh: '当年新授权专利', en: 'Patents granted in the year', unit: items, kind: 'count' },
  { code: 'assigned_count', zh: '专利转让合同数', en: 'Patent assignments (contracts)', unit: contracts, kind: 'count' },
  { code: 'assigned_value', zh: '专利转让合同金额', en: 'Patent assignments (contract value)', unit: tenThousandYuan, kind: 'amount' },
  { code: 'licensed_count', zh: '专利许可合同数', en: 'Patent licences (contracts)', unit: contracts, kind: 'count' },
  { code: 'licensed_value', zh: '专利许可合同金额', en: 'Patent licences (contract value)', unit: tenThousandYuan, kind: 'amount' },
  {
    code: 'licensed_exclusive',
    zh: '其中：独占许可合同数',
    en: 'of which exclusive licences',
    unit: contracts,
    kind: 'count',
    partOf: 'licensed_count',
  },
  { code: 'licensed_open', zh: '免费许可或开放许可合同数', en: 'Licences free of charge or open licences', unit: contracts, kind: 'count' },
  { code: 'equity_count', zh: '专利作价投资项数', en: 'Patents used for equity (count)', unit: contracts, kind: 'count' },
  { code: 'equity_value', zh: '专利作价投资金额', en: 'Patents used for equity (value)', unit: tenThousandYuan, kind: 'amount' },
  { code: 'income', zh: '当年转化到账收入', en: 'Income received in the year', unit: tenThousandYuan, kind: 'amount' },
  {
    code: 'income_rewarded',
    zh: '其中：奖励个人和团队',
    en: 'of which rewarded to inventors and teams',
    unit: tenThousandYuan,
    kind: 'amount',
    partOf: 'income',
  },
  {
    code: 'untransformed_state_funded',
    zh: '财政资助形成、授权满N年仍未转化的专利',
    en: 'State-funded patents granted N or more years ago and never transformed',
    unit: items,
    kind: 'count',
  },
  {
    code: 'office_staff',
    zh: '技术转移机构专职人员',
    en: 'Staff of the technology transfer office',
    unit: { zh: '人', en: 'persons' },
    kind: 'count',
  },
];

/** The kinds of institution, in the register's words. */
export const institutionKinds = ['university', 'research_institute', 'hospital', 'other'] as const;

const required = (name: string, cell: RegisterColumn['cell']): RegisterColumn => ({ name, cell, required: true });
const optional = (name: string, cell: RegisterColumn['cell']): RegisterColumn => ({ name, cell, required: false });

export const institutionFiles: readonly RegisterFile[] = [
  {
    name: 'institutions',
    required: true,
    columns: [
      required('institution_id', { kind: 'id' }),
      required('name_zh', { kind: 'text' }),
      optional('name_en', { kind: 'text' }),
      required('kind', { kind: 'choice', values: institutionKinds }),
      required('region_code', { kind: 'region' }),
      required('affiliation', { kind: 'choice', values: ['central', 'local'] }),
      optional('transfer_office', { kind: 'choice', values: ['0', '1'] }),
    ],
  },
  {
    name: 'reports',
    required: false,
    columns: [
      required('institution_id', { kind: 'id' }),
      required('year', { kind: 'year' }),
      required('field', { kind: 'choice', values: reportFields.map((f) => f.code) }),
      optional('value', { kind: 'amount' }),
      // The day the report was filed (the form's 报送日期), for the deadline of method.yaml.
      optional('filed', { kind: 'date' }),
      optional('source_file', { kind: 'text' }),
      optional('source_cell', { kind: 'text' }),
    ],
  },
];
