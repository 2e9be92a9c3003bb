import { terms } from './terms.ts';

/**
 * How a column of the published tables (out/data/*.csv) is rounded in the copies made for
 * spreadsheets: a number of decimals, `unit` (by the row's unit: unitDecimals), or
 * `significant` (four significant digits, for statistics without a unit of their own).
 */
export type Rounding = number | 'unit' | 'significant';

/** A column of the published tables: its names in both languages and how its copy for spreadsheets rounds it. */
export type TableColumn = { zh: string; en: string; rounding?: Rounding };

const count = 0;
const score = 2;

/**
 * The columns of every table ipindex publishes, by code: the data dictionary that the
 * spreadsheet copies (data/excel/) put in their headers and the workbook's notes sheet lists.
 * A column without rounding is text, a code, a flag or a whole number, and is copied as it is.
 */
export const tableColumns: Readonly<Record<string, TableColumn>> = {
  region_code: { zh: '地区代码', en: 'Region code' },
  name_zh: { zh: '中文名称', en: 'Name (Chinese)' },
  name_en: { zh: '英文名称', en: 'Name (English)' },
  zone: terms.zone,
  year: terms.year,
  variable: { zh: '变量代码', en: 'Variable code' },
  indicator: { zh: '指标代码', en: 'Indicator code' },
  node: { zh: '框架节点代码', en: 'Framework node code' },
  code: { zh: '框架节点代码', en: 'Framework node code' },
  level: { zh: '层级', en: 'Level' },
  stage: { zh: '计算阶段', en: 'Stage' },
  item: { zh: '账户项目', en: 'Account item' },
  price_basis: { zh: '价格基础', en: 'Price basis' },
  value: { zh: '数值', en: 'Value', rounding: 'unit' },
  unit: { zh: '单位', en: 'Unit' },
  source_value: { zh: '原始数值', en: 'Value as given', rounding: 'unit' },
  source_unit: { zh: '原始单位', en: 'Unit as given' },
  source_file: { zh: '来源文件', en: 'Source file' },
  source_row: { zh: '来源行号', en: 'Source row' },
  source_column: { zh: '来源列', en: 'Source column' },
  raw_value: { zh: '处理前数值', en: 'Value before treatment', rounding: 'unit' },
  imputed: { zh: '是否插补', en: 'Imputed' },
  treated: { zh: '是否处理异常值', en: 'Treated' },
  treatment: { zh: '处理方法', en: 'Treatment' },
  score: { zh: '得分', en: 'Score', rounding: score },
  rank: { zh: '排名', en: 'Rank' },
  previous_rank: { zh: '上年排名', en: 'Previous rank' },
  rank_change: { zh: '排名变化', en: 'Rank change' },
  score_change: { zh: '得分变化', en: 'Score change', rounding: score },
  growth: { zh: '增长率（%）', en: 'Growth (%)', rounding: 2 },
  reference_score: { zh: '参照得分', en: 'Reference score', rounding: score },
  relative: { zh: '相对参照', en: 'Relative to the reference', rounding: 3 },
  group: { zh: '表现分组', en: 'Performance group' },
  weight: { zh: '权重', en: 'Weight', rounding: 4 },
  effective_weight: { zh: '有效权重', en: 'Effective weight', rounding: 4 },
  child: { zh: '下级节点代码', en: 'Child node code' },
  contribution: { zh: '贡献（分）', en: 'Contribution (points)', rounding: score },
  share: { zh: '贡献占比（%）', en: 'Share of the index (%)', rounding: 2 },
  indicators: { zh: '指标数', en: 'Indicators' },
  available_raw: { zh: '有原始值的指标数', en: 'Indicators with data' },
  available_imputed: { zh: '插补后有值的指标数', en: 'Indicators with data after imputation' },
  availability: { zh: '数据可得率', en: 'Data availability', rounding: 3 },
  kept: { zh: '是否保留', en: 'Kept' },
  n: { zh: '样本数', en: 'Number of units' },
  skew_before: { zh: '偏度（处理前）', en: 'Skewness before', rounding: 3 },
  kurtosis_before: { zh: '峰度（处理前）', en: 'Kurtosis before', rounding: 3 },
  passed_before: { zh: '处理前是否通过', en: 'Passed before' },
  winsorised: { zh: '缩尾个数', en: 'Values winsorised' },
  skew_winsorised: { zh: '偏度（缩尾后）', en: 'Skewness after winsorising', rounding: 3 },
  kurtosis_winsorised: { zh: '峰度（缩尾后）', en: 'Kurtosis after winsorising', rounding: 3 },
  passed_winsorised: { zh: '缩尾后是否通过', en: 'Passed after winsorising' },
  log_transformed: { zh: '是否取对数', en: 'Log-transformed' },
  skew_log: { zh: '偏度（取对数后）', en: 'Skewness after the log', rounding: 3 },
  kurtosis_log: { zh: '峰度（取对数后）', en: 'Kurtosis after the log', rounding: 3 },
  passed_log: { zh: '取对数后是否通过', en: 'Passed after the log' },
  rank_p05: { zh: '排名第5百分位', en: 'Rank, 5th percentile' },
  rank_median: { zh: '排名中位数', en: 'Rank, median' },
  rank_p95: { zh: '排名第95百分位', en: 'Rank, 95th percentile' },
  rank_p05_without_sampling: { zh: '排名第5百分位（不含抽样误差）', en: 'Rank, 5th percentile, without sampling error' },
  rank_median_without_sampling: { zh: '排名中位数（不含抽样误差）', en: 'Rank, median, without sampling error' },
  rank_p95_without_sampling: { zh: '排名第95百分位（不含抽样误差）', en: 'Rank, 95th percentile, without sampling error' },
  file: { zh: '文件', en: 'File' },
  rows_read: { zh: '读取行数', en: 'Rows read' },
  rows_used: { zh: '使用行数', en: 'Rows used' },
  rows_dropped: { zh: '舍弃行数', en: 'Rows left out' },
  dropped_by_reason: { zh: '舍弃原因', en: 'Rows left out, by reason' },
  blank_rows: { zh: '空行数', en: 'Blank rows' },
  values: { zh: '数值个数', en: 'Values' },
  values_missing: { zh: '缺失值个数', en: 'Values missing' },
  values_converted: { zh: '换算单位的值个数', en: 'Values converted' },
  converted_by_how: { zh: '换算方式', en: 'Conversions, by how' },
  survey: { zh: '调查', en: 'Survey' },
  statistic: { zh: '统计量', en: 'Statistic' },
  domain: { zh: '分组变量', en: 'Domain' },
  domain_value: { zh: '分组', en: 'Domain value' },
  estimate: { zh: '估计值', en: 'Estimate', rounding: 'significant' },
  se: { zh: '标准误', en: 'Standard error', rounding: 'significant' },
  ci_low: { zh: '置信区间下限', en: 'Confidence interval, lower', rounding: 'significant' },
  ci_high: { zh: '置信区间上限', en: 'Confidence interval, upper', rounding: 'significant' },
  cv: { zh: '变异系数', en: 'Coefficient of variation', rounding: 3 },
  deff: { zh: '设计效应', en: 'Design effect', rounding: 3 },
  n_respondents: { zh: '应答单位数', en: 'Respondents' },
  quality: { zh: '质量等级', en: 'Quality' },
  suppressed: { zh: '是否抑制', en: 'Suppressed' },
  outcome: { zh: '结果变量', en: 'Outcome' },
  event_time: { zh: '相对认证年份', en: 'Years since certification' },
  att: { zh: '平均处理效应', en: 'Average effect on the certified', rounding: 'significant' },
  n_treated: { zh: '认证企业数', en: 'Certified enterprises' },
  n_control: { zh: '对照企业数', en: 'Comparison enterprises' },
  institution_id: { zh: '单位代码', en: 'Institution ID' },
  kind: { zh: '类型', en: 'Kind' },
  affiliation: { zh: '隶属关系', en: 'Affiliation' },
  patents_held: { zh: '有效专利（件）', en: 'Patents held' },
  invention_patents_held: { zh: '其中：发明专利（件）', en: 'of which inventions' },
  patents_granted: { zh: '当年授权专利（件）', en: 'Patents granted in the year' },
  assigned_count: { zh: '转让（项）', en: 'Assignments' },
  assigned_value: { zh: '转让合同金额（万元）', en: 'Assignment value (10k yuan)', rounding: 1 },
  licensed_count: { zh: '许可（项）', en: 'Licences' },
  licensed_value: { zh: '许可合同金额（万元）', en: 'Licence value (10k yuan)', rounding: 1 },
  licensed_exclusive: { zh: '其中：独占许可（项）', en: 'of which exclusive' },
  licensed_open: { zh: '其中：开放许可（项）', en: 'of which open licences' },
  equity_count: { zh: '作价投资（项）', en: 'Equity investments' },
  equity_value: { zh: '作价投资金额（万元）', en: 'Equity value (10k yuan)', rounding: 1 },
  income: { zh: '转化收入（万元）', en: 'Transfer income (10k yuan)', rounding: 1 },
  income_rewarded: { zh: '其中：奖励个人（万元）', en: 'of which rewards (10k yuan)', rounding: 1 },
  untransformed_state_funded: { zh: '未转化的财政资助专利（件）', en: 'State-funded patents not transferred' },
  office_staff: { zh: '技术转移机构人员（人）', en: 'Technology transfer office staff' },
};

/** Units whose amounts are whole numbers (counts), and the decimals of other units. */
const wholeUnits = new Set(['件', '项', '次', '人', '家', '个', '所', '人年', '件次']);
const unitDecimals: Readonly<Record<string, number>> = { 万元: 1, 亿元: 1, '%': 2, '‰': 2, 分: score };

/**
 * The decimals a value in `unit` is shown to: counts whole, 亿元 and 万元 to one (as the
 * yearbooks print them), percentages and scores to two, rates (件/万人) to two; `null` when the unit says nothing,
 * and four significant digits are kept.
 */
export function decimalsFor(unit: string | null | undefined): number | null {
  if (unit === null || unit === undefined || unit === '') return null;
  if (wholeUnits.has(unit)) return count;
  if (unit in unitDecimals) return unitDecimals[unit] ?? null;
  return unit.includes('/') ? 2 : null;
}

/** What each table of out/data holds, in both languages: the downloads page and the workbook's notes sheet name them so. */
export const tableTitles: Readonly<Record<string, { zh: string; en: string }>> = {
  observations: { zh: '观测值（统一单位，含来源）', en: 'Observations (converted units, with their sources)' },
  indicators: { zh: '指标值（含插补与异常值处理标记）', en: 'Indicator values (with imputation and treatment marks)' },
  national_indicators: { zh: '全国指标值', en: 'Indicator values of the nation' },
  scores: { zh: '标准化得分、维度得分与指数及排名', en: 'Normalised scores, dimension scores and the index, with ranks' },
  ranking: { zh: '综合指数排名', en: 'Index ranking' },
  score_changes: { zh: '得分与排名的年度变化', en: 'Changes of scores and ranks on the year before' },
  contributions: { zh: '各指标对综合指数的贡献', en: 'Contributions of the indicators to the index' },
  performance_groups: { zh: '绩效分组', en: 'Performance groups' },
  composite_stages: { zh: '合成指数各计算阶段的数值', en: 'The values at each stage of the composite' },
  effective_weights: { zh: '权重与有效权重', en: 'Weights and effective weights' },
  bod_weights: { zh: '“有利假设”（BoD）法为各地区选定的权重', en: 'The weights benefit of the doubt (BoD) chose for each region' },
  screening: { zh: '数据可得性筛选', en: 'Screening by data availability' },
  treatment: { zh: '异常值检验与处理', en: 'Outlier tests and treatment' },
  uncertainty: { zh: '排名不确定性', en: 'Rank uncertainty' },
  accounts: { zh: '国民账户中的知识产权产品', en: 'IP products in the national accounts' },
  quality: { zh: '数据质量', en: 'Data quality' },
  estimates: { zh: '抽样调查估计值', en: 'Survey estimates' },
  certification_effect: { zh: '贯标认证的实施效果（事件研究）', en: 'The effect of certification (event study)' },
  institution_reports: { zh: '高校院所知识产权转移转化报表', en: 'IP transfer reports of universities and institutes' },
};
