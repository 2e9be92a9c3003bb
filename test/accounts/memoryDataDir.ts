import type { DataDir } from '../../src/dataDir/DataDir.ts';
import { methodSchema } from '../../src/lib/methodSchema.ts';
import { nationalCode, type Observation, type Region, type Variable } from '../../src/lib/types.ts';

/** One unit's inputs per year, in the codebook units below (R&D 万元, GDP 亿元, FTE 人年, OCV 万元). */
export type SeriesYear = {
  year: number;
  rd: number | null;
  deflator: number | null;
  gdp?: number | null;
  fte?: number | null;
  ocv?: number | null;
};

const variables: Variable[] = [
  { variable: 'gdp', dataset: 'economy', name_zh: '地区生产总值', name_en: 'GDP', unit: '亿元', min: null, max: null, description: '' },
  {
    variable: 'gdp_deflator',
    dataset: 'economy',
    name_zh: '地区生产总值平减指数',
    name_en: 'GRP deflator',
    unit: 'index',
    min: null,
    max: null,
    description: '',
  },
  {
    variable: 'rd_expenditure',
    dataset: 'rd',
    name_zh: 'R&D经费内部支出',
    name_en: 'R&D expenditure',
    unit: '万元',
    min: null,
    max: null,
    description: '',
  },
  {
    variable: 'rd_fte',
    dataset: 'rd',
    name_zh: 'R&D人员全时当量',
    name_en: 'R&D FTE',
    unit: '人年',
    min: null,
    max: null,
    description: '',
  },
  {
    variable: 'rd_ocv',
    dataset: 'rd',
    name_zh: 'R&D资产物量其他变化',
    name_en: 'Other changes in volume of R&D assets',
    unit: '万元',
    min: null,
    max: null,
    description: '',
  },
];

const zones: Region['zone'][] = ['east', 'central', 'west', 'northeast'];

/**
 * A data directory held in memory, for tests that run the accounts stage on many generated
 * series without files: regions R1, R2... (codes 110000, 120000...), national series under 100000.
 */
export function memoryDataDir(units: Record<string, SeriesYear[]>, accounts: Record<string, unknown> = {}): DataDir {
  const regions: Region[] = Object.keys(units)
    .filter((code) => code !== nationalCode)
    .map((code, i) => ({
      region_code: code,
      name_zh: `地区${i + 1}`,
      name_en: `Region ${i + 1}`,
      level: 'province',
      parent_code: '',
      zone: zones[i % zones.length]!,
    }));
  const observations: Observation[] = [];
  let row = 1;
  for (const [code, series] of Object.entries(units)) {
    for (const s of series) {
      row++;
      const add = (variable: string, value: number | null | undefined) => {
        if (value === undefined) return;
        const unit = variables.find((v) => v.variable === variable)!.unit;
        observations.push({
          region_code: code,
          year: s.year,
          variable,
          value,
          source_value: value,
          source_unit: unit,
          source_file: 'memory.csv',
          source_row: row,
          source_column: variable,
        });
      };
      add('rd_expenditure', s.rd);
      add('gdp_deflator', s.deflator);
      add('gdp', s.gdp);
      add('rd_fte', s.fte);
      add('rd_ocv', s.ocv);
    }
  }
  return {
    label: 'memory',
    regions,
    variables,
    nodes: [],
    indicators: [],
    method: methodSchema.parse({ accounts }),
    observations,
    dropped: [],
    inputs: [{ file: 'memory/method.yaml', role: 'method', sha256: '', bytes: 0 }],
    problems: [],
  };
}
