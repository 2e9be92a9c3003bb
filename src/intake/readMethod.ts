import type { z } from 'zod';
import { describeValue, type Problem } from '../lib/InputError.ts';
import { methodSchema, type Method } from '../lib/methodSchema.ts';
import { readYamlFile } from '../files/readYamlFile.ts';

/**
 * Reads and validates `method.yaml`; a missing file means every default. Returns the file's bytes
 * too, for its fingerprint in the manifest, when it could be read.
 */
export async function readMethod(path: string | null, label: string): Promise<{ method: Method; problems: Problem[]; bytes?: Buffer }> {
  let raw: unknown = {};
  let bytes: Buffer | undefined;
  if (path !== null) {
    const read = await readYamlFile(path, label, 'a YAML mapping of method settings');
    if ('problem' in read) return { method: methodSchema.parse({}), problems: [read.problem] };
    raw = read.value ?? {};
    bytes = read.bytes;
  }
  const withBytes = bytes === undefined ? {} : { bytes };
  const result = methodSchema.safeParse(raw);
  if (result.success) return { method: result.data, problems: [], ...withBytes };
  return { method: methodSchema.parse({}), problems: result.error.issues.map((issue) => toProblem(issue, label, raw)), ...withBytes };
}

function toProblem(issue: z.core.$ZodIssue, file: string, raw: unknown): Problem {
  const path = issue.path.map(String).join('.');
  const found = (at: readonly PropertyKey[]) => describeValue(at.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)?.[k], raw));
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        file,
        column: [...issue.path, issue.keys[0]].map(String).join('.'),
        found: `the unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        expected: `one of ${allowedKeys(issue.path)
          .map((k) => `"${k}"`)
          .join(', ')}`,
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
