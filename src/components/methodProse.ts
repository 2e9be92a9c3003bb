import type { Lang } from '$lib/report';

// The methodology page says in words what each step of method.yaml did with the settings it
// was given, as a statistical yearbook's explanatory notes do; the settings themselves follow in
// a table with their method.yaml keys, for whoever wants to reproduce the run.

type Settings = Record<string, unknown>;
type Words = { zh: string; en: string };

/** The names of the settings' values that are words (methods, scopes), in both languages. */
const valueNames: Record<string, Words> = {
  minmax: { zh: '最小—最大值法', en: 'min-max' },
  zscore: { zh: '标准分数法（z-score）', en: 'z-scores' },
  rank: { zh: '排名法', en: 'ranks' },
  percentile: { zh: '百分位法', en: 'percentiles' },
  distance_to_max: { zh: '与最大值的距离', en: 'distance to the maximum' },
  target: { zh: '与目标值的距离', en: 'distance to the target' },
  reference: { zh: '相对参照值', en: 'relative to the reference' },
  borda: { zh: '博达计数（名次减1）', en: 'Borda scores (rank − 1)' },
  fraction_of_max: { zh: '占最大值的比例', en: 'fraction of the maximum' },
  arithmetic: { zh: '加权算术平均', en: 'weighted arithmetic mean' },
  geometric: { zh: '加权几何平均', en: 'weighted geometric mean' },
  harmonic: { zh: '加权调和平均', en: 'weighted harmonic mean' },
  generalised: { zh: '加权广义均值', en: 'weighted generalised mean' },
  copeland: { zh: '科普兰法（两两比较）', en: "Copeland's rule (pairwise comparisons)" },
  mpi: { zh: '马齐奥塔—帕雷托指数（MPI）', en: 'the Mazziotta–Pareto index (MPI)' },
  bod: { zh: '有利假设法（BoD，数据包络分析）', en: 'benefit of the doubt (BoD, data envelopment analysis)' },
  none: { zh: '不处理', en: 'none' },
  mean: { zh: '各地区平均值', en: 'the mean of the regions' },
  median: { zh: '各地区中位数', en: 'the median of the regions' },
  group_mean: { zh: '同区域地区的平均值', en: 'the mean of the regions of the same zone' },
  group_median: { zh: '同区域地区的中位数', en: 'the median of the regions of the same zone' },
  latest: { zh: '本地区最近年份的值', en: "the region's latest earlier value" },
  linear: { zh: '本地区前后年份间的线性插值', en: "linear interpolation between the region's years" },
  framework: { zh: '指标体系（framework.csv）中的权重', en: 'the weights of the framework (framework.csv)' },
  equal: { zh: '等权', en: 'equal weights' },
  pca: { zh: '主成分分析（第一主成分载荷的平方）', en: 'principal components (squared loadings of the first component)' },
  pca_signed: { zh: '主成分分析（第一主成分载荷）', en: 'principal components (loadings of the first component)' },
  winsorise: { zh: '缩尾', en: 'winsorising' },
  national: { zh: '全国', en: 'the nation' },
  year: { zh: '逐年', en: 'each year' },
  all: { zh: '全部年份', en: 'all years' },
  raw: { zh: '插补前', en: 'before imputation' },
  imputed: { zh: '插补后', en: 'after imputation' },
};

/** A setting's value in words: a named value, yes or no, a list, or the number as it is. */
export function valueText(lang: Lang, value: unknown): string {
  if (value === null || value === undefined) return lang === 'zh' ? '未设置' : 'not set';
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (Array.isArray(value))
    return value.length === 0 ? (lang === 'zh' ? '无' : 'none') : value.map((v) => valueText(lang, v)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Settings);
    return entries.length === 0
      ? lang === 'zh'
        ? '无'
        : 'none'
      : entries.map(([k, v]) => `${k}: ${valueText(lang, v)}`).join(lang === 'zh' ? '；' : '; ');
  }
  if (typeof value === 'string') return valueNames[value]?.[lang] ?? value;
  return String(value);
}

const percent = (share: unknown) => `${Math.round(Number(share) * 1000) / 10}%`;

/**
 * What a step of the method did, in a sentence or two built from its settings; null for a step
 * that has no prose (its table of settings says it all).
 */
export function methodProse(lang: Lang, step: string, value: unknown): string | null {
  const s = (value ?? {}) as Settings;
  const v = (key: string) => valueText(lang, s[key]);
  const zh = lang === 'zh';
  switch (step) {
    case 'screen': {
      // A threshold of 0 screens nothing out: said so, rather than "less than 0%".
      const regions =
        Number(s.regions) === 0
          ? zh
            ? '地区不按数据可得性筛选'
            : 'Regions are not screened'
          : zh
            ? `一个地区某年有数值的指标不足 ${percent(s.regions)} 时，该地区当年不计算指数`
            : `A region with a value for less than ${percent(s.regions)} of the indicators in a year gets no index that year`;
      const indicators =
        Number(s.indicators) === 0
          ? zh
            ? '指标不按数据可得性筛选'
            : 'indicators are not screened'
          : zh
            ? `一项指标某年有数值的地区不足 ${percent(s.indicators)} 时，该指标当年不参与计算`
            : `an indicator with a value for less than ${percent(s.indicators)} of the regions in a year is left out that year`;
      return zh
        ? `${regions}；${indicators}。数据可得性按${v('on')}的数据计算。`
        : `${regions}; ${indicators}. Availability is counted ${v('on')}.`;
    }
    case 'impute':
      return s.method === 'none'
        ? zh
          ? '缺失值不插补：缺失的指标不参与汇总，其余指标的权重重新归一。'
          : 'Missing values are not imputed: a missing indicator drops out of the aggregation and the weights of the others are renormalised.'
        : zh
          ? `缺失值以${v('method')}插补，插补值在表中以 a 标注。`
          : `Missing values are imputed with ${v('method')}; imputed values are marked a in the tables.`;
    case 'treat':
      return s.method === 'none'
        ? zh
          ? '不处理异常值。'
          : 'Outliers are not treated.'
        : zh
          ? `偏度绝对值超过 ${v('skew')} 且峰度超过 ${v('kurtosis')} 的指标视为有异常值，逐个缩尾其最极端的值（至多 ${v('winmax')} 个）直至不再超过阈值${s.log ? '；缩尾仍不能满足时，改为对原始数据取对数' : ''}。处理过的值以 b 标注。`
          : `An indicator whose absolute skewness exceeds ${v('skew')} and whose kurtosis exceeds ${v('kurtosis')} has outliers: its most extreme values are winsorised one at a time (at most ${v('winmax')}) until it passes${s.log ? '; if that is not enough, the original values are log-transformed instead' : ''}. Treated values are marked b.`;
    case 'normalise': {
      const bounds =
        s.method === 'zscore'
          ? zh
            ? `，平均值为 ${v('mean')}、标准差为 ${v('sd')}`
            : `, with mean ${v('mean')} and standard deviation ${v('sd')}`
          : zh
            ? `，得分在 ${v('lower')} 至 ${v('upper')} 之间`
            : `, scores from ${v('lower')} to ${v('upper')}`;
      const over =
        s.over === 'all'
          ? zh
            ? '最小值和最大值取全部年份的，因此各年得分可以相互比较。'
            : 'The minimum and maximum are those of all years together, so scores compare across years.'
          : zh
            ? '每年单独计算，得分反映当年各地区的相对位置，跨年变化不表示绝对水平的升降。'
            : "Each year is normalised on its own: scores show the regions' positions in that year, and their change across years is not a change of level.";
      return zh
        ? `各指标先按方向调整（逆向指标取反，使数值越高越好），再以${v('method')}标准化${bounds}。${over}`
        : `Each indicator is first turned so that higher is better (negative indicators reversed), then normalised by ${v('method')}${bounds}. ${over}`;
    }
    case 'weights':
      return zh
        ? `权重采用${v('method')}；某一地区缺少的下级不参与汇总，其余下级的权重重新归一。`
        : `Weights: ${v('method')}; where a region lacks a child, the weights of the other children are renormalised.`;
    case 'aggregate': {
      const levels = Object.entries((s.levels ?? {}) as Settings);
      const power = s.method === 'generalised' ? (zh ? `（幂为 ${v('power')}）` : ` (power ${v('power')})`) : '';
      const byLevel =
        levels.length === 0
          ? ''
          : zh
            ? `；其中${levels.map(([level, method]) => `第${level}层用${valueText(lang, method)}`).join('，')}`
            : `, except ${levels.map(([level, method]) => `level ${level}, by ${valueText(lang, method)}`).join(', ')}`;
      const used = new Set([s.method, ...levels.map(([, method]) => method)]);
      // The methods that do not weigh children by the framework's weights say what they do instead.
      const notes = [
        used.has('mpi')
          ? zh
            ? 'MPI 为下级得分的平均值减去惩罚项 S²/M（S 为标准差，M 为平均值），各项得分越不均衡扣减越多，不使用权重。'
            : "The MPI is the mean of the children's scores less the penalty S²/M (S their standard deviation, M their mean): the more uneven a region's scores, the more it loses; it uses no weights."
          : null,
        used.has('bod')
          ? zh
            ? 'BoD 为每个地区选取最有利于它的权重，条件是按这组权重任何地区的得分都不超过 100；得分为相对前沿的百分数，在 0 至 100 之间，100 为前沿。各地区选定的权重见 data/bod_weights.csv，该层不使用指标体系的权重。'
            : "BoD gives each region the weights that put it in its best light, on condition that no region scores above 100 with them; scores are in percent of the frontier, from 0 to 100, 100 being the frontier. The weights chosen for each region are in data/bod_weights.csv; the framework's weights are not used at that level."
          : null,
      ]
        .filter((n) => n !== null)
        .join(zh ? '' : ' ');
      const method = valueText(lang, s.method);
      return zh
        ? `逐级汇总：指标得分汇总为维度得分，维度得分汇总为综合指数，方法为${method}${power}${byLevel}。${notes}`
        : `Level by level, indicator scores make dimension scores and dimension scores make the index, by ${/^(the|benefit) /.test(method) ? '' : 'the '}${method}${power}${byLevel}.${notes === '' ? '' : ` ${notes}`}`;
    }
    case 'reference':
      return zh
        ? `绩效分组和按参照值标准化以${valueText(lang, value)}为参照（100%）。`
        : `Performance groups and normalisation by reference take ${valueText(lang, value)} as the reference (100%).`;
    case 'groups':
      return zh
        ? `按综合指数占参照值的百分比分组：高于 ${v('leaders')}% 为领先，${v('strong')}%–${v('leaders')}% 为较强，${v('moderate')}%–${v('strong')}% 为中等，低于 ${v('moderate')}% 为追赶。`
        : `Groups by the index as a percentage of the reference: leaders above ${v('leaders')}%, strong ${v('strong')}–${v('leaders')}%, moderate ${v('moderate')}–${v('strong')}%, emerging below ${v('moderate')}%.`;
    case 'uncertainty':
      return Number(s.runs) === 0
        ? zh
          ? '未进行不确定性分析。'
          : 'No uncertainty analysis was run.'
        : zh
          ? `蒙特卡洛模拟 ${v('runs')} 次（随机种子 ${v('seed')}），分析${s.years === 'all' ? '全部年份' : '最近一年'}：每次各权重在其 ±${percent(s.weights)} 范围内均匀抽取，标准化方法从${v('normalise')}中抽取；公布每个地区排名的第5、50、95百分位。`
          : `Monte Carlo simulation, ${v('runs')} runs (seed ${v('seed')}), of ${s.years === 'all' ? 'every year' : 'the latest year'}: in each run every weight is drawn uniformly within ±${percent(s.weights)} of itself and the normalisation from ${v('normalise')}; each region's rank is published at its 5th, 50th and 95th percentiles.`;
    default:
      return null;
  }
}

/** The names of the settings, by their method.yaml key (the last part of a nested key). */
const settingNames: Record<string, Words> = {
  regions: { zh: '地区最低数据可得率', en: 'Least availability of a region' },
  indicators: { zh: '指标最低数据可得率', en: 'Least availability of an indicator' },
  on: { zh: '可得率计算时点', en: 'Availability counted' },
  method: { zh: '方法', en: 'Method' },
  winmax: { zh: '至多缩尾个数', en: 'Most values winsorised' },
  skew: { zh: '偏度阈值', en: 'Skewness threshold' },
  kurtosis: { zh: '峰度阈值', en: 'Kurtosis threshold' },
  log: { zh: '必要时取对数', en: 'Log-transform if needed' },
  lower: { zh: '下限', en: 'Lower bound' },
  upper: { zh: '上限', en: 'Upper bound' },
  over: { zh: '标准化范围', en: 'Normalised over' },
  mean: { zh: '平均值', en: 'Mean' },
  sd: { zh: '标准差', en: 'Standard deviation' },
  power: { zh: '广义均值的幂', en: 'Power of the generalised mean' },
  levels: { zh: '各层另定的方法', en: 'Methods of particular levels' },
  leaders: { zh: '领先（%）', en: 'Leaders (%)' },
  strong: { zh: '较强（%）', en: 'Strong (%)' },
  moderate: { zh: '中等（%）', en: 'Moderate (%)' },
  runs: { zh: '模拟次数', en: 'Runs' },
  seed: { zh: '随机种子', en: 'Seed' },
  weights: { zh: '权重扰动幅度', en: 'Weight perturbation' },
  years: { zh: '分析年份', en: 'Years analysed' },
  normalise: { zh: '抽取的标准化方法', en: 'Normalisations drawn' },
  sampling: { zh: '包含抽样误差', en: 'Sampling error included' },
  sample_data: { zh: '示例数据', en: 'Sample data' },
  scope: { zh: '覆盖范围说明', en: 'Scope' },
  depreciation: { zh: '折旧率', en: 'Depreciation rate' },
  depreciation_by_region: { zh: '各地区另定的折旧率', en: 'Depreciation rates of particular regions' },
  capitalisation_share: { zh: '资本化比例', en: 'Capitalisation share' },
  growth_years: { zh: '初始存量增长率的年数', en: 'Years of the initial growth rate' },
  base_year: { zh: '不变价基年', en: 'Base year of constant prices' },
  price_index: { zh: '价格指数变量', en: 'Price index variable' },
  other_volume_changes: { zh: '其他物量变化变量', en: 'Other changes in volume, variable' },
  tolerance: { zh: '容差', en: 'Tolerance' },
  on_break: { zh: '超出容差时', en: 'On a break' },
};

/** A step's settings as rows of a table: the setting in words, its value in words, its method.yaml key. */
export function settingRows(lang: Lang, step: string, value: unknown): { label: string; value: string; key: string }[] {
  const rows: { label: string; value: string; key: string }[] = [];
  const walk = (v: unknown, key: string) => {
    if (
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      key.split('.').length < 3 &&
      !['levels', 'depreciation_by_region', 'scope'].includes(key.split('.').at(-1)!)
    ) {
      for (const [k, inner] of Object.entries(v as Settings)) walk(inner, `${key}.${k}`);
      return;
    }
    const last = key.split('.').at(-1)!;
    const scope = last === 'scope' && v !== null && typeof v === 'object' ? (v as Words)[lang] : undefined;
    rows.push({ label: settingNames[last]?.[lang] ?? last, value: scope ?? valueText(lang, v), key });
  };
  walk(value, step);
  return rows;
}
