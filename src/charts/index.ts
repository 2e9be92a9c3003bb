// The charts of the report: each a pure function (rows, options) -> SVG string, drawn with
// Observable Plot at build time so that pages show them without JavaScript and in print.
export { compareTrendChart, type CompareTrendRow } from './compareTrendChart.ts';
export { dimensionChart, type DimensionRow } from './dimensionChart.ts';
export { distributionChart, type DistributionRow } from './distributionChart.ts';
export { indicatorTrendChart } from './indicatorTrendChart.ts';
export { nationalTrendChart } from './nationalTrendChart.ts';
export { groupColors, rankingChart, type RankingChartRow } from './rankingChart.ts';
export { regionTrendChart, type RegionTrendRow } from './regionTrendChart.ts';
export { tileMapChart } from './tileMapChart.ts';
export { estimateChart, type EstimateRow } from './estimateChart.ts';
export { certificationTrendChart, type CertificationYear } from './certificationTrendChart.ts';
export { transferTrendChart, type TransferYear } from './transferTrendChart.ts';
export { eventStudyChart } from './eventStudyChart.ts';
