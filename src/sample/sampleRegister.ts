import type { SampleFile } from './sampleFiles.ts';
import { pickShare } from './pickShare.ts';
import { seededRandom, type SeededRandom } from './seededRandom.ts';
import type { SampleRegion } from './types.ts';

// The national certification bodies (GB/T 29490 is certified by a few bodies accredited by
// CNCA/CNAS, most seated in Beijing) and where they sit.
const certificationSeats = [
  '110000',
  '110000',
  '110000',
  '110000',
  '110000',
  '110000',
  '310000',
  '310000',
  '440000',
  '440000',
  '320000',
  '330000',
];
// GB/T 4754 divisions where certified enterprises cluster (manufacturing of equipment,
// electronics and chemicals, software and IT services, research and technical services).
const industries = ['C26', 'C27', 'C34', 'C35', 'C38', 'C39', 'C40', 'I65', 'M73', 'M75'];
const sizes = [
  ['large', 0.05],
  ['medium', 0.2],
  ['small', 0.45],
  ['micro', 0.3],
] as const;
const ownerships = [
  ['state', 0.12],
  ['private', 0.75],
  ['foreign', 0.08],
  ['other', 0.05],
] as const;

/**
 * How much larger than the sample's a register is made (the benchmark's): enterprises per
 * province and the yearly hazard of certification, as multiples of the sample's.
 */
export type RegisterSize = { enterprises?: number; hazard?: number };

/**
 * A synthetic enterprise IP management register for the sample (enterprises/): per province a
 * register of enterprises sized by the province's scale, some high-tech; from the first year on
 * each uncertified enterprise is certified to GB/T 29490 with a yearly hazard that rises over
 * the years and is higher for large and high-tech enterprises; a certificate runs three years
 * and is renewed four times in five; a few are suspended or withdrawn during their life. With
 * the national certification bodies, each province's consulting and training bodies, and the
 * auditors trained each year. And each enterprise's yearly outcomes (outcomes.csv): invention
 * applications with a planted effect of certification (plantedEffect: none before, from the
 * year of certification on 2 more a year, growing by 0.5 a year to 4 after four years) over the
 * enterprise's own level and a trend common to all, and R&D expenditure with no effect at all
 * (a placebo, its trend common to all too); one year in fifty is not reported. Seeded, illustrative: not a register anyone keeps.
 */
export function sampleRegister(
  provinces: readonly SampleRegion[],
  years: readonly number[],
  seed: number,
  size: RegisterSize = {},
): SampleFile[] {
  const { enterprises: perProvince = 1, hazard: hazardScale = 1 } = size;
  const first = years[0]!;
  const last = years.at(-1)!;
  const enterprises = ['enterprise_id,name,region_code,industry,size,ownership,high_tech_from,zone'];
  const certificates = ['certificate_no,enterprise_id,body_code,standard,issued,expires,status,status_date'];
  const bodies = ['body_code,name,kind,region_code,accredited_from,accredited_to'];
  const training = ['region_code,year,internal_auditors_trained,certification_auditors_registered'];
  const outcomes = ['enterprise_id,year,invention_applications,rd_expenditure'];
  const assessments = ['enterprise_id,year,clause,score,scale,standard'];
  const bodyRandom = seededRandom(seed, 'register:bodies');
  certificationSeats.forEach((region, i) => {
    bodies.push(
      [
        `CB${String(i + 1).padStart(2, '0')}`,
        `认证机构${i + 1}`,
        'certification',
        region,
        date(bodyRandom, 2013 + Math.floor(bodyRandom.uniform() * 3)),
        '',
      ].join(','),
    );
  });
  let certificateNo = 0;
  for (const { region_code: region } of provinces) {
    const random = seededRandom(seed, `register:${region}`);
    // Its own stream, so that the assessments leave the other files as they were.
    const scoring = seededRandom(seed, `register:assessments:${region}`);
    const scale = Math.exp(0.8 * random.normal());
    const hazard = (0.005 + 0.015 * random.uniform()) * hazardScale;
    const count = Math.round(perProvince * Math.min(800, Math.max(20, Math.round(120 * scale))));
    const certifiedAtEnd = new Map<number, number>();
    for (let i = 1; i <= count; i++) {
      const id = `Q${region}${String(i).padStart(4, '0')}`;
      const size = pickShare(random, sizes);
      const highTech = random.uniform() < 0.25 ? 2008 + Math.floor(random.uniform() * (last - 2008 + 1)) : null;
      enterprises.push(
        [
          id,
          `企业${region}-${i}`,
          region,
          industries[Math.floor(random.uniform() * industries.length)],
          size,
          pickShare(random, ownerships),
          highTech ?? '',
          '',
        ].join(','),
      );
      // The first certificate, then renewals.
      let from: number | null = null;
      for (const [t, year] of years.entries()) {
        const h = hazard * (1 + 0.15 * t) * (size === 'large' ? 2 : 1) * (highTech !== null && highTech <= year ? 1.5 : 1);
        if (random.uniform() < h) {
          from = year;
          break;
        }
      }
      const level = { large: 60, medium: 25, small: 10, micro: 6 }[size] + 3 * random.normal();
      const spend = { large: 5000, medium: 1200, small: 300, micro: 80 }[size] * Math.exp(0.3 * random.normal());
      for (const [t, year] of years.entries()) {
        if (random.uniform() < 0.02) continue;
        const applications = level + 0.5 * t + (from === null ? 0 : plantedEffect(year - from)) + 3 * random.normal();
        outcomes.push(
          [id, year, Math.max(0, Math.round(applications)), Math.round(spend + 30 * t + 0.1 * spend * random.normal())].join(','),
        );
      }
      assessments.push(...assess(scoring, id, size, from, first, last));
      if (from === null) continue;
      let issued = date(random, from);
      for (;;) {
        const issuedYear = Number(issued.slice(0, 4));
        const expires = addYearsLessADay(issued, 3);
        const end = random.uniform();
        const body = `CB${String(1 + Math.floor(random.uniform() * certificationSeats.length)).padStart(2, '0')}`;
        const standard = issued >= '2024-01-01' ? '2023' : '2013';
        certificateNo += 1;
        const no = `${standard === '2023' ? 'IPMS23' : 'IPMS13'}-${String(certificateNo).padStart(6, '0')}`;
        // A certificate ends early in one case of twenty: suspended or withdrawn on a day of its life.
        if (end < 0.05) {
          const stopped = dayBetween(random, issued, expires);
          if (stopped <= `${last}-12-31`) {
            certificates.push([no, id, body, standard, issued, expires, end < 0.03 ? 'suspended' : 'withdrawn', stopped].join(','));
            countInForce(certifiedAtEnd, issued, stopped);
            break;
          }
        }
        const lapsed = expires <= `${last}-12-31`;
        certificates.push([no, id, body, standard, issued, expires, lapsed ? 'expired' : 'valid', lapsed ? expires : ''].join(','));
        countInForce(certifiedAtEnd, issued, lapsed ? addDays(expires, 1) : `${last + 1}-01-01`);
        if (!lapsed || random.uniform() >= 0.8 || issuedYear + 3 > last) break;
        issued = addDays(expires, 1);
      }
    }
    const consulting = Math.max(1, Math.round(2 + 3 * scale));
    const trainers = Math.max(1, Math.round(1 + scale));
    for (let i = 1; i <= consulting + trainers; i++) {
      const kind = i <= consulting ? 'consulting' : 'training';
      const start = first - 1 + Math.floor(random.uniform() * 6);
      const closed = random.uniform() < 0.1 ? date(random, Math.min(last, start + 2 + Math.floor(random.uniform() * 5))) : '';
      bodies.push(
        [
          `${kind === 'consulting' ? 'CS' : 'TR'}${region}${String(i).padStart(2, '0')}`,
          `${kind === 'consulting' ? '咨询' : '培训'}机构${region}-${i}`,
          kind,
          region,
          date(random, start),
          closed,
        ].join(','),
      );
    }
    for (const year of years) {
      const certified = certifiedAtEnd.get(year) ?? 0;
      training.push(
        [
          region,
          year,
          Math.round(certified * (2 + random.uniform()) + 5 * scale),
          Math.round((1 + 0.1 * (year - first)) * 3 * scale * random.uniform()),
        ].join(','),
      );
    }
  }
  return [
    { name: 'enterprises/enterprises.csv', text: `${enterprises.join('\n')}\n` },
    { name: 'enterprises/certifications.csv', text: `${certificates.join('\n')}\n` },
    { name: 'enterprises/service_bodies.csv', text: `${bodies.join('\n')}\n` },
    { name: 'enterprises/training.csv', text: `${training.join('\n')}\n` },
    { name: 'enterprises/outcomes.csv', text: `${outcomes.join('\n')}\n` },
    { name: 'enterprises/assessments.csv', text: `${assessments.join('\n')}\n` },
  ];
}

// How each clause of GB/T 29490 sits against an enterprise's level: review and improvement (9;
// 10 in the 2023 edition) weakest, implementation and operation strongest.
const clauseOffsets: Record<string, Record<string, number>> = {
  '2013': { 4: 2, 5: 4, 6: -1, 7: 3, 8: 5, 9: -8 },
  '2023': { 4: 1, 5: 4, 6: 0, 7: -1, 8: 5, 9: -4, 10: -8 },
};

/**
 * An enterprise's clause scores (0-100): a certified enterprise scores itself in a gap analysis
 * the year before it is first certified and is audited the two years after, its scores up by
 * the improvement planted in plantedImprovement; one never certified scores itself once in
 * twelve cases. On the edition its certificate is issued to (2023 from 2024).
 */
function assess(random: SeededRandom, id: string, size: string, from: number | null, first: number, last: number): string[] {
  const level = ({ large: 65, medium: 58, small: 52, micro: 48 } as Record<string, number>)[size]! + 6 * random.normal();
  const standard = from !== null && from >= 2024 ? '2023' : '2013';
  const years =
    from === null
      ? random.uniform() < 1 / 12
        ? [first + Math.floor(random.uniform() * (last - first + 1))]
        : []
      : [from - 1, from + 1, from + 2].filter((year) => year >= first && year <= last);
  return years.flatMap((year) =>
    Object.entries(clauseOffsets[standard]!).map(([clause, offset]) => {
      const since = from === null || year < from ? null : year - from;
      const score = level + offset + (since === null ? 0 : plantedImprovement(since)) + 3 * random.normal();
      return [id, year, clause, Math.round(Math.min(100, Math.max(0, score))), '0-100', standard].join(',');
    }),
  );
}

/** The rise in clause scores planted in the sample, e years after first certification. */
export function plantedImprovement(e: number): number {
  return 6 + 2 * Math.min(e, 2);
}

/**
 * The effect planted in the sample's invention applications, e years after the year of first
 * certification (e < 0: before it): what the estimator should recover.
 */
export function plantedEffect(e: number): number {
  return e < 0 ? 0 : 2 + 0.5 * Math.min(e, 4);
}

/** Counts an enterprise as certified at the end of each year its certificate [from, until) covers. */
function countInForce(counts: Map<number, number>, from: string, until: string): void {
  for (let year = Number(from.slice(0, 4)); year <= Number(until.slice(0, 4)); year++) {
    const end = `${year}-12-31`;
    if (from <= end && end < until) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A day of the year, uniformly. */
function date(random: SeededRandom, year: number): string {
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  return iso(new Date(start + Math.floor(random.uniform() * days) * 86_400_000));
}

function addDays(day: string, n: number): string {
  return iso(new Date(Date.parse(day) + n * 86_400_000));
}

function addYearsLessADay(day: string, years: number): string {
  const d = new Date(Date.parse(day));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return addDays(iso(d), -1);
}

/** A day strictly after `from` and before `to`. */
function dayBetween(random: SeededRandom, from: string, to: string): string {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return addDays(from, 1 + Math.floor(random.uniform() * Math.max(1, days - 1)));
}
