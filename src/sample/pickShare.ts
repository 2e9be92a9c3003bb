import type { SeededRandom } from './seededRandom.ts';

/** One of the values, drawn with the shares given (which sum to 1; the last takes any rounding left). */
export function pickShare<T extends string>(random: SeededRandom, shares: readonly (readonly [T, number])[]): T {
  let u = random.uniform();
  for (const [value, share] of shares) {
    if (u < share) return value;
    u -= share;
  }
  return shares.at(-1)![0];
}
