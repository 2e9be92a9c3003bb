/**
 * An independent implementation of the accounts (DESIGN.md, "IP products in national accounts",
 * and the definitions in the headers of queries/accounts/), written as a plain loop so that the
 * SQL can be checked against it on generated series. Amounts in 亿元.
 */
export type ReferenceYear = {
  year: number;
  price: number;
  gfcfNominal: number;
  gfcfReal: number;
  ocvReal: number;
  opening: number;
  cfc: number;
  closing: number;
  openingCurrent: number;
  cfcCurrent: number;
  revaluation: number;
  closingCurrent: number;
};

export type ReferenceInput = { year: number; expenditure: number; priceRaw: number; ocv: number };

/** The accounts of one unit over consecutive years, or null when no initial stock exists (g + d <= 0). */
export function referenceAccounts(
  series: readonly ReferenceInput[],
  { d, share, growthYears, basePrice }: { d: number; share: number; growthYears: number; basePrice: number },
): { growth: number; openingStock: number; years: ReferenceYear[] } | null {
  const price = series.map((s) => (100 * s.priceRaw) / basePrice);
  const real = series.map((s, t) => (share * s.expenditure * 100) / price[t]!);
  const n = Math.min(growthYears, series.length - 1);
  const growth = n === 0 ? 0 : (real[n]! / real[0]!) ** (1 / n) - 1;
  if (!(growth + d > 0) || !(real[0]! > 0)) return null;
  const openingStock = real[0]! / (growth + d);
  const years: ReferenceYear[] = [];
  let opening = openingStock;
  for (let t = 0; t < series.length; t++) {
    const p = price[t]!;
    const previous = t === 0 ? p : price[t - 1]!;
    const ocvReal = (series[t]!.ocv * 100) / p;
    const cfc = d * opening;
    const closing = opening - cfc + real[t]! + ocvReal;
    years.push({
      year: series[t]!.year,
      price: p,
      gfcfNominal: share * series[t]!.expenditure,
      gfcfReal: real[t]!,
      ocvReal,
      opening,
      cfc,
      closing,
      openingCurrent: (opening * previous) / 100,
      cfcCurrent: (cfc * p) / 100,
      revaluation: (opening * (p - previous)) / 100,
      closingCurrent: (closing * p) / 100,
    });
    opening = closing;
  }
  return { growth, openingStock, years };
}
