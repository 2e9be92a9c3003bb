import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../../src/sample/sampleFiles.ts';
import type { CodebookVariable, SampleTable } from '../../src/sample/types.ts';

const variables: CodebookVariable[] = [
  { variable: 'gdp', dataset: 'economy', unit: '亿元', min: 0, max: null },
  { variable: 'tech_contracts', dataset: 'transfers', unit: '项', min: 0, max: null },
  { variable: 'enforcement_cases', dataset: 'protection', unit: '件', min: 0, max: null },
  { variable: 'cases_closed_in_time', dataset: 'protection', unit: '件', min: 0, max: null },
];
const table = (dataset: string, values: Record<string, number | null>): SampleTable => ({
  dataset,
  variables: Object.keys(values),
  rows: [{ region_code: '110000', year: 2014, values }],
});

describe('sampleFiles', () => {
  it('writes wide files with plain numbers and an empty cell for a missing value', () => {
    const [file] = sampleFiles([table('economy', { gdp: 1234567.89 })], variables);
    expect(file).toEqual({
      name: 'economy.csv',
      text: 'region_code,year,gdp\n110000,2014,1234567.89\n',
    });
    const [empty] = sampleFiles([table('economy', { gdp: null })], variables);
    expect(empty!.text).toBe('region_code,year,gdp\n110000,2014,\n');
  });

  it('marks missing transfers with a dash, as yearbooks print them', () => {
    const [file] = sampleFiles([table('transfers', { tech_contracts: null })], variables);
    expect(file!.text).toBe('region_code,year,tech_contracts\n110000,2014,—\n');
  });

  it('writes protection long, with the codebook unit on every row', () => {
    const [file] = sampleFiles([table('protection', { enforcement_cases: 12, cases_closed_in_time: 11 })], variables);
    expect(file!.text).toBe(
      'region_code,year,variable,value,unit\n' + '110000,2014,enforcement_cases,12,件\n' + '110000,2014,cases_closed_in_time,11,件\n',
    );
  });
});
