import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/sample/seededRandom.ts';

const draw = (seed: number, stream: string, n: number): number[] => {
  const random = seededRandom(seed, stream);
  return Array.from({ length: n }, () => random.uniform());
};

describe('seededRandom', () => {
  it('repeats a stream for the same seed and name, and differs otherwise', () => {
    expect(draw(1, 'gdp/110000', 5)).toEqual(draw(1, 'gdp/110000', 5));
    expect(draw(1, 'gdp/110000', 5)).not.toEqual(draw(2, 'gdp/110000', 5));
    expect(draw(1, 'gdp/110000', 5)).not.toEqual(draw(1, 'gdp/120000', 5));
  });

  it('draws uniforms in [0, 1) and standard normals', () => {
    const uniforms = draw(20141, 'test', 10_000);
    expect(Math.min(...uniforms)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniforms)).toBeLessThan(1);
    const random = seededRandom(20141, 'normal');
    const normals = Array.from({ length: 10_000 }, () => random.normal());
    const mean = normals.reduce((s, x) => s + x, 0) / normals.length;
    const variance = normals.reduce((s, x) => s + (x - mean) ** 2, 0) / normals.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(variance).toBeGreaterThan(0.95);
    expect(variance).toBeLessThan(1.05);
  });
});
