import { describe, expect, test } from 'vitest';
import { strengthsAndWeaknesses, type RankedIndicator } from '../../src/routes/strengthsAndWeaknesses.ts';

const indicator = (code: string, rank: number | null, of = 31, score = 50): RankedIndicator => ({
  code,
  name_zh: code,
  name_en: code,
  unit: '%',
  decimals: 2,
  value: 1,
  score,
  rank,
  of,
});

describe('strengths and weaknesses: the best and worst ranks, never a middling one', () => {
  test('31 regions: the top third (ranks 1-10) are strengths, the bottom third (22-31) weaknesses', () => {
    const { strengths, weaknesses } = strengthsAndWeaknesses([
      indicator('a', 10),
      indicator('b', 11),
      indicator('c', 2),
      indicator('d', 21),
      indicator('e', 22),
      indicator('f', 31),
      indicator('g', 16),
      indicator('h', 1),
      indicator('i', 5),
      indicator('j', null),
    ]);
    expect(strengths.map((s) => s.code)).toEqual(['h', 'c', 'i']);
    expect(weaknesses.map((s) => s.code)).toEqual(['f', 'e']);
  });

  test('a region in the middle of every ranking has neither', () => {
    const { strengths, weaknesses } = strengthsAndWeaknesses([indicator('a', 12), indicator('b', 15), indicator('c', 20)]);
    expect(strengths).toEqual([]);
    expect(weaknesses).toEqual([]);
  });

  test('ties in rank go to the higher score among strengths and the lower among weaknesses; fewer regions ranked count as such', () => {
    const { strengths, weaknesses } = strengthsAndWeaknesses([
      indicator('a', 1, 31, 80),
      indicator('b', 1, 31, 90),
      indicator('c', 3, 3, 10),
      indicator('d', 3, 3, 5),
    ]);
    expect(strengths.map((s) => s.code)).toEqual(['b', 'a']);
    // Rank 3 of 3 is last: a weakness; the lower score first.
    expect(weaknesses.map((s) => s.code)).toEqual(['d', 'c']);
  });
});
