import { describe, expect, test } from 'vitest';
import { decimalsForUnit, formatChange, formatNumber, formatRankChange } from '../../src/components/formatValue.ts';
import { csvLine } from '../../src/report/csvLine.ts';
import { spreadsheetSafe } from '../../src/report/spreadsheetSafe.ts';

describe('numbers for the language of the page', () => {
  test('thousands separators and fixed decimals; missing is a dash', () => {
    expect(formatNumber(1234567.891, 'zh', 2)).toBe('1,234,567.89');
    expect(formatNumber(1234567.891, 'en', 0)).toBe('1,234,568');
    expect(formatNumber(0.5, 'en', 1)).toBe('0.5');
    expect(formatNumber(-0.04, 'zh', 1)).toBe('0.0');
    // One minus sign everywhere: U+2212, as the charts (d3-format) print it.
    expect(formatNumber(-12.5, 'en', 1)).toBe('−12.5');
    expect(formatNumber(null, 'zh', 1)).toBe('–');
    expect(formatNumber(Number.NaN, 'en', 1)).toBe('–');
  });

  test('changes carry their sign; rank changes an arrow (up is better)', () => {
    expect(formatChange(1.234, 'en', 2)).toBe('+1.23');
    expect(formatChange(-1086.3, 'zh', 1)).toBe('−1,086.3');
    expect(formatChange(0.001, 'zh', 1)).toBe('0.0');
    expect(formatRankChange(3)).toBe('↑3');
    expect(formatRankChange(-11)).toBe('↓11');
    expect(formatRankChange(0)).toBe('0');
    expect(formatRankChange(null)).toBe('–');
  });

  test('decimals are fixed per unit, or follow the size of a typical value', () => {
    expect(decimalsForUnit('%')).toBe(2);
    expect(decimalsForUnit('件')).toBe(0);
    // Amounts in 亿元 to one decimal (ten million yuan), as the statistical yearbooks print them.
    expect(decimalsForUnit('亿元')).toBe(1);
    expect(decimalsForUnit('分')).toBe(1);
    expect(decimalsForUnit('吨/万元', 2500)).toBe(0);
    expect(decimalsForUnit('吨/万元', 250)).toBe(1);
    expect(decimalsForUnit('吨/万元', 2.5)).toBe(2);
    expect(decimalsForUnit('吨/万元', 0.25)).toBe(3);
  });
});

describe('cells of exported tables', () => {
  test('text a spreadsheet would run as a formula gets an apostrophe', () => {
    for (const text of ['=1+1', '+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1']) expect(spreadsheetSafe(text)).toBe(`'${text}`);
    for (const text of ['北京市', 'Beijing', '1=1', '']) expect(spreadsheetSafe(text)).toBe(text);
  });

  test('CSV lines quote what must be quoted; numbers stay numbers, even negative', () => {
    expect(csvLine(['=HYPERLINK("x")', 'a,b', -1.5, null, true, '<img src=x>'])).toBe(`"'=HYPERLINK(""x"")","a,b",-1.5,,true,<img src=x>`);
  });
});

describe('units for the language of the page', () => {
  test('Chinese pages show the unit as written; English pages in English, rates as "per ..."', async () => {
    const { unitIn } = await import('../../src/components/unitIn.ts');
    expect(unitIn('zh', '件/万人')).toBe('件/万人');
    expect(
      ['件/万人', '件/亿元', '万元/项', '人年/万人', '次/百件', '分', '%', '亿元', '元/人', '2014=100'].map((u) => unitIn('en', u)),
    ).toEqual([
      'per 10,000 people',
      'per 100 million yuan',
      '10,000 yuan per contract',
      'person-years per 10,000 people',
      'per 100 patents',
      'points',
      '%',
      '100 million yuan',
      'yuan per person',
      '2014=100',
    ]);
    // Not known either way: shown as written, never half translated.
    expect(unitIn('en', '吨/万元')).toBe('吨/万元');
  });
});
