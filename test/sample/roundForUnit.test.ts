import { describe, expect, it } from 'vitest';
import { roundForUnit } from '../../src/sample/roundForUnit.ts';

describe('roundForUnit', () => {
  it('rounds counts whole and money to its published precision', () => {
    expect(roundForUnit(12.5, '件')).toBe(13);
    expect(roundForUnit(1234.567, '亿元')).toBe(1234.57);
    expect(roundForUnit(1234.567, '万元')).toBe(1234.6);
    expect(() => roundForUnit(1, 'furlongs')).toThrow(/furlongs/);
  });
});
