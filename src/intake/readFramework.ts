import { FormulaError, formulaVariables, parseFormula } from '../lib/formula.ts';
import { isReservedName, reservedNames } from '../lib/reservedNames.ts';
import { quoteFound, type Problem } from '../lib/InputError.ts';
import { parseCell } from '../lib/parseCell.ts';
import type { FrameworkNode, Variable } from '../lib/types.ts';
import { cellAt, findColumns } from '../files/findColumns.ts';
import type { CsvTable } from '../files/readCsvFile.ts';
import type { Indicator } from '../dataDir/DataDir.ts';

/** Codes name tables' rows and SQL values; plain identifiers keep them safe in every output. */
const codePattern = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Checks `framework.csv` against itself and the codebook: one root, parents that exist, levels
 * that step by one, formulas that parse and use declared variables only.
 */
export function readFramework(
  table: CsvTable,
  variables: readonly Variable[],
): { nodes: FrameworkNode[]; indicators: Indicator[]; problems: Problem[] } {
  const { index, problems } = findColumns(table, {
    code: { name: 'code', required: true },
    parent: { name: 'parent', required: true },
    level: { name: 'level', required: true },
    name_zh: { name: 'name_zh', required: true },
    name_en: { name: 'name_en', required: true },
    unit: { name: 'unit', required: true },
    direction: { name: 'direction', required: true },
    weight: { name: 'weight', required: true },
    formula: { name: 'formula', required: true },
    target: { name: 'target', required: false },
  });
  if (problems.length > 0) return { nodes: [], indicators: [], problems };

  const declared = new Set(variables.map((v) => v.variable));
  const nodes: FrameworkNode[] = [];
  const indicators: Indicator[] = [];
  const rowOf = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const get = (key: keyof typeof index) => cellAt(cells, index[key]).trim();
    const problem = (column: string, found: string, expected: string) => problems.push({ file: table.file, row, column, found, expected });
    const number = (key: 'level' | 'direction' | 'weight' | 'target'): number | null => {
      const parsed = parseCell(get(key));
      if (parsed.kind === 'number') return parsed.value;
      if (parsed.kind === 'invalid') problem(key, quoteFound(get(key)), 'a number');
      return null;
    };

    const code = get('code');
    if (!codePattern.test(code)) problem('code', quoteFound(code), 'a code of letters, digits and _ starting with a letter');
    else if (isReservedName(code))
      problem(
        'code',
        `"${code}", a name the pipeline uses for a column of its own`,
        `another code (not one of ${[...reservedNames].join(', ')})`,
      );
    else if (rowOf.has(code)) problem('code', `"${code}" a second time`, 'each code once');
    rowOf.set(code, row);
    const level = number('level');
    if (level === null || !Number.isInteger(level) || level < 1) {
      problem('level', quoteFound(get('level')), 'a whole number >= 1 (1 = indicator)');
    }
    const direction = number('direction');
    if (direction !== 1 && direction !== -1) problem('direction', quoteFound(get('direction')), '1 (higher is better) or -1');
    const weight = number('weight');
    if (weight === null || weight < 0) problem('weight', quoteFound(get('weight')), 'a number >= 0');

    const node: FrameworkNode = {
      code,
      parent: get('parent') === '' ? null : get('parent'),
      level: level ?? 0,
      name_zh: get('name_zh'),
      name_en: get('name_en'),
      unit: get('unit'),
      direction: direction === -1 ? -1 : 1,
      weight: weight ?? 0,
      formula: get('formula') === '' ? null : get('formula'),
      target: number('target'),
    };
    nodes.push(node);

    if (level === 1) {
      if (node.formula === null) {
        problem('formula', 'an empty formula', 'an expression over variables of variables.csv, e.g. rd_expenditure / gdp');
        continue;
      }
      try {
        const ast = parseFormula(node.formula);
        for (const name of formulaVariables(ast)) {
          if (!declared.has(name)) {
            problem('formula', `the unknown variable "${name}"`, 'a variable declared in variables.csv');
          }
        }
        indicators.push({ ...node, ast, row });
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        problem('formula', `${error.found} at character ${error.position + 1} of ${quoteFound(node.formula)}`, error.expected);
      }
    } else if (node.formula !== null) {
      problem('formula', quoteFound(node.formula), 'no formula on an aggregate (level > 1): it is computed from its children');
    }
  }

  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const roots = nodes.filter((n) => n.parent === null);
  if (nodes.length > 0 && roots.length !== 1) {
    problems.push({
      file: table.file,
      column: 'parent',
      found:
        roots.length === 0 ? 'no node without a parent' : `${roots.length} nodes without a parent (${roots.map((r) => r.code).join(', ')})`,
      expected: 'exactly one root: the index',
    });
  }
  for (const node of nodes) {
    if (node.parent === null) continue;
    const parent = byCode.get(node.parent);
    const row = rowOf.get(node.code);
    const at = row === undefined ? {} : { row };
    if (parent === undefined) {
      problems.push({
        file: table.file,
        ...at,
        column: 'parent',
        found: `"${node.parent}", which is not a code of this file`,
        expected: 'the code of the node this one belongs to',
      });
    } else if (parent.level !== node.level + 1) {
      problems.push({
        file: table.file,
        ...at,
        column: 'level',
        found: `level ${node.level} under "${parent.code}" of level ${parent.level}`,
        expected: `level ${parent.level - 1}: one below its parent`,
      });
    }
  }
  for (const node of nodes) {
    if (node.level > 1 && !nodes.some((child) => child.parent === node.code)) {
      const row = rowOf.get(node.code);
      problems.push({
        file: table.file,
        ...(row === undefined ? {} : { row }),
        column: 'code',
        found: `"${node.code}" of level ${node.level} with no children`,
        expected: 'an aggregate to have at least one child',
      });
    }
  }
  return { nodes, indicators, problems };
}
