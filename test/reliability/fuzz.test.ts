import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import { FormulaError, compileFormula, formulaToString, parseFormula } from '../../src/lib/formula.ts';
import { InputError } from '../../src/lib/InputError.ts';
import { createRegionMatcher } from '../../src/lib/regionMatcher.ts';
import type { Region, Variable } from '../../src/lib/types.ts';
import { readMethod } from '../../src/intake/readMethod.ts';
import { readObservationFile } from '../../src/intake/readObservations.ts';

// Fuzzing the three readers of user text: whatever the input, each gives a result or a user
// error (InputError, FormulaError, a problem), never an exception of another kind, which the
// command line would report as an internal error (exit 3). Seeded, so a failure reproduces;
// fast-check shrinks it to a small case.

const seed = 20261206;
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ipindex-fuzz-'));
});

/** Text made of the pieces that trouble a reader, and of any characters at all. */
const pieces = (tokens: string[], maxLength: number) =>
  fc
    .array(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }),
      { maxLength },
    )
    .map((parts) => parts.join(''));

describe('fuzz: the formula parser', () => {
  const tokens = [
    'rd',
    'gdp',
    'x_1',
    ' ',
    '+',
    '-',
    '*',
    '/',
    '(',
    ')',
    ',',
    '1',
    '0.5',
    '1e308',
    '1e309',
    '.',
    'lag(',
    'ln(',
    'min(',
    'max(',
    'nullif(',
    'sqrt(',
    'exp(',
    'abs(',
    '--',
    '；',
    '（',
    '\u3000',
    '"',
    "'",
    ';',
    'select',
    '\n',
  ];
  test('any text parses to a formula that compiles and prints back to itself, or is a FormulaError', () => {
    fc.assert(
      fc.property(pieces(tokens, 60), (text) => {
        let node;
        try {
          node = parseFormula(text);
        } catch (error) {
          if (error instanceof FormulaError) return;
          throw error;
        }
        const sql = compileFormula(node, { current: (v) => `cur."${v}"`, previous: (v) => `prev."${v}"` });
        expect(sql.length).toBeGreaterThan(0);
        expect(parseFormula(formulaToString(node))).toEqual(node);
      }),
      { seed, numRuns: 3000 },
    );
  });

  test('long and deep formulas are refused as formulas, never a stack overflow', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 20_000 })),
        fc.constantFrom(' + a', '*a', ' - -a'),
        fc.constantFrom('(', 'ln(', '-', 'min(a,'),
        (length, link, opener) => {
          for (const text of [`a${link.repeat(length)}`, `${opener.repeat(length)}a${(opener.endsWith('(') ? ')' : '').repeat(length)}`]) {
            try {
              // Past the limits only a FormulaError; within them a formula that compiles.
              compileFormula(parseFormula(text), { current: (v) => v, previous: (v) => v });
              expect(length).toBeLessThanOrEqual(100);
            } catch (error) {
              if (!(error instanceof FormulaError)) throw error;
            }
          }
        },
      ),
      { seed, numRuns: 300 },
    );
  });
});

describe('fuzz: the CSV reader of observation files', () => {
  const regions: Region[] = [
    { region_code: '110000', name_zh: '北京市', name_en: 'Beijing', level: 'province', parent_code: '', zone: 'east' },
    { region_code: '540000', name_zh: '西藏自治区', name_en: 'Tibet', level: 'province', parent_code: '', zone: 'west' },
  ];
  const codebook = new Map<string, Variable>([
    ['rd', { variable: 'rd', dataset: 'rd', name_zh: 'R&D', name_en: 'R&D', unit: '万元', min: 0, max: null, description: '' }],
  ]);
  const matcher = createRegionMatcher(regions);
  const tokens = [
    'region_code',
    'year',
    'rd',
    'variable',
    'value',
    'unit',
    ',',
    ',',
    ';',
    '\t',
    '"',
    '""',
    '\n',
    '\r\n',
    '\r',
    '110000',
    '北京',
    '西藏',
    '全国',
    '100000',
    '2020',
    '20x1',
    '1,234',
    '12.5%',
    'NaN',
    'NA',
    '—',
    '１２',
    '\u0000',
    '\ufeff',
    '=1+1',
    ' ',
  ];
  const encodings = fc.constantFrom('utf-8', 'gb18030', 'utf-16le', 'bytes');

  test('any file is read into values or refused with problems that name the file', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(pieces(tokens, 80), encodings, fc.uint8Array({ maxLength: 16 }), async (text, encoding, raw) => {
        const bytes =
          encoding === 'bytes'
            ? Buffer.concat([Buffer.from(text), Buffer.from(raw)])
            : encoding === 'utf-16le'
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])
              : iconv.encode(text, encoding);
        const path = join(work, `fuzz-${n++}.csv`);
        await writeFile(path, bytes);
        try {
          const { result } = await readObservationFile(path, 'obs.csv', codebook, matcher);
          for (const problem of result.problems) expect(problem.file).toBe('obs.csv');
          for (const o of result.observations) expect(o.value === null || Number.isFinite(o.value)).toBe(true);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          for (const problem of error.problems) expect(problem.file).toBe('obs.csv');
        }
      }),
      { seed, numRuns: 1500 },
    );
  });
});

describe('fuzz: the YAML reader of method.yaml', () => {
  const tokens = [
    'normalise:',
    'method:',
    ' minmax',
    ' zscore',
    'lower:',
    ' 0',
    ' -1e400',
    '\n',
    '\n  ',
    '  ',
    '- ',
    '&a ',
    '*a',
    '&b ',
    '*b',
    '<<: *a',
    '!!str ',
    '!foo ',
    '!!binary ',
    '{',
    '}',
    '[',
    ']',
    ', ',
    '"',
    "'",
    '#',
    '---',
    '...',
    '? ',
    ':',
    '|',
    '>',
    '%YAML 1.2\n',
    'weights:',
    'uncertainty:',
    'runs: ',
    '1000',
    '\t',
    '\ufeff',
    '\u0000',
  ];
  test('any text gives the method or problems naming method.yaml, never an exception', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(pieces(tokens, 60), fc.boolean(), async (text, utf16) => {
        const path = join(work, `method-${n++}.yaml`);
        await writeFile(path, utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]) : Buffer.from(text));
        const { method, problems } = await readMethod(path, 'method.yaml');
        expect(method).toBeDefined();
        for (const problem of problems) {
          expect(problem.file).toBe('method.yaml');
          expect(`${problem.found} ${problem.expected}`.length).toBeLessThan(2000);
        }
      }),
      { seed, numRuns: 2000 },
    );
  });

  test('a folder where method.yaml should be is a problem', async () => {
    await mkdir(join(work, 'folder.yaml'));
    expect((await readMethod(join(work, 'folder.yaml'), 'method.yaml')).problems[0]?.found).toBe('a folder');
  });
});
