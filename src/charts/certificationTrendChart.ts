import * as Plot from '@observablehq/plot';
import type { Lang } from '../lib/report.ts';
import { renderPlot } from './renderPlot.ts';

/** The nation's certificates in a year: the stock at year end and the flow of the year. */
export type CertificationYear = { year: number; certified: number | null; newly: number | null; ended: number | null };

/**
 * GB/T 29490 certification over the years, nationally: enterprises certified at year end (the
 * stock, a line) and enterprises first certified in the year (the flow, bars), with the
 * certificates suspended or withdrawn in the year as a second line.
 */
export function certificationTrendChart(rows: readonly CertificationYear[], locale: Lang): string {
  const words =
    locale === 'zh'
      ? { certified: '年末贯标认证企业', newly: '当年新增认证企业', ended: '当年暂停或撤销证书', y: '家 / 件' }
      : {
          certified: 'Certified at year end',
          newly: 'First certified in the year',
          ended: 'Suspended or withdrawn in the year',
          y: 'enterprises / certificates',
        };
  const last = rows.at(-1);
  const alt =
    last === undefined
      ? words.certified
      : locale === 'zh'
        ? `全国贯标认证企业数折线图，${rows[0]?.year}–${last.year}年：${last.year}年末${last.certified ?? '–'}家，当年新增${last.newly ?? '–'}家，暂停或撤销证书${last.ended ?? '–'}件`
        : `Line chart of enterprises certified to GB/T 29490 nationally, ${rows[0]?.year}-${last.year}: ${last.certified ?? '–'} at the end of ${last.year}, ${last.newly ?? '–'} first certified that year, ${last.ended ?? '–'} certificates suspended or withdrawn`;
  const long = rows.flatMap((r) => [
    { year: r.year, series: words.certified, value: r.certified },
    { year: r.year, series: words.ended, value: r.ended },
  ]);
  return renderPlot(
    {
      width: 640,
      height: 300,
      marginLeft: 55,
      x: { label: null, tickFormat: 'd', type: 'band', padding: 0.3 },
      y: { label: words.y, grid: true, nice: true, zero: true },
      color: { legend: true, domain: [words.certified, words.newly, words.ended], range: ['#1f4e9c', '#93bde9', '#d62728'] },
      marks: [
        Plot.barY(rows, { x: 'year', y: 'newly', fill: () => words.newly }),
        Plot.lineY(long, { x: 'year', y: 'value', stroke: 'series', strokeWidth: 2 }),
        Plot.dot(long, { x: 'year', y: 'value', fill: 'series', r: 2.5 }),
        Plot.ruleY([0]),
      ],
    },
    alt,
  );
}
