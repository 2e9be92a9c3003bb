import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCell, parseYear } from '../../src/lib/parseCell.ts';

const number = (value: number) => ({ kind: 'number', value });
const missing = { kind: 'missing' };
const notANumber = { kind: 'invalid', reason: 'not a number' };

describe('parseCell', () => {
  test.each([
    ['123', 123],
    [' 123 ', 123],
    ['-5', -5],
    ['+5', 5],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['5.', 5],
    ['007', 7],
    ['0', 0],
    ['1e3', 1000],
    ['1.5E-3', 0.0015],
    ['-2.5e+10', -2.5e10],
  ])('reads the plain number %j', (text, value) => {
    expect(parseCell(text)).toEqual(number(value));
  });

  test.each([
    ['１２３，４５６．７', 123456.7],
    ['－１２', -12],
    ['＋３', 3],
    ['\u3000１２\u3000', 12],
    ['１．５ｅ３', 1500],
    ['\u22125', -5],
  ])('reads full-width and typeset characters in %j', (text, value) => {
    expect(parseCell(text)).toEqual(number(value));
  });

  test.each([
    ['1,234', 1234],
    ['1,234,567.8', 1234567.8],
    ['-1,234', -1234],
    ['+12,345.', 12345],
    ['1 234', 1234],
    ['1\u2009234', 1234],
    ['1\u00a0234\u00a0567', 1234567],
    ['1\u202f234.5', 1234.5],
  ])('reads thousands separators in %j', (text, value) => {
    expect(parseCell(text)).toEqual(number(value));
  });

  test.each(['1,23', '12,34,567', '1234,567', '1,234 567', ',123', '1,', '1,234e5', '1 23', '1,2345'])(
    'rejects the badly grouped %j',
    (text) => {
      expect(parseCell(text)).toEqual(notANumber);
    },
  );

  test.each([
    undefined,
    '',
    '   ',
    '\u3000',
    'NA',
    'na',
    'N/A',
    'n/a',
    'NaN',
    'null',
    'NULL',
    '-',
    '--',
    '—',
    '——',
    '–',
    '\u2212',
    '…',
    '……',
    '...',
    ' …… ',
    '－',
  ])('reads %j as missing, never as zero', (text) => {
    expect(parseCell(text)).toEqual(missing);
  });

  test.each(['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'])(
    'names the Excel error %j',
    (text) => {
      expect(parseCell(text)).toEqual({ kind: 'invalid', reason: `Excel error value ${text}` });
    },
  );

  test('names an Excel error written in full-width or lower-case characters', () => {
    expect(parseCell('＃ＤＩＶ／０！')).toEqual({ kind: 'invalid', reason: 'Excel error value #DIV/0!' });
    expect(parseCell('#n/a')).toEqual({ kind: 'invalid', reason: 'Excel error value #N/A' });
  });

  test('rejects a percent sign by default, with a reason saying what to do', () => {
    const rejected = { kind: 'invalid', reason: 'percent sign: give the number without %' };
    expect(parseCell('12.5%')).toEqual(rejected);
    expect(parseCell('12.5%', { percent: 'reject' })).toEqual(rejected);
    expect(parseCell('１２％')).toEqual(rejected);
  });

  test('strips a percent sign when asked, keeping the number as written', () => {
    expect(parseCell('12.5%', { percent: 'strip' })).toEqual(number(12.5));
    expect(parseCell('１２ ％', { percent: 'strip' })).toEqual(number(12));
    expect(parseCell('-1,234.5%', { percent: 'strip' })).toEqual(number(-1234.5));
    expect(parseCell('12.5', { percent: 'strip' })).toEqual(number(12.5));
  });

  test('says "not a number" when the text before a percent sign is not a number', () => {
    expect(parseCell('abc%')).toEqual(notANumber);
    expect(parseCell('%', { percent: 'strip' })).toEqual(notANumber);
  });

  test.each(['abc', '12abc', '1.2.3', '0x10', 'Infinity', '-Infinity', '1e999', '(123)', '12万', '1_000', '1e', 'e5', '.', '+', '1-2'])(
    'rejects %j as not a number',
    (text) => {
      expect(parseCell(text)).toEqual(notANumber);
    },
  );

  // A fixed seed keeps the run reproducible; many runs make up for the fixed seed.
  const seeded = { seed: 2260, numRuns: 2000 };

  test('reads back any finite double written by String()', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        // String(-0) is "0", so -0 comes back as 0.
        expect(parseCell(String(x))).toEqual(number(Object.is(x, -0) ? 0 : x));
      }),
      seeded,
    );
  });

  test('reads back any safe integer written with en-US thousands separators', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseCell(n.toLocaleString('en-US'))).toEqual(number(n));
      }),
      seeded,
    );
  });
});

describe('parseYear', () => {
  test.each([
    ['2020', 2020],
    ['2020年', 2020],
    ['2020 年', 2020],
    [' 2020 ', 2020],
    ['2020.0', 2020],
    ['２０２０', 2020],
    ['２０２０年', 2020],
    ['1900', 1900],
    ['2100', 2100],
  ])('reads %j as %i', (text, year) => {
    expect(parseYear(text)).toBe(year);
  });

  test.each([undefined, '', '1899', '2101', '20', '20201', '2020.5', '2020-01', '二〇二〇', 'year', '-2020', '2,020'])(
    'rejects %j',
    (text) => {
      expect(parseYear(text)).toBeNull();
    },
  );
});
