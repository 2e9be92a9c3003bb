import type { SampleFile } from './sampleFiles.ts';
import { pickShare } from './pickShare.ts';
import { seededRandom, type SeededRandom } from './seededRandom.ts';
import type { SampleRegion } from './types.ts';

const kinds = [
  ['university', 0.55],
  ['research_institute', 0.35],
  ['hospital', 0.07],
  ['other', 0.03],
] as const;
const kindNames: Record<string, [string, string]> = {
  university: ['大学', 'University'],
  research_institute: ['研究院', 'Research Institute'],
  hospital: ['医院', 'Hospital'],
  other: ['中心', 'Centre'],
};
// Patents held at the start, by kind (before the province's scale).
const stock: Record<string, number> = { university: 900, research_institute: 350, hospital: 60, other: 40 };

/**
 * A synthetic register of universities and research institutes for the sample (institutions/)
 * and their annual IP transfer reports, long as `ipindex import-reports` writes them
 * (reports.csv, each value with the form and cell it would have come from): per province a few
 * institutions (2 to 12) sized by the province's scale; each year patents are granted (about 15% of the
 * stock) and lapse (about 7%), some are assigned, licensed (some exclusively, some openly) or
 * used for equity, the income follows the contracts and half or more of it rewards the
 * inventors; about a third of the stock is state-funded and left untransformed. Consistent by
 * construction (no part above its total, no stock above the year before plus the grants); one
 * report in twelve is filed after the deadline (31 March of the next year), one in thirty is not filed, and the last institution of the first province files none in
 * the latest year, so that response tracking has something to show. Seeded, illustrative.
 */
export function sampleInstitutions(provinces: readonly SampleRegion[], years: readonly number[], seed: number): SampleFile[] {
  const register = ['institution_id,name_zh,name_en,kind,region_code,affiliation,transfer_office'];
  const reports = ['institution_id,year,field,value,filed,source_file,source_cell'];
  provinces.forEach(({ region_code: region, name_zh: province, name_en }, p) => {
    const random = seededRandom(seed, `institutions:${region}`);
    const scale = Math.exp(0.7 * random.normal());
    const count = Math.max(2, Math.min(12, Math.round(4 * scale)));
    for (let i = 1; i <= count; i++) {
      const id = `I${region.slice(0, 2)}${String(i).padStart(2, '0')}`;
      const kind = pickShare(random, kinds);
      const [zh, en] = kindNames[kind]!;
      const office = random.uniform() < 0.6;
      register.push(
        [
          id,
          `${(province ?? name_en).replace(/(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$/, '')}第${i}${zh}`,
          `${name_en} ${en} ${i}`,
          kind,
          region,
          random.uniform() < 0.25 ? 'central' : 'local',
          office ? '1' : '0',
        ].join(','),
      );
      let held = Math.round(stock[kind]! * scale * Math.exp(0.5 * random.normal()));
      let untransformed = Math.round(0.35 * held);
      for (const year of years) {
        const granted = Math.round(held * (0.12 + 0.06 * random.uniform()));
        const lapsed = Math.round(held * (0.05 + 0.04 * random.uniform()));
        held = held + granted - lapsed;
        untransformed = Math.min(held, Math.round(untransformed * (0.97 + 0.04 * random.uniform()) + 0.05 * granted));
        const skip = (p === 0 && i === count && year === years.at(-1)) || random.uniform() < 1 / 30;
        const assigned = poisson(random, 0.012 * held);
        const licensed = poisson(random, 0.01 * held);
        const exclusive = Math.round(licensed * 0.3 * random.uniform());
        const equity = poisson(random, 0.002 * held);
        const assignedValue = round2(assigned * 18 * Math.exp(0.5 * random.normal()));
        const licensedValue = round2(licensed * 12 * Math.exp(0.5 * random.normal()));
        const equityValue = round2(equity * 260 * Math.exp(0.5 * random.normal()));
        const income = round2(0.7 * (assignedValue + licensedValue) + 0.1 * equityValue);
        const values: Record<string, number> = {
          patents_held: held,
          invention_patents_held: Math.round(held * (0.6 + 0.2 * random.uniform())),
          patents_granted: granted,
          assigned_count: assigned,
          assigned_value: assignedValue,
          licensed_count: licensed,
          licensed_value: licensedValue,
          licensed_exclusive: exclusive,
          licensed_open: poisson(random, 0.1 * licensed),
          equity_count: equity,
          equity_value: equityValue,
          income,
          income_rewarded: round2(income * (0.5 + 0.2 * random.uniform())),
          untransformed_state_funded: untransformed,
          office_staff: office ? 2 + poisson(random, 3 * scale) : 0,
        };
        if (skip) continue;
        // Filed in the first quarter of the next year; one in twelve after the deadline of 31 March.
        const late = random.uniform() < 1 / 12;
        const day = late ? 91 + Math.floor(random.uniform() * 60) : 10 + Math.floor(random.uniform() * 80);
        const filed = new Date(Date.UTC(year + 1, 0, day)).toISOString().slice(0, 10);
        Object.entries(values).forEach(([field, value], k) =>
          reports.push([id, year, field, value, filed, `${id}-${year}.xlsx`, `表1!D${8 + k}`].join(',')),
        );
      }
    }
  });
  return [
    { name: 'institutions/institutions.csv', text: `${register.join('\n')}\n` },
    { name: 'institutions/reports.csv', text: `${reports.join('\n')}\n` },
  ];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function poisson(random: SeededRandom, mean: number): number {
  // Knuth's method for small means, a rounded normal for large ones.
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random.uniform(); p > limit; p *= random.uniform()) k += 1;
  return k;
}
