// Decimals as a yearbook prints them: counts whole, money and population to the precision
// their unit makes meaningful.
const DECIMALS: Readonly<Record<string, number>> = {
  件: 0,
  次: 0,
  项: 0,
  人年: 0,
  万元: 1,
  亿元: 2,
  万人: 2,
  '2014=100': 2,
};

/** Rounds a value to the number of decimals its codebook unit is published with. */
export function roundForUnit(value: number, unit: string): number {
  const decimals = DECIMALS[unit];
  if (decimals === undefined) throw new Error(`no rounding rule for unit "${unit}"`);
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
