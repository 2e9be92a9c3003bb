/** A number as the tables print it: zh-CN digit grouping, fixed decimals; a dash when missing. */
export function formatAccountsValue(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '–';
  // -0.00 would read as a negative amount.
  const rounded = Number(value.toFixed(decimals)) === 0 ? 0 : value;
  // The minus sign (−), as everywhere in the report, not a hyphen.
  return numberFormat(decimals).format(rounded).replace(/^-/, '−');
}

// Setting up an Intl.NumberFormat costs far more than formatting with one, and the accounts
// pages format tens of thousands of cells: one formatter per number of decimals.
const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    numberFormats.set(decimals, format);
  }
  return format;
}
