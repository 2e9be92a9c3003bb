import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';

/**
 * Writes a synthetic survey folder of any size (`npm run sample -- --respondents N --out DIR`; the
 * survey benchmark): `respondents` rows in 31 provinces x 300 strata (9,300; fewer for fewer
 * than 465,000 respondents, at least 50 a stratum), stratified sampling of 1 in 20 without replacement, four numeric answers
 * (one 0/1, item non-response on another), and a design.yaml estimating their totals by
 * province. Seeded: the same arguments give the same bytes. Illustrative data only.
 */
export async function writeLargeSurvey(dir: string, respondents: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  let seed = 20261206;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const provinces = [
    '11',
    '12',
    '13',
    '14',
    '15',
    '21',
    '22',
    '23',
    '31',
    '32',
    '33',
    '34',
    '35',
    '36',
    '37',
    '41',
    '42',
    '43',
    '44',
    '45',
    '46',
    '50',
    '51',
    '52',
    '53',
    '54',
    '61',
    '62',
    '63',
    '64',
    '65',
  ];
  // 300 strata a province (9,300) once there are 50 respondents to a stratum; fewer before.
  const strata = provinces.length * Math.min(300, Math.max(1, Math.floor(respondents / (provinces.length * 50))));
  const out = createWriteStream(join(dir, 'responses.csv'));
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('id,region_code,stratum,stratum_population,weight,employees,rd_expenditure,invention_grants,licensed\n');
  const perStratum = Math.ceil(respondents / strata);
  let lines: string[] = [];
  for (let i = 0; i < respondents; i++) {
    const s = Math.floor(i / perStratum);
    const region = `${provinces[s % provinces.length]}0000`;
    const employees = Math.round(Math.exp(3 + 2 * random()));
    const rd = random() < 0.04 ? '' : (employees * (0.5 + random())).toFixed(1);
    const grants = Math.floor(random() * 6);
    lines.push(`E${i},${region},${region}-${s},${perStratum * 20},20,${employees},${rd},${grants},${random() < 0.2 ? 1 : 0}\n`);
    if (lines.length === 10_000) {
      await write(lines.join(''));
      lines = [];
    }
  }
  await write(lines.join(''));
  out.end();
  await once(out, 'finish');
  await writeFile(
    join(dir, 'design.yaml'),
    `year: 2023
strata: stratum
weights: weight
fpc: [stratum_population]
quality: {publish_e: true}
estimates:
  - {variable: [employees, rd_expenditure, invention_grants, licensed], statistic: total, of: [employees, rd_expenditure, invention_grants, licensed], by: region_code}
`,
  );
}
