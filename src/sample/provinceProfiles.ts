/**
 * What the sample model knows about one province: published magnitudes, rounded.
 *
 * Pairs are [2014, 2023]. Single numbers are 2023 levels; the generator moves them back in time.
 * Factors are relative to a typical province (1) and shape how a national total is shared out.
 */
export interface ProvinceProfile {
  /** Resident population, 万人. */
  population: [number, number];
  /** Gross regional product, 亿元 (2014 on the basis revised after the 2018 economic census). */
  gdp: [number, number];
  /** R&D expenditure / GDP, %. */
  rdIntensity: [number, number];
  /** Basic research share of R&D expenditure, %. */
  basicShare: number;
  /** Enterprise-funded share of R&D expenditure, %. */
  enterpriseShare: number;
  /** R&D full-time equivalents per yuan of R&D (labour-intensive R&D > 1, costly R&D < 1). */
  ftePerYuan: number;
  /** Invention applications per yuan of R&D. */
  applicationsPerYuan: number;
  /** Invention patents as a share of all patents granted (utility models and designs dilute it). */
  inventionShareOfGrants: number;
  /** Invention patents in force per 10k population. */
  inventionPer10k: number;
  /** How much more of the invention stock counts as high value than elsewhere. */
  highValueFactor: number;
  /** PCT applications per 10k population. */
  pctPer10k: number;
  /** Patent assignments and licences per invention patent in force. */
  transferRate: number;
  /** Technology contract turnover / GDP, %. */
  techContractShare: number;
  /** Average size of a technology contract. */
  contractSize: number;
  /** University patent income per yuan of basic research. */
  universityFactor: number;
  /** Patent pledge financing / GDP, ‰. */
  pledgePermille: number;
  /** Year a provincial pledge-financing programme took off; before it lending was a tenth. */
  pledgeTakeOff?: number;
  /** Administrative enforcement cases per patent granted. */
  enforcementFactor: number;
}

type Relative =
  | 'ftePerYuan'
  | 'applicationsPerYuan'
  | 'highValueFactor'
  | 'transferRate'
  | 'contractSize'
  | 'universityFactor'
  | 'enforcementFactor';

function profile(
  levels: Omit<ProvinceProfile, Relative> & Partial<Pick<ProvinceProfile, Relative>>,
): ProvinceProfile {
  return {
    ftePerYuan: 1,
    applicationsPerYuan: 1,
    highValueFactor: 0.9,
    transferRate: 1,
    contractSize: 1,
    universityFactor: 1,
    enforcementFactor: 1,
    ...levels,
  };
}

/**
 * Calibration of the sample model for the 31 provinces, keyed by GB/T 2260 code.
 *
 * Levels follow the China Statistical Yearbook, the statistical bulletins on R&D expenditure,
 * CNIPA annual reports and the Torch Centre's technology-market statistics, rounded; Tianjin's
 * and Zhejiang's R&D intensity are set a little below Jiangsu's so that the four leaders of
 * the sample are unambiguous.
 */
export const PROVINCE_PROFILES: Readonly<Record<string, ProvinceProfile>> = {
  // Beijing: government-funded science, the national technology market, universities.
  '110000': profile({
    population: [2171, 2186], gdp: [21331, 43761], rdIntensity: [5.95, 6.6],
    basicShare: 16, enterpriseShare: 38, ftePerYuan: 0.6, applicationsPerYuan: 1.45,
    inventionShareOfGrants: 0.45,
    inventionPer10k: 262, highValueFactor: 1.3, pctPer10k: 5.0, transferRate: 0.8,
    techContractShare: 19.5, contractSize: 1.25, universityFactor: 1.2, pledgePermille: 11,
    enforcementFactor: 3,
  }),
  '120000': profile({
    population: [1517, 1364], gdp: [11800, 16737], rdIntensity: [2.25, 3.05],
    basicShare: 6, enterpriseShare: 75, ftePerYuan: 0.8, inventionShareOfGrants: 0.2,
    inventionPer10k: 43, highValueFactor: 1, pctPer10k: 0.5,
    techContractShare: 11, pledgePermille: 4.5,
  }),
  '130000': profile({
    population: [7384, 7393], gdp: [26000, 43944], rdIntensity: [1.06, 2.08],
    basicShare: 3.5, enterpriseShare: 83, ftePerYuan: 1.1, inventionShareOfGrants: 0.16,
    inventionPer10k: 9.5, pctPer10k: 0.055, techContractShare: 3.2, pledgePermille: 4,
  }),
  '140000': profile({
    population: [3648, 3466], gdp: [12761, 25698], rdIntensity: [1.19, 1.16],
    basicShare: 5, enterpriseShare: 78, ftePerYuan: 1.1, inventionShareOfGrants: 0.22,
    inventionPer10k: 9, pctPer10k: 0.045, techContractShare: 1.2, pledgePermille: 2,
  }),
  '150000': profile({
    population: [2505, 2396], gdp: [14200, 24627], rdIntensity: [0.69, 0.98],
    basicShare: 3, enterpriseShare: 82, ftePerYuan: 0.9, inventionShareOfGrants: 0.15,
    inventionPer10k: 6, pctPer10k: 0.025, techContractShare: 0.3, pledgePermille: 1,
  }),
  '210000': profile({
    population: [4391, 4182], gdp: [20600, 30209], rdIntensity: [1.52, 2.19],
    basicShare: 6.5, enterpriseShare: 70, ftePerYuan: 0.95, inventionShareOfGrants: 0.3,
    inventionPer10k: 17, pctPer10k: 0.12, techContractShare: 4.3, pledgePermille: 3,
  }),
  '220000': profile({
    population: [2752, 2339], gdp: [10300, 13531], rdIntensity: [0.95, 1.43],
    basicShare: 11, enterpriseShare: 55, inventionShareOfGrants: 0.33,
    inventionPer10k: 13, pctPer10k: 0.085, techContractShare: 3.7, pledgePermille: 2,
  }),
  '230000': profile({
    population: [3833, 3062], gdp: [11200, 15884], rdIntensity: [1.07, 1.44],
    basicShare: 10, enterpriseShare: 50, ftePerYuan: 1.1, inventionShareOfGrants: 0.35,
    inventionPer10k: 12, pctPer10k: 0.065, techContractShare: 3.8, pledgePermille: 2,
  }),
  // Shanghai: basic research, foreign-invested R&D centres, high-value patents.
  '310000': profile({
    population: [2467, 2487], gdp: [23568, 47219], rdIntensity: [3.66, 4.34],
    basicShare: 10, enterpriseShare: 62, ftePerYuan: 0.7, applicationsPerYuan: 1.1,
    inventionShareOfGrants: 0.3, inventionPer10k: 81, highValueFactor: 1.25, pctPer10k: 2.4,
    techContractShare: 10.3, contractSize: 1.4, universityFactor: 1.2, pledgePermille: 7,
    enforcementFactor: 2.5,
  }),
  // Jiangsu: manufacturing R&D at scale, many utility models.
  '320000': profile({
    population: [8281, 8526], gdp: [65088, 128222], rdIntensity: [2.5, 3.35],
    basicShare: 3.8, enterpriseShare: 87, ftePerYuan: 1.05, applicationsPerYuan: 1.1,
    inventionShareOfGrants: 0.19, inventionPer10k: 64, highValueFactor: 1.05, pctPer10k: 0.88,
    transferRate: 1.5, techContractShare: 3.2, contractSize: 0.8, universityFactor: 2,
    pledgePermille: 11, enforcementFactor: 1.6,
  }),
  // Zhejiang: private firms, the largest patent pledge market.
  '330000': profile({
    population: [5890, 6627], gdp: [40173, 82553], rdIntensity: [2.15, 3.15],
    basicShare: 3.5, enterpriseShare: 89, ftePerYuan: 1.3, applicationsPerYuan: 1.05,
    inventionShareOfGrants: 0.15, inventionPer10k: 50, pctPer10k: 0.68,
    transferRate: 1.1, techContractShare: 3.5, contractSize: 0.5, universityFactor: 2,
    pledgePermille: 12,
  }),
  '340000': profile({
    population: [6083, 6121], gdp: [20849, 47051], rdIntensity: [1.89, 2.69],
    basicShare: 6.5, enterpriseShare: 80, applicationsPerYuan: 1.2, inventionShareOfGrants: 0.27,
    inventionPer10k: 24, pctPer10k: 0.21, techContractShare: 7.4, pledgePermille: 8,
  }),
  '350000': profile({
    population: [3945, 4183], gdp: [24056, 54355], rdIntensity: [1.48, 2.08],
    basicShare: 3.5, enterpriseShare: 88, ftePerYuan: 1.2, inventionShareOfGrants: 0.14,
    inventionPer10k: 23, pctPer10k: 0.31, techContractShare: 0.9, pledgePermille: 5.5,
  }),
  '360000': profile({
    population: [4542, 4515], gdp: [15715, 32200], rdIntensity: [0.97, 1.88],
    basicShare: 3.5, enterpriseShare: 86, ftePerYuan: 1.15, inventionShareOfGrants: 0.12,
    inventionPer10k: 9.5, pctPer10k: 0.066, techContractShare: 3.4, pledgePermille: 5,
  }),
  '370000': profile({
    population: [9808, 10123], gdp: [52000, 92069], rdIntensity: [2.19, 2.49],
    basicShare: 3.5, enterpriseShare: 86, ftePerYuan: 0.95, applicationsPerYuan: 1.05,
    inventionShareOfGrants: 0.22, inventionPer10k: 24, pctPer10k: 0.3,
    techContractShare: 4.2, pledgePermille: 8.5,
  }),
  '410000': profile({
    population: [9645, 9815], gdp: [33000, 59132], rdIntensity: [1.14, 2.05],
    basicShare: 3, enterpriseShare: 84, ftePerYuan: 1.15, inventionShareOfGrants: 0.15,
    inventionPer10k: 8.5, pctPer10k: 0.06, techContractShare: 2.3, pledgePermille: 4,
  }),
  '420000': profile({
    population: [5816, 5838], gdp: [27379, 55804], rdIntensity: [1.87, 2.52],
    basicShare: 6.5, enterpriseShare: 75, ftePerYuan: 0.95, inventionShareOfGrants: 0.3,
    inventionPer10k: 27, pctPer10k: 0.31, techContractShare: 8.7, universityFactor: 1.2,
    pledgePermille: 7,
  }),
  '430000': profile({
    population: [6611, 6568], gdp: [27037, 50013], rdIntensity: [1.36, 2.57],
    basicShare: 4.5, enterpriseShare: 84, ftePerYuan: 1.05, inventionShareOfGrants: 0.25,
    inventionPer10k: 16, pctPer10k: 0.12, techContractShare: 6, pledgePermille: 6,
  }),
  // Guangdong: the largest R&D spender, a third of China's PCT filings.
  '440000': profile({
    population: [10724, 12706], gdp: [67810, 135673], rdIntensity: [2.45, 3.5],
    basicShare: 6, enterpriseShare: 86, ftePerYuan: 1.15, applicationsPerYuan: 1.1,
    inventionShareOfGrants: 0.16, inventionPer10k: 47, highValueFactor: 1.3, pctPer10k: 1.9,
    transferRate: 1.3, techContractShare: 3.5, contractSize: 1.2, universityFactor: 1.3,
    pledgePermille: 9, enforcementFactor: 2,
  }),
  '450000': profile({
    population: [4754, 5027], gdp: [15673, 27202], rdIntensity: [0.71, 0.9],
    basicShare: 6, enterpriseShare: 70, ftePerYuan: 1.1, inventionShareOfGrants: 0.25,
    inventionPer10k: 6.5, pctPer10k: 0.03, techContractShare: 2.2, pledgePermille: 2.5,
  }),
  '460000': profile({
    population: [903, 1043], gdp: [3500, 7551], rdIntensity: [0.48, 1.07],
    basicShare: 13, enterpriseShare: 55, inventionShareOfGrants: 0.18,
    inventionPer10k: 9, pctPer10k: 0.077, techContractShare: 0.7, pledgePermille: 2,
  }),
  '500000': profile({
    population: [3043, 3191], gdp: [14263, 30146], rdIntensity: [1.42, 2.46],
    basicShare: 5, enterpriseShare: 80, inventionShareOfGrants: 0.2,
    inventionPer10k: 19, pctPer10k: 0.16, techContractShare: 3, pledgePermille: 6,
  }),
  '510000': profile({
    population: [8139, 8368], gdp: [28537, 60133], rdIntensity: [1.57, 2.26],
    basicShare: 7.5, enterpriseShare: 58, ftePerYuan: 0.95, inventionShareOfGrants: 0.24,
    inventionPer10k: 15, pctPer10k: 0.14, techContractShare: 3.3, pledgePermille: 6.5,
  }),
  '520000': profile({
    population: [3677, 3865], gdp: [9266, 20913], rdIntensity: [0.6, 1.0],
    basicShare: 6, enterpriseShare: 70, ftePerYuan: 1.1, inventionShareOfGrants: 0.14,
    inventionPer10k: 6, pctPer10k: 0.031, techContractShare: 2.4, pledgePermille: 3,
  }),
  '530000': profile({
    population: [4653, 4673], gdp: [12815, 30021], rdIntensity: [0.67, 1.08],
    basicShare: 9, enterpriseShare: 68, ftePerYuan: 1.2, inventionShareOfGrants: 0.18,
    inventionPer10k: 6, pctPer10k: 0.032, techContractShare: 1, pledgePermille: 2,
  }),
  // Tibet: the smallest economy, R&D mostly public research institutes.
  '540000': profile({
    population: [318, 365], gdp: [921, 2393], rdIntensity: [0.26, 0.3],
    basicShare: 15, enterpriseShare: 25, applicationsPerYuan: 0.8, inventionShareOfGrants: 0.1,
    inventionPer10k: 2.5, pctPer10k: 0.0055, techContractShare: 0.2, universityFactor: 0.3,
    pledgePermille: 0.8,
  }),
  '610000': profile({
    population: [3827, 3952], gdp: [17690, 33786], rdIntensity: [2.07, 2.5],
    basicShare: 7, enterpriseShare: 48, ftePerYuan: 0.9, inventionShareOfGrants: 0.36,
    inventionPer10k: 27, pctPer10k: 0.18, techContractShare: 12.1, contractSize: 0.9,
    universityFactor: 1.2, pledgePermille: 5,
  }),
  // Gansu: a pledge programme launched in 2018 makes that year's growth an extreme outlier.
  '620000': profile({
    population: [2531, 2465], gdp: [6837, 11864], rdIntensity: [1.12, 1.32],
    basicShare: 10, enterpriseShare: 52, ftePerYuan: 1.1, inventionShareOfGrants: 0.2,
    inventionPer10k: 6, pctPer10k: 0.024, techContractShare: 4.6, pledgePermille: 2,
    pledgeTakeOff: 2018,
  }),
  '630000': profile({
    population: [583, 594], gdp: [2303, 3799], rdIntensity: [0.62, 0.76],
    basicShare: 8, enterpriseShare: 60, ftePerYuan: 0.9, inventionShareOfGrants: 0.15,
    inventionPer10k: 5, pctPer10k: 0.017, techContractShare: 0.8, pledgePermille: 1.2,
  }),
  '640000': profile({
    population: [678, 729], gdp: [2752, 5315], rdIntensity: [0.87, 1.57],
    basicShare: 5, enterpriseShare: 78, inventionShareOfGrants: 0.15,
    inventionPer10k: 9, pctPer10k: 0.055, techContractShare: 0.8, pledgePermille: 2.5,
  }),
  '650000': profile({
    population: [2298, 2598], gdp: [9273, 19126], rdIntensity: [0.53, 0.54],
    basicShare: 8, enterpriseShare: 60, inventionShareOfGrants: 0.14,
    inventionPer10k: 3.5, pctPer10k: 0.023, techContractShare: 0.4, pledgePermille: 1.2,
  }),
};
