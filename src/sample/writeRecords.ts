import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { RegionRow } from './prefectureRegions.ts';
import { seededRandom, type SeededRandom } from './seededRandom.ts';
import type { Panel } from './simulateSeries.ts';

/** What microdata is drawn from: the units, the years and unrounded values by unit and year. */
export interface RecordsSource {
  units: readonly Pick<RegionRow, 'region_code'>[];
  years: readonly number[];
  panels: Readonly<Record<string, Panel>>;
}

/** The microdata datasets written: patent_records, transfer_records, pledge_records. */
export const RECORD_DATASETS = ['patent_records', 'transfer_records', 'pledge_records'] as const;
/** The codebook variables that the microdata datasets yield, so the aggregate files leave them out. */
export const RECORD_VARIABLES: ReadonlySet<string> = new Set([
  'patents_in_force',
  'invention_in_force',
  'high_value_in_force',
  'invention_applications',
  'invention_grants',
  'patent_grants',
  'pct_applications',
  'patent_transfers_licences',
  'pledge_amount',
  'pledged_patents',
]);

// The register starts this many years before the panel, so that stocks in force in its first
// year count the patents granted before it.
const HISTORY_YEARS = 10;
// Per patent record: recordals of assignments and licences, and pledge registrations.
const TRANSFERS_PER_PATENT = 0.05;
const PLEDGES_PER_PATENT = 0.004;
const IPC_CLASSES = [
  'H04L',
  'G06F',
  'H04W',
  'G06Q',
  'A61K',
  'G01N',
  'H01L',
  'B65D',
  'F16H',
  'C07D',
  'A61B',
  'H02J',
  'B01D',
  'G06N',
  'E04B',
  'A01G',
  'C12N',
  'B29C',
  'H01M',
  'F24F',
];

/**
 * Writes registry microdata drawn from the sample's values: `patents` patent records, spread
 * over units and filing years in proportion to the units' patent grants (with ten years of
 * history before the panel), each with a type, a grant year and a lapse year drawn from
 * typical grant rates, delays, lapse hazards and terms; and recordals of transfers and pledge
 * registrations in proportion to those of the sample. Seeded: the same arguments give the same
 * bytes. The counts are a sample of a register, so their level follows `patents`, not the
 * national totals. Returns the files written with their numbers of records.
 */
export async function writeRecords(
  dir: string,
  source: RecordsSource,
  { seed, patents }: { seed: number; patents: number },
): Promise<{ file: string; records: number }[]> {
  await mkdir(dir, { recursive: true });
  const first = source.years[0]!;
  const last = source.years.at(-1)!;
  const value = (variable: string, unit: number, year: number): number => {
    const t = Math.min(Math.max(year - first, 0), source.years.length - 1);
    return source.panels[variable]?.[unit]?.[t] ?? 0;
  };
  const filingYears = Array.from({ length: last - first + 1 + HISTORY_YEARS }, (_, i) => first - HISTORY_YEARS + i);

  const patentCells = allocate(
    patents,
    source.units.flatMap((_, u) =>
      filingYears.map((year) => ({
        u,
        year,
        weight: value('patent_grants', u, year) * 0.85 ** Math.max(first - year, 0),
      })),
    ),
  );
  const random = seededRandom(seed, 'patent_records');
  const serial = new Map<string, number>();
  const patentFile = await writeCsv(
    join(dir, 'patent_records.csv'),
    'patent_id,region_code,filing_year,type,grant_year,lapse_year,high_value,pct,ipc_class',
    function* () {
      for (const { u, year, n } of patentCells) {
        const code = source.units[u]!.region_code;
        const ratio = (a: string, b: string, lo: number, hi: number) =>
          clamp(value(a, u, year) / Math.max(value(b, u, year), 1e-9), lo, hi);
        const inventionShare = ratio('invention_grants', 'patent_grants', 0.05, 0.4) * 1.6;
        const pctShare = ratio('pct_applications', 'invention_applications', 0, 0.5);
        const highValueShare = ratio('high_value_in_force', 'invention_in_force', 0, 0.9);
        for (let k = 0; k < n; k++) {
          const draw = random.uniform();
          const type = draw < inventionShare ? 'invention' : draw < inventionShare + (1 - inventionShare) * 0.75 ? 'utility' : 'design';
          const digit = type === 'invention' ? 1 : type === 'utility' ? 2 : 3;
          const key = `${year}${digit}`;
          const id = (serial.get(key) ?? 0) + 1;
          serial.set(key, id);
          const { grant, lapse } = lifeOf(type, year, last, random);
          const isInvention = type === 'invention';
          const highValue = isInvention && grant !== null && random.uniform() < highValueShare ? 1 : 0;
          const pct = isInvention && random.uniform() < pctShare ? 1 : 0;
          const ipc = IPC_CLASSES[Math.floor(random.uniform() ** 2 * IPC_CLASSES.length)]!;
          yield `CN${key}${String(id).padStart(7, '0')},${code},${year},${type},${grant ?? ''},${lapse ?? ''},${highValue},${pct},${ipc}`;
        }
      }
    },
  );

  const panelCells = (variable: string, total: number) =>
    allocate(
      total,
      source.units.flatMap((_, u) => source.years.map((year) => ({ u, year, weight: value(variable, u, year) }))),
    );
  const transferRandom = seededRandom(seed, 'transfer_records');
  const transferFile = await writeCsv(join(dir, 'transfer_records.csv'), 'patent_id,region_code,year,kind,value', function* () {
    for (const { u, year, n } of panelCells('patent_transfers_licences', Math.round(patents * TRANSFERS_PER_PATENT))) {
      for (let k = 0; k < n; k++) {
        const kind = transferRandom.uniform() < 0.8 ? 'assignment' : 'licence';
        const stated = transferRandom.uniform() < 0.6;
        const amount = Math.exp(Math.log(30) + transferRandom.normal());
        yield `${someId(year, transferRandom)},${source.units[u]!.region_code},${year},${kind},${stated ? amount.toFixed(2) : ''}`;
      }
    }
  });

  const pledgeRandom = seededRandom(seed, 'pledge_records');
  let registration = 0;
  const pledgeFile = await writeCsv(join(dir, 'pledge_records.csv'), 'pledge_id,patent_ids,region_code,year,amount', function* () {
    for (const { u, year, n } of panelCells('pledged_patents', Math.round(patents * PLEDGES_PER_PATENT))) {
      // The loan behind one pledged patent in this unit and year, in 万元.
      const perPatent = (value('pledge_amount', u, year) * 1e4) / Math.max(value('pledged_patents', u, year), 1);
      for (let k = 0; k < n; k++) {
        const count = Math.min(1 + Math.floor(Math.log(1 - pledgeRandom.uniform()) / Math.log(0.5)), 20);
        const ids = Array.from({ length: count }, () => someId(year, pledgeRandom)).join(';');
        const amount = perPatent * count * Math.exp(0.5 * pledgeRandom.normal() - 0.125);
        registration += 1;
        yield `ZL${year}${String(registration).padStart(8, '0')},${ids},${source.units[u]!.region_code},${year},${amount.toFixed(2)}`;
      }
    }
  });
  return [patentFile, transferFile, pledgeFile];
}

/** Grant and lapse years of one application: grant rates and delays by type, then lapse for unpaid fees until the term ends. */
function lifeOf(type: string, filed: number, last: number, random: SeededRandom): { grant: number | null; lapse: number | null } {
  const [grantRate, delay, hazard, term] =
    type === 'invention'
      ? [0.55, 2 + Math.floor(random.uniform() * 3), 0.06, 20]
      : type === 'utility'
        ? [0.9, Math.floor(random.uniform() * 2), 0.15, 10]
        : [0.95, Math.floor(random.uniform() * 2), 0.15, 10];
  if (random.uniform() >= grantRate || filed + delay > last) return { grant: null, lapse: null };
  const grant = filed + delay;
  const kept = Math.floor(Math.log(1 - random.uniform()) / Math.log(1 - hazard));
  const lapse = Math.min(grant + 1 + kept, filed + term);
  return { grant, lapse: lapse > last ? null : lapse };
}

/** An application number filed in or before `year` (transfers and pledges name existing patents). */
function someId(year: number, random: SeededRandom): string {
  const filed = year - Math.floor(random.uniform() * 8);
  return `CN${filed}1${String(1 + Math.floor(random.uniform() * 900_000)).padStart(7, '0')}`;
}

/** Shares `total` out over cells in proportion to their weights, in whole numbers adding up to `total` (largest remainders). */
function allocate<T extends { weight: number }>(total: number, cells: readonly T[]): (T & { n: number })[] {
  const sum = cells.reduce((s, c) => s + c.weight, 0);
  const exact = cells.map((c) => (sum > 0 ? (total * c.weight) / sum : 0));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  return cells.map((c, i) => ({ ...c, n: counts[i]! }));
}

/** Writes a header and the lines a generator yields, in large chunks, waiting when the disk is behind. */
async function writeCsv(path: string, header: string, lines: () => Generator<string>): Promise<{ file: string; records: number }> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let chunk: string[] = [header];
  let records = 0;
  for (const line of lines()) {
    chunk.push(line);
    records += 1;
    if (chunk.length >= 20_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  out.end(chunk.length > 0 ? `${chunk.join('\n')}\n` : '');
  await once(out, 'finish');
  return { file: path, records };
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(x, lo), hi) : lo;
}
