import type { Problem } from '../lib/InputError.ts';
import type { Design } from './designSchema.ts';

/** The columns a glob such as `repw*` (or a list) names in the header, in the header's order. */
export function expandColumns(pattern: string[], header: readonly string[]): string[] {
  if (pattern.length === 1 && pattern[0]?.includes('*')) {
    const re = new RegExp(
      `^${(pattern[0] ?? '')
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return header.filter((name) => re.test(name));
  }
  return pattern;
}

/** Every column design.yaml names that the responses (`responses`, the file's name) lack, as a problem of design.yaml at its key. */
export function missingColumns(
  design: Design,
  index: ReadonlyMap<string, number>,
  replicate: readonly string[],
  label: string,
  responses = 'responses.csv',
): Problem[] {
  const named: [string, string | undefined][] = [
    ['year', typeof design.year === 'string' ? design.year : undefined],
    ...design.ids.map((c, i): [string, string] => [`ids.${i}`, c]),
    ['strata', design.strata],
    ['weights', design.weights],
    ['probs', design.probs],
    ...(design.fpc ?? []).map((c, i): [string, string] => [`fpc.${i}`, c]),
    ...design.estimates.flatMap((e, i): [string, string | undefined][] => [
      ...e.of.map((c, j): [string, string] => [`estimates.${i}.of${e.of.length > 1 ? `.${j}` : ''}`, c]),
      [`estimates.${i}.denominator`, e.denominator],
      [`estimates.${i}.by`, e.by],
    ]),
    ...Object.keys(design.calibrate?.margins ?? {}).map((c): [string, string] => [`calibrate.margins.${c}`, c]),
  ];
  const problems: Problem[] = named
    .filter((entry): entry is [string, string] => entry[1] !== undefined && !index.has(entry[1]))
    .map(([key, column]) => ({
      file: label,
      column: key,
      found: `"${column}", which is not a column of ${responses}`,
      expected: `a column of ${responses} (${[...index.keys()].slice(0, 12).join(', ')}${index.size > 12 ? ', ...' : ''})`,
    }));
  if (design.replicate !== undefined) {
    const absent = replicate.filter((c) => !index.has(c));
    if (replicate.length === 0)
      problems.push({
        file: label,
        column: 'replicate.columns',
        found: `${JSON.stringify(design.replicate.columns)}, which names no column of ${responses}`,
        expected: 'the replicate weight columns (a glob such as "repw*" or a list)',
      });
    else if (absent.length > 0)
      problems.push({
        file: label,
        column: 'replicate.columns',
        found: `${absent.map((c) => `"${c}"`).join(', ')}, not columns of ${responses}`,
        expected: `the replicate weight columns of ${responses}`,
      });
    if (design.ids.length > 0 || design.strata !== undefined)
      problems.push({
        file: label,
        column: 'replicate',
        found: 'replicate weights beside ids or strata',
        expected: 'either replicate weights or ids/strata/fpc (the replicate weights carry the design)',
      });
  }
  if (design.weights !== undefined && design.probs !== undefined)
    problems.push({ file: label, column: 'probs', found: 'both weights and probs', expected: 'one of them' });
  if (design.fpc !== undefined && design.fpc.length > Math.max(1, design.ids.length))
    problems.push({
      file: label,
      column: 'fpc',
      found: `${design.fpc.length} fpc columns for ${Math.max(1, design.ids.length)} stage(s)`,
      expected: 'one fpc per stage of ids',
    });
  if (design.calibrate?.method === 'poststratify' && Object.keys(design.calibrate.margins).length !== 1)
    problems.push({
      file: label,
      column: 'calibrate.margins',
      found: `${Object.keys(design.calibrate.margins).length} margins`,
      expected: 'one margin to post-stratify on (several: method rake or linear)',
    });
  if (design.calibrate !== undefined && design.replicate !== undefined)
    problems.push({
      file: label,
      column: 'calibrate',
      found: 'calibration of replicate weights',
      expected: 'calibration of a design given by ids, strata and weights (replicate weights come calibrated)',
    });
  return problems;
}
