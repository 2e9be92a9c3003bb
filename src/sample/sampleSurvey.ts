import type { SampleFile } from './sampleFiles.ts';
import { seededRandom } from './seededRandom.ts';
import type { SampleRegion } from './types.ts';

/** The survey's year: the sample's last. */
export const SAMPLE_SURVEY_YEAR = 2024;

// Enterprises of the frame by size class, before each province's own scale; sampled
// respondents per stratum; the share of enterprises holding patents.
const sizes = [
  { size: 'large', frame: 80, sampled: 40, holders: 0.85 },
  { size: 'medium', frame: 500, sampled: 50, holders: 0.55 },
  { size: 'small', frame: 3000, sampled: 60, holders: 0.25 },
] as const;

/**
 * A synthetic enterprise IP survey for the sample (surveys/enterprise_ip/): a stratified sample
 * (31 provinces x 3 size classes) without replacement of enterprises, each answering whether
 * it holds patents, licensed one, implemented one, and how many invention patents and how much
 * licence income it has; with the design.yaml that estimates the licensing and implementation
 * rates among patent holders and the invention patents by province. Illustrative, seeded, like
 * all the sample: not a survey anyone ran.
 */
export function sampleSurvey(provinces: readonly SampleRegion[], seed: number): SampleFile[] {
  const lines = ['enterprise_id,region_code,size,stratum,stratum_population,weight,has_patent,licensed,implemented,invention_patents,licence_income'];
  for (const { region_code: region } of provinces) {
    const random = seededRandom(seed, `survey:${region}`);
    const scale = Math.exp(0.8 * random.normal());
    const licensing = 0.15 + 0.25 * random.uniform();
    const implementing = 0.45 + 0.3 * random.uniform();
    for (const s of sizes) {
      const population = Math.max(s.sampled, Math.round(s.frame * scale));
      for (let i = 1; i <= s.sampled; i++) {
        const holder = random.uniform() < s.holders;
        const licensed = holder && random.uniform() < licensing;
        const implemented = holder && random.uniform() < implementing;
        const patents = holder ? Math.round(Math.exp((s.size === 'large' ? 3 : s.size === 'medium' ? 1.5 : 0.5) + 0.7 * random.normal())) : 0;
        const income = licensed ? Math.round(Math.exp(4 + random.normal()) * 10) / 10 : 0;
        lines.push([`E${region}${s.size[0]}${String(i).padStart(3, '0')}`, region, s.size, `${region}-${s.size}`, population, population / s.sampled, +holder, +licensed, +implemented, patents, income].join(','));
      }
    }
  }
  const design = `# A synthetic enterprise IP survey (src/sample/sampleSurvey.ts): illustrative, not official data.
year: ${SAMPLE_SURVEY_YEAR}
strata: stratum
weights: weight
fpc: [stratum_population]
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
