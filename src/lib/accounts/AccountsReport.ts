// The shapes of the national-accounts tables of IP products (R&D capital): what
// src/accounts/readAccounts.ts reads from queries/accounts/, and the tables the files of this
// folder lay out from it, once, for the Accounts pages, the layout CSV files and the XLSX
// workbook alike.

import type { Bilingual } from '../Bilingual.ts';

export type { Bilingual };

/** One value of out/data/accounts.csv. */
export type AccountsValue = { region_code: string; year: number; item: string; price_basis: string; value: number | null; unit: string };

/** One value of a group of regions (a zone, or 'regions' for all of them) from accounts_aggregates. */
export type AccountsAggregate = AccountsValue & { aggregate: string; regions_given: number; regions: number };

/** The settings the accounts were computed with, as the footnotes state them. */
export type AccountsParameters = {
  depreciation: number;
  depreciationByRegion: Record<string, number>;
  capitalisationShare: number;
  growthYears: number;
  baseYear: number;
  priceIndex: { variable: string; name_zh: string; name_en: string };
  otherVolumeChanges: string | null;
  tolerance: number;
  onBreak: 'error' | 'footnote';
};

/** Everything the accounts tables are made from. */
export type AccountsData = {
  computed: true;
  sampleData: boolean;
  nationalCode: string;
  parameters: AccountsParameters;
  regions: { region_code: string; name_zh: string; name_en: string; zone: string }[];
  years: number[];
  values: AccountsValue[];
  aggregates: AccountsAggregate[];
  initial: { region_code: string; first_year: number; growth_years: number; growth: number; depreciation: number; opening_stock: number }[];
  breaks: { region_code: string; year: number; kind: 'start' | 'break' | 'after'; no_expenditure: boolean; no_price_index: boolean; no_base_price: boolean; break_year: number | null }[];
  nationalCheck: { item: 'gfcf' | 'gdp'; year: number; national: number; regions_sum: number; relative_difference: number; within_tolerance: boolean }[];
};

/** What the report carries about the accounts: the data, or why there are none. */
export type AccountsReport = AccountsData | { computed: false; reason: string };

/** One row of a table: a heading, or a label with one value per year. */
export type AccountsTableRow = {
  label: Bilingual;
  /** Depth in the hierarchy, shown as indentation. */
  level: number;
  kind: 'heading' | 'total' | 'subtotal' | 'item';
  values: (number | null)[];
  decimals: number;
  /** The row's unit where it is not the table's. */
  unit?: Bilingual;
  /** Markers of the footnotes that concern this row. */
  marks?: string[];
  /** The region the row is about, for links. */
  code?: string;
};

/** A table in the national-accounts layout: title, units line, years as columns, footnotes. */
export type AccountsTable = {
  /** File stem (data/accounts/<id>.csv) and anchor. */
  id: string;
  /** Worksheet name: at most 31 characters, none of []:*?/\. */
  sheet: string;
  title: Bilingual;
  unit: Bilingual;
  stub: Bilingual;
  columnGroup: Bilingual;
  columns: number[];
  rows: AccountsTableRow[];
  footnotes: { mark?: string; text: Bilingual }[];
};
