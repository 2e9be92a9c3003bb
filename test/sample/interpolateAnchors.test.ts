import { describe, expect, it } from 'vitest';
import { interpolateAnchors } from '../../src/sample/interpolateAnchors.ts';

describe('interpolateAnchors', () => {
  it('is geometric between anchors and continues the last growth beyond them', () => {
    const anchors = { 2014: 100, 2016: 400, 2017: 800 };
    expect(interpolateAnchors(anchors, 2016)).toBe(400);
    expect(interpolateAnchors(anchors, 2015)).toBeCloseTo(200, 9);
    expect(interpolateAnchors(anchors, 2018)).toBeCloseTo(1600, 9);
    expect(interpolateAnchors(anchors, 2013)).toBeCloseTo(50, 9);
  });
});
