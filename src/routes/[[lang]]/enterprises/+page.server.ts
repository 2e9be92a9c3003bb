import { certificationTrendChart, eventStudyChart, tileMapChart } from '$charts/index';
import type { MaturityRow } from '$lib/report';
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
  const per = (part: number | null, whole: number | null, scale: number) =>
    part === null || whole === null || whole === 0 ? null : (part / whole) * scale;
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
    // One table per edition of the standard assessed in the latest year (their clauses differ).
    maturityGroups: editions(register.maturity).map((rows) =>
      maturityMatrix(rows, [
        { by: 'all', value: 'all' },
        ...['large', 'medium', 'small', 'micro'].map((value) => ({ by: 'size', value })),
        ...[...new Set(rows.filter((r) => r.by === 'industry').map((r) => r.value))].sort().map((value) => ({ by: 'industry', value })),
      ]),
    ),
    maturityRegions: editions(register.maturity).map((rows) =>
      maturityMatrix(
        rows,
        units.map((r) => ({ by: 'region', value: r.region_code, name_zh: r.name_zh, name_en: r.name_en })),
      ),
    ),
    maturityChange: register.maturityChange,
    effect: register.effect,
    effectCharts: [...new Set(register.effect.map((e) => e.outcome))].map((outcome) => {
      const rows = register.effect.filter((e) => e.outcome === outcome);
      const largest = Math.max(...rows.map((r) => Math.abs(r.att ?? 0)));
      const decimals = largest >= 100 ? 0 : largest >= 10 ? 1 : 2;
      return { outcome, decimals, svg: chartSlot(eventStudyChart(rows, { locale: lang, outcome, decimals })) };
    }),
    charts: {
      trend: chartSlot(certificationTrendChart(national, lang)),
      tiles: chartSlot(
        tileMapChart(
          regions.map((r) => ({ ...r, score: r.coverage, rank: rankOf.get(r.region_code) ?? null })),
          {
            year,
            locale: lang,
            lower: 0,
            upper: highest,
            regionHref: (code) => pagePath(lang, `region/${code}`),
            measure: { zh: '每千家登记企业中贯标认证企业数', en: 'certified enterprises per 1,000 in the register' },
          },
        ),
      ),
    },
  };
};

/** The maturity profile's rows by edition of the standard, the newest first. */
function editions(rows: readonly MaturityRow[]): MaturityRow[][] {
  return [...new Set(rows.map((r) => r.standard))]
    .sort()
    .reverse()
    .map((standard) => rows.filter((r) => r.standard === standard));
}

/**
 * The maturity profile of one edition as a table of groups by clauses: for
 * each group, in the order given, the enterprises assessed and each clause's mean (null where
 * suppressed or not assessed), and whether it is the group's weakest clause. Groups no
 * enterprise was assessed in are left out.
 */
function maturityMatrix<G extends { by: string; value: string }>(rows: readonly MaturityRow[], groups: readonly G[]) {
  const standard = rows[0]?.standard ?? null;
  const ofStandard = rows;
  const clauses = [
    ...new Map(ofStandard.map((r) => [r.clause, { clause: r.clause, name_zh: r.name_zh, name_en: r.name_en }])).values(),
  ].sort((a, b) => Number(a.clause) - Number(b.clause));
  const cell = new Map(ofStandard.map((r) => [`${r.by}|${r.value}|${r.clause}`, r]));
  const assessed = new Set(ofStandard.map((r) => `${r.by}|${r.value}`));
  return {
    standard,
    year: ofStandard[0]?.year ?? null,
    clauses,
    rows: groups
      .filter((g) => assessed.has(`${g.by}|${g.value}`))
      .map((g) => {
        const cells = clauses.map(({ clause }) => {
          const found = cell.get(`${g.by}|${g.value}|${clause}`);
          return { mean: found?.mean ?? null, enterprises: found?.enterprises ?? 0, weakest: found?.weakest ?? false };
        });
        return { ...g, enterprises: Math.max(...cells.map((c) => c.enterprises)), cells };
      }),
  };
}
