/**
 * National totals that the sample shares out among provinces, by variable and year.
 *
 * Rounded from the statistical bulletins on R&D, CNIPA annual reports, the Torch Centre's
 * technology-market statistics and CNIPA's pledge registrations (domestic applicants only);
 * years without a figure are interpolated geometrically between their neighbours.
 */
export const NATIONAL_TOTALS: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  // 万元
  rd_expenditure: {
    2014: 130_156_000,
    2015: 141_699_000,
    2016: 156_767_000,
    2017: 176_061_000,
    2018: 196_779_000,
    2019: 221_436_000,
    2020: 243_929_000,
    2021: 279_563_000,
    2022: 307_829_000,
    2023: 333_571_000,
    2024: 361_300_000,
  },
  rd_basic: {
    2014: 6_135_000,
    2015: 7_160_000,
    2016: 8_229_000,
    2017: 9_759_000,
    2018: 10_904_000,
    2019: 13_358_000,
    2020: 14_670_000,
    2021: 18_173_000,
    2022: 20_235_000,
    2023: 22_123_000,
    2024: 24_970_000,
  },
  // 人年
  rd_fte: {
    2014: 3_711_000,
    2015: 3_759_000,
    2016: 3_878_000,
    2017: 4_034_000,
    2018: 4_381_000,
    2019: 4_800_000,
    2020: 5_234_000,
    2021: 5_716_000,
    2022: 6_354_000,
    2023: 7_240_000,
    2024: 7_600_000,
  },
  // 件
  invention_in_force: {
    2014: 708_700,
    2015: 871_800,
    2016: 1_100_000,
    2017: 1_356_000,
    2018: 1_602_000,
    2019: 1_864_000,
    2020: 2_213_000,
    2021: 2_704_000,
    2022: 3_280_000,
    2023: 4_015_000,
    2024: 4_756_000,
  },
  // CNIPA has published the high-value count since 2020; earlier years are interpolated.
  high_value_in_force: {
    2014: 275_000,
    2020: 890_000,
    2021: 1_059_000,
    2022: 1_327_000,
    2023: 1_664_000,
    2024: 1_972_000,
  },
  invention_applications: {
    2014: 801_000,
    2015: 968_000,
    2016: 1_204_000,
    2017: 1_246_000,
    2018: 1_393_000,
    2019: 1_243_000,
    2020: 1_345_000,
    2021: 1_427_000,
    2022: 1_464_000,
    2023: 1_500_000,
    2024: 1_590_000,
  },
  invention_grants: {
    2014: 163_000,
    2015: 263_000,
    2016: 302_000,
    2017: 327_000,
    2018: 346_000,
    2019: 354_000,
    2020: 441_000,
    2021: 586_000,
    2022: 695_000,
    2023: 900_000,
    2024: 950_000,
  },
  patent_grants: {
    2014: 1_209_000,
    2015: 1_596_000,
    2016: 1_629_000,
    2017: 1_721_000,
    2018: 2_335_000,
    2019: 2_474_000,
    2020: 3_520_000,
    2021: 4_467_000,
    2022: 4_320_000,
    2023: 3_600_000,
    2024: 3_650_000,
  },
  patents_in_force: { 2014: 4_100_000, 2018: 8_100_000, 2023: 20_000_000, 2024: 21_500_000 },
  pct_applications: {
    2014: 25_500,
    2015: 29_800,
    2016: 42_000,
    2017: 48_900,
    2018: 52_800,
    2019: 59_000,
    2020: 67_000,
    2021: 69_500,
    2022: 70_000,
    2023: 70_000,
    2024: 71_000,
  },
  // 次
  patent_transfers_licences: { 2014: 140_000, 2023: 480_000, 2024: 520_000 },
  // 亿元
  tech_contract_turnover: {
    2014: 8_577,
    2015: 9_835,
    2016: 11_407,
    2017: 13_424,
    2018: 17_697,
    2019: 22_398,
    2020: 28_252,
    2021: 37_294,
    2022: 47_791,
    2023: 61_476,
    2024: 68_385,
  },
  // 项
  tech_contracts: {
    2014: 297_000,
    2015: 307_000,
    2016: 320_000,
    2017: 368_000,
    2018: 412_000,
    2019: 484_000,
    2020: 549_000,
    2021: 671_000,
    2022: 773_000,
    2023: 950_000,
    2024: 990_000,
  },
  // 万元; an order of magnitude only, as no official series exists.
  university_transfer_income: { 2014: 80_000, 2023: 600_000, 2024: 680_000 },
  // 亿元
  pledge_amount: {
    2014: 489,
    2015: 560,
    2016: 640,
    2017: 720,
    2018: 885,
    2019: 1_105,
    2020: 1_558,
    2021: 3_098,
    2022: 4_868,
    2023: 8_540,
    2024: 10_500,
  },
  // 件
  pledged_patents: { 2014: 12_000, 2019: 30_000, 2023: 110_000, 2024: 125_000 },
  // The 2018 reform of market regulation moved cases to adjudication, hence the fall in 2019.
  enforcement_cases: { 2014: 24_000, 2017: 66_000, 2019: 39_000, 2023: 58_000, 2024: 62_000 },
};

/**
 * National GDP price index (2014 = 100), from the yearly GDP deflator changes.
 */
export const NATIONAL_DEFLATOR: Readonly<Record<number, number>> = {
  2014: 100,
  2015: 100.1,
  2016: 101.3,
  2017: 105.4,
  2018: 109.1,
  2019: 110.5,
  2020: 111,
  2021: 116.1,
  2022: 118.7,
  2023: 118.1,
  2024: 117.3,
};

/**
 * The business cycle as a deviation of log nominal GDP from its 2014-2023 trend.
 *
 * Zero at both ends so that the provinces' 2014 and 2023 levels hold; it reproduces the fast
 * 2017-2018 and 2021 years, the 2020 slump and the slow 2023-2024 nominal growth.
 */
export const GDP_CYCLE: Readonly<Record<number, number>> = {
  2014: 0,
  2015: -0.006,
  2016: 0.001,
  2017: 0.036,
  2018: 0.062,
  2019: 0.058,
  2020: 0.011,
  2021: 0.057,
  2022: 0.03,
  2023: 0,
  2024: -0.033,
};
