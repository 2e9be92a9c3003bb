import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { type Problem } from '../../lib/InputError.ts';
import { methodSchema, type Method } from '../../lib/methodSchema.ts';

/** Reads and validates `method.yaml`; a missing file means every default. */
export async function readMethod(path: string | null, label: string): Promise<{ method: Method; problems: Problem[] }> {
  let raw: unknown = {};
  if (path !== null) {
    const text = await readFile(path, 'utf8');
    try {
      raw = parseYaml(text) ?? {};
    } catch (error) {
      if (!(error instanceof YAMLParseError)) throw error;
      const line = error.linePos?.[0].line;
      return {
        method: methodSchema.parse({}),
        problems: [{ file: label, ...(line === undefined ? {} : { row: line }), found: `text that is not YAML (${error.code})`, expected: 'a YAML mapping of method settings' }],
      };
    }
  }
  const result = methodSchema.safeParse(raw);
  if (result.success) return { method: result.data, problems: [] };
  return { method: methodSchema.parse({}), problems: result.error.issues.map((issue) => toProblem(issue, label, raw)) };
}

function toProblem(issue: z.core.$ZodIssue, file: string, raw: unknown): Problem {
  const path = issue.path.map(String).join('.');
  const found = (at: readonly PropertyKey[]) => JSON.stringify(at.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)?.[k], raw)) ?? 'nothing';
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        file,
        column: [...issue.path, issue.keys[0]].map(String).join('.'),
        found: `the unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        expected: `one of ${allowedKeys(issue.path).map((k) => `"${k}"`).join(', ')}`,
      };
    case 'invalid_value':
      return { file, column: path, found: found(issue.path), expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
    case 'invalid_type':
      return { file, column: path, found: found(issue.path), expected: `a ${issue.expected}` };
    default:
      return { file, column: path, found: found(issue.path), expected: issue.message };
  }
}

/** The keys the schema allows at a path, for "did you mean" messages. */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType = methodSchema;
  for (const key of path) {
    const def = unwrap(schema)._zod.def as { shape?: Record<string, z.core.$ZodType> };
    const next = def.shape?.[String(key)];
    if (next === undefined) return [];
    schema = next;
  }
  const def = unwrap(schema)._zod.def as { shape?: Record<string, unknown> };
  return Object.keys(def.shape ?? {});
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { innerType?: z.core.$ZodType; in?: z.core.$ZodType; type: string };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}
