import { accountUnits } from '$lib/accounts/accountsIndex';
import { regionalItems } from '$lib/accounts/accountsLabels';
import { assetAccountTable } from '$lib/accounts/assetAccountTable';
import { regionalTable } from '$lib/accounts/regionalTable';
import { decimalsForUnit } from '$components/formatValue';
import { frameworkParts } from '../../frameworkParts';
import { citedSources } from '../../citedSources';
import { langOf } from '../../langOf';
import { loadReport } from '../../loadReport.server';
import { overviewData } from '../../overviewData.server';
import { regionProfile, type RegionProfile } from '../../regionProfile.server';
import { reportIndex, rowsOf } from '../../reportIndex';
import type { PageServerLoad } from './$types';

// Static HTML only: this page is for reading through and printing (`ipindex pdf`), nothing on it moves.
export const csr = false;

/**
 * The report as one publication, the page `ipindex pdf` prints: cover, contents, the national
 * summary (ranking with its bands, map, groups, trend), the ranking table, a profile of each
 * region (regionProfile.server.ts), and the annexes: indicators, national accounts, data quality, method
 * and sources. The contents' page numbers are filled in when it is printed (src/pdf/pdf.ts).
 */
export const load: PageServerLoad = ({ params }) => {
  const lang = langOf(params.lang);
  const report = loadReport();
  const year = report.years.at(-1) ?? 0;
  const { indicators } = frameworkParts(report);
  const index = reportIndex(report);
  const regions = index.region;
  const overview = overviewData(report, year, lang);
  const extreme = (indicator: string, pick: 'max' | 'min') => {
    const values = rowsOf(index.valuesByIndicatorYear, `${indicator}|${year}`).filter((v) => v.value !== null);
    const best = values.reduce<(typeof values)[number] | null>(
      (a, v) => (a === null || (pick === 'max' ? v.value! > a.value! : v.value! < a.value!) ? v : a),
      null,
    );
    const region = best ? regions.get(best.region_code) : undefined;
    return best && region ? { value: best.value, name_zh: region.name_zh, name_en: region.name_en } : null;
  };
  // One profile per region of the ranking, in its order (ranked first, then those without an index).
  const profiles = overview.ranking
    .map((r) => regionProfile(report, r.region_code, lang, year))
    .filter((p): p is RegionProfile => p !== undefined);
  const accounts = report.accounts?.computed ? report.accounts : null;
  const nationalAccount =
    accounts !== null && accountUnits(accounts).includes(accounts.nationalCode) ? assetAccountTable(accounts, accounts.nationalCode) : null;
  const nodeNames = new Map(report.nodes.map((n) => [n.code, { name_zh: n.name_zh, name_en: n.name_en }]));
  return {
    overview,
    nodes: report.nodes,
    indicators: indicators.map((n) => {
      const national = index.national.get(`${n.code}|${year}`);
      return {
        code: n.code,
        name_zh: n.name_zh,
        name_en: n.name_en,
        unit: n.unit,
        target: n.target,
        decimals: decimalsForUnit(n.unit, national?.value_median ?? null),
        median: national?.value_median ?? null,
        max: extreme(n.code, 'max'),
        min: extreme(n.code, 'min'),
      };
    }),
    profiles,
    accounts:
      accounts === null
        ? null
        : {
            national: nationalAccount,
            regional: regionalItems.map(({ item, basis }) =>
              regionalTable(accounts, item, basis, { methodNotes: nationalAccount === null }),
            ),
          },
    // Data quality of the year: how many regions have each indicator, and how many values were imputed or treated.
    coverage: rowsOf(index.coverageByYear, year).map((c) => ({
      ...c,
      ...(nodeNames.get(c.indicator) ?? { name_zh: c.indicator, name_en: c.indicator }),
    })),
    flagged: {
      imputed: report.flagged.filter((f) => f.year === year && f.imputed).length,
      treated: report.flagged.filter((f) => f.year === year && f.treated).length,
    },
    sources: citedSources(report),
    scope: (report.method.report as { scope?: { zh: string; en: string } } | undefined)?.scope ?? null,
    downloads: report.downloads,
  };
};
