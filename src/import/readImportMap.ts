import type { z } from 'zod';
import { describeValue, InputError, type Problem } from '../lib/InputError.ts';
import { readYamlFile } from '../files/readYamlFile.ts';
import { importMapSchema, type ImportMap } from './importMapSchema.ts';

/** Reads and checks an import map; throws InputError naming each wrong key and what it allows. */
export async function readImportMap(path: string, label: string): Promise<ImportMap> {
  const read = await readYamlFile(path, label, 'an import map (YAML) saying which column is which variable');
  if ('problem' in read) throw new InputError([read.problem]);
  const raw = read.value;
  const result = importMapSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw new InputError(result.error.issues.map((issue) => toProblem(issue, label, raw)));
}

function toProblem(issue: z.core.$ZodIssue, file: string, raw: unknown): Problem {
  const column = issue.path.map(String).join('.') || undefined;
  const at = (path: readonly PropertyKey[]) =>
    describeValue(path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], raw));
  const where = column === undefined ? { file } : { file, column };
  if (issue.code === 'unrecognized_keys') {
    const keys = Object.keys(importMapSchema.shape);
    return {
      file,
      column: [...issue.path, issue.keys[0]].map(String).join('.'),
      found: `the unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
      expected: `one of ${keys.map((k) => `"${k}"`).join(', ')}`,
    };
  }
  if (issue.path[0] === 'year')
    return { ...where, found: at(issue.path), expected: 'a year such as 2018, "title", or {column: <header of the year column>}' };
  if (issue.path[0] === 'variables' && issue.path.length === 1)
    return {
      ...where,
      found: at(issue.path),
      expected: 'variables: a mapping of each variable to its column header (a sheet) or its sub-item (a long source)',
    };
  if (issue.code === 'invalid_type') return { ...where, found: at(issue.path), expected: `a ${issue.expected}` };
  return { ...where, found: at(issue.path), expected: issue.message };
}
