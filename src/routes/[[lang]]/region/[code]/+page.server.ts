import { error } from '@sveltejs/kit';
import { decimalsForUnit } from '$components/formatValue';
import { langOf } from '../../../langOf';
import { loadReport } from '../../../loadReport.server';
import { regionProfile } from '../../../regionProfile.server';
import { reportIndex, rowsOf } from '../../../reportIndex';
import type { EntryGenerator, PageServerLoad } from './$types';

/** A page for every region, in both languages. */
export const entries: EntryGenerator = () => ['', 'en'].flatMap((lang) => loadReport().regions.map((r) => ({ lang, code: r.region_code })));

/** A region in the latest year: dimensions against the national level, trend, strengths and weaknesses, every indicator. */
export const load: PageServerLoad = ({ params }) => {
  const lang = langOf(params.lang);
  const report = loadReport();
  const year = report.years.at(-1) ?? 0;
  const profile = regionProfile(report, params.code, lang, year);
  if (profile === undefined) error(404, `no region ${params.code}`);
  const { region } = profile;
  const index = reportIndex(report);
  const scoreOf = (node: string) => index.nodeScore.get(`${region.region_code}|${node}|${year}`);
  const nationalOf = (node: string) => index.national.get(`${node}|${year}`);
  const contributionOf = new Map(
    rowsOf(index.contributionsByRegionYear, `${region.region_code}|${year}`).map((c) => [c.node, c.contribution]),
  );
  const values = new Map(rowsOf(index.valuesByRegionYear, `${region.region_code}|${year}`).map((v) => [v.indicator, v]));

  // Every node under the index in reading order: dimensions as subtotal rows, indicators under them.
  const table = report.nodes
    .filter((n) => n.parent !== null)
    .map((n) => {
      const value = values.get(n.code);
      const score = n.level === 1 ? value : scoreOf(n.code);
      return {
        code: n.code,
        name_zh: n.name_zh,
        name_en: n.name_en,
        depth: n.depth,
        level: n.level,
        unit: n.unit,
        decimals: decimalsForUnit(n.unit, nationalOf(n.code)?.value_median ?? null),
        value: n.level === 1 ? (value?.value ?? null) : null,
        change: n.level === 1 ? (value?.change ?? null) : null,
        imputed: value?.imputed ?? false,
        treated: value?.treated ?? false,
        score: score?.score ?? null,
        rank: score?.rank ?? null,
        contribution: contributionOf.get(n.code) ?? null,
        // The survey estimates an indicator's value rests on, if a variable of its formula was estimated.
        survey:
          n.level !== 1
            ? []
            : (report.surveys?.basedValues ?? [])
                .filter((b) => b.indicator === n.code && b.region_code === region.region_code && b.year === year)
                .map(({ variable, estimate, ci_low, ci_high, quality, suppressed }) => ({
                  variable,
                  estimate,
                  ci_low,
                  ci_high,
                  quality,
                  suppressed,
                })),
      };
    });
  // The region's enterprise IP management figures at the end of the year shown, beside the nation's.
  const register = report.enterprises?.series.filter(
    (s) => s.year === year && (s.region_code === region.region_code || s.region_code === '100000'),
  );
  const figure = (code: string, variable: string) =>
    register?.find((s) => s.region_code === code && s.variable === variable)?.value ?? null;
  const enterprises =
    register === undefined
      ? null
      : [
          'register_enterprises',
          'certified_enterprises',
          'newly_certified_enterprises',
          'certificates_suspended_withdrawn',
          'certification_bodies',
          'consulting_bodies',
          'training_bodies',
          'internal_auditors_trained',
        ].map((variable) => ({ variable, region: figure(region.region_code, variable), nation: figure('100000', variable) }));

  return { year, ...profile, table, enterprises };
};
