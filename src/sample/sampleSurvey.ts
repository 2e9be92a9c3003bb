import type { SampleFile } from './sampleFiles.ts';
import { seededRandom } from './seededRandom.ts';
import type { SampleRegion } from './types.ts';

// Enterprises of the frame by size class, before each province's own scale; sampled
// respondents per stratum; the share of enterprises holding patents.
const sizes = [
  { size: 'large', frame: 80, sampled: 30, holders: 0.9 },
  { size: 'medium', frame: 500, sampled: 50, holders: 0.65 },
  { size: 'small', frame: 3000, sampled: 70, holders: 0.35 },
] as const;

/**
 * A synthetic annual enterprise IP survey for the sample (surveys/enterprise_ip/), one wave a
 * year: a stratified sample (31 provinces x 3 size classes) without replacement of
 * enterprises, drawn afresh each year, each answering whether it holds patents, licensed one,
 * implemented one, and how many invention patents it has; with the design.yaml that estimates the licensing and implementation rates among patent holders and
 * the invention patents by province and year. Each province's rates drift upwards over the
 * years. The weights are left for the design to derive from the fpc (N/n, as R's survey does),
 * and ids and stratum codes are short: the file stays under 2 MB. Illustrative, seeded, like
 * all the sample: not a survey anyone ran.
 */
export function sampleSurvey(provinces: readonly SampleRegion[], years: readonly number[], seed: number): SampleFile[] {
  const lines = ['year,enterprise_id,region_code,stratum,stratum_population,has_patent,licensed,implemented,invention_patents'];
  let respondent = 0;
  for (const { region_code: region } of provinces) {
    const random = seededRandom(seed, `survey:${region}`);
    const scale = Math.exp(0.8 * random.normal());
    const licensing = 0.25 + 0.2 * random.uniform();
    const implementing = 0.5 + 0.25 * random.uniform();
    years.forEach((year, t) => {
      for (const s of sizes) {
        const population = Math.max(s.sampled, Math.round(s.frame * scale * (1 + 0.03 * t)));
        for (let i = 1; i <= s.sampled; i++) {
          const holder = random.uniform() < s.holders;
          const licensed = holder && random.uniform() < licensing + 0.01 * t;
          const implemented = holder && random.uniform() < implementing + 0.01 * t;
          const patents = holder
            ? Math.round(Math.exp((s.size === 'large' ? 3 : s.size === 'medium' ? 1.5 : 0.5) + 0.07 * t + 0.7 * random.normal()))
            : 0;
          respondent += 1;
          lines.push([year, respondent, region, `${region}${s.size[0]}`, population, +holder, +licensed, +implemented, patents].join(','));
        }
      }
    });
  }
  const design = `# A synthetic enterprise IP survey (src/sample/sampleSurvey.ts): illustrative, not official data.
# One wave a year (the column year); licensing_rate and implementation_rate feed the index
# (framework.csv, utilization).
year: year
strata: stratum
fpc: [stratum_population]      # the weights follow: N/n in each stratum
estimates:
  - {variable: licensing_rate, statistic: ratio, of: licensed, denominator: has_patent, by: region_code}
  - {variable: licensing_rate, statistic: ratio, of: licensed, denominator: has_patent}
  - {variable: implementation_rate, statistic: ratio, of: implemented, denominator: has_patent, by: region_code}
  - {variable: implementation_rate, statistic: ratio, of: implemented, denominator: has_patent}
  - {variable: surveyed_invention_patents, statistic: total, of: invention_patents, by: region_code}
disclosure: {min_respondents: 3, dominance: {n: 2, k: 0.85}}
`;
  return [
    { name: 'surveys/enterprise_ip/responses.csv', text: `${lines.join('\n')}\n` },
    { name: 'surveys/enterprise_ip/design.yaml', text: design },
  ];
}
