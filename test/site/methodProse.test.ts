import { describe, expect, test } from 'vitest';
import { methodProse, settingRows, valueText } from '../../src/components/methodProse.ts';

// The methodology page puts method.yaml in words: a sentence per step built from its settings,
// and the settings in a table with their keys.
describe('the method in words', () => {
  test('normalisation says its method, bounds and whether scores compare across years', () => {
    const perYear = methodProse('zh', 'normalise', { method: 'minmax', lower: 0, upper: 100, over: 'year', mean: 0, sd: 1 });
    expect(perYear).toBe(
      '各指标先按方向调整（逆向指标取反，使数值越高越好），再以最小—最大值法标准化，得分在 0 至 100 之间。每年单独计算，得分反映当年各地区的相对位置，跨年变化不表示绝对水平的升降。',
    );
    const zscore = methodProse('en', 'normalise', { method: 'zscore', lower: 0, upper: 100, over: 'all', mean: 10, sd: 2 });
    expect(zscore).toContain('normalised by z-scores, with mean 10 and standard deviation 2');
    expect(zscore).toContain('so scores compare across years');
  });

  test('screening and outliers follow their thresholds; a threshold of 0 screens nothing', () => {
    expect(methodProse('zh', 'screen', { regions: 0, indicators: 0.5, on: 'raw' })).toBe(
      '地区不按数据可得性筛选；一项指标某年有数值的地区不足 50% 时，该指标当年不参与计算。数据可得性按插补前的数据计算。',
    );
    expect(methodProse('en', 'treat', { method: 'winsorise', winmax: 5, skew: 2, kurtosis: 3.5, log: false })).toBe(
      'An indicator whose absolute skewness exceeds 2 and whose kurtosis exceeds 3.5 has outliers: its most extreme values are winsorised one at a time (at most 5) until it passes. Treated values are marked b.',
    );
    expect(methodProse('en', 'aggregate', { method: 'arithmetic', power: 2, levels: { 3: 'geometric' } })).toContain(
      'by the weighted arithmetic mean, except level 3, by weighted geometric mean',
    );
  });

  test('settings in words with their method.yaml keys; no null or true printed as code', () => {
    expect(settingRows('zh', 'accounts', { base_year: null, national_check: { tolerance: 0.005, on_break: 'error' } })).toEqual([
      { label: '不变价基年', value: '未设置', key: 'accounts.base_year' },
      { label: '容差', value: '0.005', key: 'accounts.national_check.tolerance' },
      { label: '超出容差时', value: 'error', key: 'accounts.national_check.on_break' },
    ]);
    expect(valueText('en', true)).toBe('yes');
    expect(valueText('zh', ['minmax', 'rank'])).toBe('最小—最大值法、排名法');
  });
});
