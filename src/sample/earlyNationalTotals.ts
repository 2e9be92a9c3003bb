import { NATIONAL_TOTALS } from './nationalTotals.ts';

/**
 * National totals for 2005 and 2010, so that a panel can start before 2014 (the prefecture
 * sample covers 20 years). Orders of magnitude rounded from the same sources as
 * NATIONAL_TOTALS (R&D bulletins, CNIPA annual reports, Torch Centre technology-market
 * statistics), domestic applicants only; rougher than the later figures and, like all of the
 * sample, illustrative. Without them, the growth of 2014-2015 would be carried back ten years.
 */
const EARLY_TOTALS: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  rd_expenditure: { 2005: 24_500_000, 2010: 70_630_000 },
  rd_basic: { 2005: 1_312_000, 2010: 3_245_000 },
  rd_fte: { 2005: 1_365_000, 2010: 2_554_000 },
  invention_in_force: { 2005: 60_000, 2010: 228_000 },
  high_value_in_force: { 2005: 22_000, 2010: 85_000 },
  invention_applications: { 2005: 93_000, 2010: 293_000 },
  invention_grants: { 2005: 21_000, 2010: 80_000 },
  patent_grants: { 2005: 171_000, 2010: 740_000 },
  patents_in_force: { 2005: 600_000, 2010: 2_200_000 },
  pct_applications: { 2005: 2_500, 2010: 12_300 },
  patent_transfers_licences: { 2005: 10_000, 2010: 50_000 },
  tech_contract_turnover: { 2005: 1_551, 2010: 3_907 },
  tech_contracts: { 2005: 265_000, 2010: 229_000 },
  university_transfer_income: { 2005: 10_000, 2010: 35_000 },
  pledge_amount: { 2005: 10, 2010: 70 },
  pledged_patents: { 2005: 400, 2010: 3_000 },
  enforcement_cases: { 2005: 3_000, 2010: 8_000 },
};

/** NATIONAL_TOTALS with the 2005 and 2010 anchors added: the same figures from 2014 on. */
export const NATIONAL_TOTALS_FROM_2005: Readonly<Record<string, Readonly<Record<number, number>>>> = Object.fromEntries(
  Object.entries(NATIONAL_TOTALS).map(([variable, anchors]) => [variable, { ...EARLY_TOTALS[variable], ...anchors }]),
);
