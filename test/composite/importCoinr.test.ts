import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';

// ipindex import-coinr on a small COINr data set written here: what each file of the data
// directory holds, and the messages for tables that do not fit.

const iMeta = `Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type
1,Exports,Exports of goods,1,1,USD,50,GDP,Econ,Indicator
1,CO2,CO2 per capita,-1,2,Tonnes,,,Econ,Indicator
2,Econ,"Economy, and more",1,1,Score,,,Index,Aggregate
3,Index,The index,1,1,Score,,,,Aggregate
,GDP,GDP,,,USD bn,,,,Denominator
,Size,Size group,,,,,,,Group
,Continent,Continent,,,,,,,Group
`;
const iData = `uCode,uName,Size,Continent,Time,GDP,Exports,CO2
AAA,"Alpha, Republic of",S,Asia,2018,10,5,1.5
BBB,Beta,M,Asia,2018,20,NA,2.25
CCC,Gamma,L,Europe,2018,40,30,0.1234567890123456789
`;

async function run(files: Record<string, string>, argv: (dir: string) => string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-coinr-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(
    argv(dir),
    (line) => stdout.push(line),
    (line) => stderr.push(line),
  );
  return { code, dir, stdout, stderr: stderr.join('\n') };
}

const importArgs = (dir: string) => ['import-coinr', join(dir, 'iData.csv'), join(dir, 'iMeta.csv'), '--out', join(dir, 'data')];

describe('ipindex import-coinr', () => {
  test('writes regions (groups as zones), codebook, observations as written, framework with denominators, method', async () => {
    const { code, dir, stdout } = await run({ 'iData.csv': iData, 'iMeta.csv': iMeta }, importArgs);
    expect(code).toBe(0);
    // Continent has 2 groups, Size 3: the coarser one becomes the zone.
    expect(stdout.at(-1)).toContain('3 units, 2 indicators, zones from Continent');
    const read = (name: string) => readFile(join(dir, 'data', name), 'utf8');
    expect(await read('regions.csv')).toBe(
      [
        'region_code,name_zh,name_en,level,parent_code,zone',
        'AAA,"Alpha, Republic of","Alpha, Republic of",country,,Asia',
        'BBB,Beta,Beta,country,,Asia',
        'CCC,Gamma,Gamma,country,,Europe',
        '',
      ].join('\n'),
    );
    expect(await read('coinr_data.csv')).toBe(
      ['region_code,year,gdp,exports,co2', 'AAA,2018,10,5,1.5', 'BBB,2018,20,,2.25', 'CCC,2018,40,30,0.1234567890123456789', ''].join('\n'),
    );
    expect(await read('framework.csv')).toBe(
      [
        'code,parent,level,name_zh,name_en,unit,direction,weight,formula,target',
        'Index,,3,The index,The index,Score,1,1,,',
        'Econ,Index,2,"Economy, and more","Economy, and more",Score,1,1,,',
        'Exports,Econ,1,Exports of goods,Exports of goods,USD,1,1,exports / gdp,50',
        'CO2,Econ,1,CO2 per capita,CO2 per capita,Tonnes,-1,2,co2,',
        '',
      ].join('\n'),
    );
    expect((await read('variables.csv')).split('\n').slice(0, 3)).toEqual([
      'variable,dataset,name_zh,name_en,unit,min,max,description',
      'gdp,coinr,GDP,GDP,USD bn,,,COINr denominator GDP',
      'exports,coinr,Exports of goods,Exports of goods,USD,,,COINr indicator Exports',
    ]);
    const method = await read('method.yaml');
    expect(method).toContain('method: group_mean');
    expect(method).toContain('on: imputed');
  });

  test('the directory it writes builds, and the group mean fills the gap', async () => {
    const { dir } = await run({ 'iData.csv': iData, 'iMeta.csv': iMeta }, importArgs);
    const out = join(dir, 'out');
    expect(
      await main(
        ['build', join(dir, 'data'), '--out', out, '--no-site'],
        () => {},
        () => {},
      ),
    ).toBe(0);
    const indicators = await readFile(join(out, 'data', 'indicators.csv'), 'utf8');
    // BBB's exports / GDP is the mean of Asia's other value: AAA 5 / 10.
    expect(indicators).toContain('BBB,2018,Exports,0.5,true,false,,');
  });

  test('--group chooses the zones', async () => {
    const { code, dir } = await run({ 'iData.csv': iData, 'iMeta.csv': iMeta }, (d) => [...importArgs(d), '--group', 'Size']);
    expect(code).toBe(0);
    expect(await readFile(join(dir, 'data', 'regions.csv'), 'utf8')).toContain('BBB,Beta,Beta,country,,M');
  });

  test('without a Time column, --year gives the year of every row', async () => {
    const noTime = iData.replace(/,Time|,2018/g, '');
    const { code, dir } = await run({ 'iData.csv': noTime, 'iMeta.csv': iMeta }, (d) => [...importArgs(d), '--year', '2019']);
    expect(code).toBe(0);
    expect(await readFile(join(dir, 'data', 'coinr_data.csv'), 'utf8')).toContain('AAA,2019,10,5,1.5');
    const missing = await run({ 'iData.csv': noTime, 'iMeta.csv': iMeta }, importArgs);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('row 2, column "Time": found "", expected a Time column, or --year');
  });

  test('tables that do not fit: every problem with its file, row and column, exit 1', async () => {
    const badMeta = iMeta
      .replace('Exports of goods,1,1,USD,50,GDP', 'Exports of goods,up,1,USD,50,GNP')
      .replace(',Indicator\n1,CO2', ',Indicator\n1,CO-2');
    const { code, dir, stderr } = await run({ 'iData.csv': iData, 'iMeta.csv': badMeta }, importArgs);
    expect(code).toBe(1);
    const meta = join(dir, 'iMeta.csv');
    expect(stderr.split('\n')).toEqual([
      'ipindex: the input has 3 problems; nothing was written:',
      `  ${meta}, row 2, column "Direction": found "up", expected a number`,
      `  ${meta}, row 2, column "Denominator": found "GNP", expected the iCode of a row of Type Denominator, or empty`,
      `  ${meta}, row 3, column "iCode": found "CO-2", expected a code of letters, digits and _ starting with a letter`,
    ]);
  });

  test('a value that is not a number is reported at its cell; an unknown --group too', async () => {
    const badData = iData.replace('Beta,M,Asia,2018,20,NA,2.25', 'Beta,M,Asia,2018,20,NA,two');
    const bad = await run({ 'iData.csv': badData, 'iMeta.csv': iMeta }, importArgs);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      `${join(bad.dir, 'iData.csv')}, row 3, column "CO2": found "two", expected a number, or empty or NA for a missing value`,
    );
    const group = await run({ 'iData.csv': iData, 'iMeta.csv': iMeta }, (d) => [...importArgs(d), '--group', 'Colour']);
    expect(group.code).toBe(1);
    expect(group.stderr).toContain('found no Group row "Colour", expected --group naming one of "Size", "Continent"');
  });

  test('usage: two files and --out, which must be new or empty (exit 2)', async () => {
    const one = await run({}, (d) => ['import-coinr', join(d, 'iData.csv'), '--out', join(d, 'x')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('import-coinr takes two files, iData.csv and iMeta.csv');
    const full = await run({ 'iData.csv': iData, 'iMeta.csv': iMeta }, (d) => importArgs(d));
    await mkdir(join(full.dir, 'again'));
    await writeFile(join(full.dir, 'again', 'keep.txt'), 'mine');
    const again = await run({ 'iData.csv': iData, 'iMeta.csv': iMeta }, () => [
      'import-coinr',
      join(full.dir, 'iData.csv'),
      join(full.dir, 'iMeta.csv'),
      '--out',
      join(full.dir, 'again'),
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('is not empty');
  });
});
