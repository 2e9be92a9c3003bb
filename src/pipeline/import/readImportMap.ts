import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { InputError, type Problem } from '../../lib/InputError.ts';
import { importMapSchema, type ImportMap } from './importMapSchema.ts';

/** Reads and checks an import map; throws InputError naming each wrong key and what it allows. */
export async function readImportMap(path: string, label: string): Promise<ImportMap> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new InputError([{ file: label, found: 'no such file', expected: 'an import map (YAML) saying which column is which variable' }]);
  });
  let raw: unknown;
  try {
    raw = parseYaml(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const line = error.linePos?.[0].line;
    throw new InputError([{ file: label, ...(line === undefined ? {} : { row: line }), found: `text that is not YAML (${error.code})`, expected: 'a YAML mapping with variables and, as needed, year, unit, sheet' }]);
  }
  const result = importMapSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw new InputError(result.error.issues.map((issue) => toProblem(issue, label, raw)));
}

function toProblem(issue: z.core.$ZodIssue, file: string, raw: unknown): Problem {
  const column = issue.path.map(String).join('.') || undefined;
  const at = (path: readonly PropertyKey[]) =>
    JSON.stringify(path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], raw)) ?? 'nothing';
  const where = column === undefined ? { file } : { file, column };
  if (issue.code === 'unrecognized_keys') {
    const keys = Object.keys(importMapSchema.shape);
    return { file, column: [...issue.path, issue.keys[0]].map(String).join('.'), found: `the unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`, expected: `one of ${keys.map((k) => `"${k}"`).join(', ')}` };
  }
  if (issue.path[0] === 'year') return { ...where, found: at(issue.path), expected: 'a year such as 2018, "title", or {column: <header of the year column>}' };
  if (issue.path[0] === 'variables' && issue.path.length === 1) return { ...where, found: at(issue.path), expected: 'variables: a mapping of each variable to its column header (a sheet) or its sub-item (a long source)' };
  if (issue.code === 'invalid_type') return { ...where, found: at(issue.path), expected: `a ${issue.expected}` };
  return { ...where, found: at(issue.path), expected: issue.message };
}
