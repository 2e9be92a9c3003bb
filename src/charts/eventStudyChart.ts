import * as Plot from '@observablehq/plot';
import type { EffectRow, Lang } from '../lib/report.ts';
import { renderPlot } from './renderPlot.ts';

/**
 * The event study of certification for one outcome: the estimated effect at each year from
 * certification (0: the year first certified) with its 95% band as an error bar, a line at 0,
 * and a dashed line between the years before certification (a check of parallel trends: they
 * should sit on 0) and those from it on. Suppressed estimates are left out.
 */
export function eventStudyChart(
  rows: readonly EffectRow[],
  { locale, outcome, decimals }: { locale: Lang; outcome: string; decimals: number },
): string {
  const data = rows.filter((r) => r.event_time !== null && r.att !== null);
  const overall = rows.find((r) => r.event_time === null);
  const words =
    locale === 'zh'
      ? {
          x: '距首次认证的年数 →',
          y: `↑ 对${outcome}的影响`,
          alt: `${outcome}的事件研究图：认证前后各年的影响估计及95%置信区间${overall?.att == null ? '' : `；认证后平均影响${overall.att.toFixed(decimals)}（${overall.ci_low?.toFixed(decimals)}–${overall.ci_high?.toFixed(decimals)}）`}`,
        }
      : {
          x: 'Years from first certification →',
          y: `↑ Effect on ${outcome}`,
          alt: `Event study of ${outcome}: the estimated effect in each year before and after certification with 95% confidence intervals${overall?.att == null ? '' : `; average effect after certification ${overall.att.toFixed(decimals)} (${overall.ci_low?.toFixed(decimals)}–${overall.ci_high?.toFixed(decimals)})`}`,
        };
  return renderPlot(
    {
      width: 640,
      height: 300,
      marginLeft: 60,
      x: { label: words.x, tickFormat: 'd' },
      y: { label: words.y, grid: true, nice: true },
      marks: [
        Plot.ruleY([0]),
        Plot.ruleX([-0.5], { stroke: '#888', strokeDasharray: '4 3' }),
        Plot.ruleX(data, {
          x: 'event_time',
          y1: 'ci_low',
          y2: 'ci_high',
          stroke: (r: EffectRow) => ((r.event_time ?? 0) < 0 ? '#888' : '#1f4e9c'),
          strokeWidth: 1.5,
        }),
        Plot.dot(data, {
          x: 'event_time',
          y: 'att',
          fill: (r: EffectRow) => ((r.event_time ?? 0) < 0 ? '#888' : '#1f4e9c'),
          r: 3.5,
          title: (r: EffectRow) =>
            `${r.event_time}: ${r.att?.toFixed(decimals)} (${r.ci_low?.toFixed(decimals)}–${r.ci_high?.toFixed(decimals)})`,
        }),
      ],
    },
    words.alt,
  );
}
