import { describeValue, type Problem } from '../lib/InputError.ts';
import { readYamlFile } from '../files/readYamlFile.ts';
import { designSchema, type Design } from './designSchema.ts';

/** Reads and checks a survey's design.yaml; every wrong key is a problem with its path. */
export async function readDesign(path: string, label: string): Promise<{ design: Design } | { problems: Problem[] }> {
  const read = await readYamlFile(path, label, 'the design of the survey (YAML: year, ids, strata, weights, fpc, estimates...)');
  if ('problem' in read) return { problems: [read.problem] };
  const result = designSchema.safeParse(read.value ?? {});
  if (result.success) return { design: result.data };
  return {
    problems: result.error.issues.map((issue) => {
      const at = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey], read.value);
      const column = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        return {
          file: label,
          column: [...issue.path, issue.keys[0]].map(String).join('.'),
          found: `the unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
          expected: 'a key of design.yaml (see the README, "Survey microdata")',
        };
      }
      const expected =
        issue.code === 'invalid_value'
          ? `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
          : issue.code === 'invalid_type'
            ? `a ${issue.expected}`
            : issue.message;
      return { file: label, ...(column === '' ? {} : { column }), found: describeValue(at), expected };
    }),
  };
}
