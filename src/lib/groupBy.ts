/** Rows by a key, each group in the rows' order (Map.groupBy, which Node 20 lacks). */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = map.get(k);
    if (group === undefined) map.set(k, [row]);
    else group.push(row);
  }
  return map;
}
