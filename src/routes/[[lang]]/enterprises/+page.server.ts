import { certificationTrendChart, eventStudyChart, tileMapChart } from '$charts/index';
import { nationalCode } from '$lib/types';
import { chartSlot } from '../../chartSlots.server';
import { langOf } from '../../langOf';
import { loadReport } from '../../loadReport.server';
import { pagePath } from '$components/pagePath';
import type { EntryGenerator, PageServerLoad } from './$types';

// In both languages, with a register or without one (the page then says there is none and no
// menu links to it; the other language's page is still there for its language link).
export const entries: EntryGenerator = () => [{ lang: '' }, { lang: 'en' }];

/**
 * Enterprise IP management (GB/T 29490): the register's certificates over the years, where
 * certification has reached by region, size and industry, the service bodies and training, and
 * the maturity profile of the assessments. Without a register the page says so.
 */
export const load: PageServerLoad = ({ params }) => {
  const lang = langOf(params.lang);
  const report = loadReport();
  const register = report.enterprises;
  if (register === undefined) return { present: false as const };
  const value = new Map(register.series.map((r) => [`${r.region_code}|${r.year}|${r.variable}`, r.value]));
  const get = (region: string, year: number, variable: string) => value.get(`${region}|${year}|${variable}`) ?? null;
  const years = [...new Set(register.series.map((r) => r.year))].sort((a, b) => a - b);
  const year = years.at(-1) ?? 0;
  const per = (part: number | null, whole: number | null, scale: number) => (part === null || whole === null || whole === 0 ? null : (part / whole) * scale);
  const units = report.regions.filter((r) => r.region_code !== nationalCode);
  const regions = units.map((r) => {
    const at = (variable: string) => get(r.region_code, year, variable);
    return {
      region_code: r.region_code,
      name_zh: r.name_zh,
      name_en: r.name_en,
      enterprises: at('register_enterprises'),
      certified: at('certified_enterprises'),
      coverage: per(at('certified_enterprises'), at('register_enterprises'), 1000),
      newly: at('newly_certified_enterprises'),
      highTechCoverage: per(at('certified_high_tech'), at('register_high_tech'), 100),
      ended: at('certificates_suspended_withdrawn'),
      certificationBodies: at('certification_bodies'),
      consultingBodies: at('consulting_bodies'),
      trainingBodies: at('training_bodies'),
      auditors: at('internal_auditors_trained'),
    };
  });
  const ranked = [...regions].filter((r) => r.coverage !== null).sort((a, b) => (b.coverage ?? 0) - (a.coverage ?? 0));
  const rankOf = new Map(ranked.map((r, i) => [r.region_code, i + 1]));
  const highest = Math.max(1, ...ranked.map((r) => r.coverage ?? 0));
  const national = years.map((y) => ({
    year: y,
    certified: get(nationalCode, y, 'certified_enterprises'),
    newly: get(nationalCode, y, 'newly_certified_enterprises'),
    ended: get(nationalCode, y, 'certificates_suspended_withdrawn'),
  }));
  return {
    present: true as const,
    year,
    nation: {
      enterprises: get(nationalCode, year, 'register_enterprises'),
      certified: get(nationalCode, year, 'certified_enterprises'),
      coverage: per(get(nationalCode, year, 'certified_enterprises'), get(nationalCode, year, 'register_enterprises'), 1000),
      certificates: get(nationalCode, year, 'certificates_in_force'),
    },
    regions,
    byKind: register.byKind,
    maturity: register.maturity,
    effect: register.effect,
    effectCharts: [...new Set(register.effect.map((e) => e.outcome))].map((outcome) => {
      const rows = register.effect.filter((e) => e.outcome === outcome);
      const largest = Math.max(...rows.map((r) => Math.abs(r.att ?? 0)));
      const decimals = largest >= 100 ? 0 : largest >= 10 ? 1 : 2;
      return { outcome, decimals, svg: chartSlot(eventStudyChart(rows, { locale: lang, outcome, decimals })) };
    }),
    charts: {
      trend: chartSlot(certificationTrendChart(national, lang)),
      tiles: chartSlot(tileMapChart(regions.map((r) => ({ ...r, score: r.coverage, rank: rankOf.get(r.region_code) ?? null })), {
        year, locale: lang, lower: 0, upper: highest, regionHref: (code) => pagePath(lang, `region/${code}`),
        measure: { zh: '每千家登记企业中贯标认证企业数', en: 'certified enterprises per 1,000 in the register' },
      })),
    },
  };
};
