import { parseDocument } from 'yaml';
import type { Problem } from '../lib/InputError.ts';
import { decodeText } from './decodeText.ts';
import { readInputFile } from './readInputFile.ts';

// A settings file is a page of text; past this it is not one, and parsing it would only cost memory.
const maxBytes = 1 << 20;
// Aliases repeat a part of the file; a few dozen serve any settings file, and more, nested,
// multiply (the "billion laughs"): the yaml library stops past this many.
const maxAliases = 100;
const maxDepth = 64;

/**
 * Reads a YAML settings file (method.yaml, an import map) decoded as every input is (a BOM,
 * UTF-8 or GB18030), and returns its value or the one problem that stops it, as a line a user can
 * act on: not a file, too large, not text, not YAML (with its line), an unknown tag, aliases
 * past the limit or pointing into themselves, nesting too deep. `expected` says what the file
 * should be.
 */
export async function readYamlFile(
  path: string,
  label: string,
  expected: string,
): Promise<{ value: unknown; bytes: Buffer } | { problem: Problem }> {
  const read = await readInputFile(path, label, expected, maxBytes);
  if ('problem' in read) return read;
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return { problem: { file: label, found: decoded.found, expected } };
  const fail = (found: string, row?: number) => ({ problem: { file: label, ...(row === undefined ? {} : { row }), found, expected } });
  try {
    const doc = parseDocument(decoded.text.replace(/^\uFEFF/, ''), { uniqueKeys: true, prettyErrors: false });
    const [error] = doc.errors;
    if (error !== undefined)
      return fail(`text that is not YAML (${describeYamlError(error.code, error.message)})`, error.linePos?.[0].line);
    const [warning] = doc.warnings;
    if (warning !== undefined) {
      const tag = /tag: (\S+)/.exec(warning.message)?.[1];
      return fail(
        warning.code === 'TAG_RESOLVE_FAILED' && tag !== undefined
          ? `the unknown tag ${tag}`
          : `YAML that only half reads (${warning.code})`,
        warning.linePos?.[0].line,
      );
    }
    const value = doc.toJS({ maxAliasCount: maxAliases }) as unknown;
    const shape = checkShape(value);
    if (shape !== null) return fail(shape);
    return { value, bytes: read.bytes };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      return fail(`aliases that repeat more than ${maxAliases} times over (an alias bomb?)`);
    if (error instanceof RangeError) return fail('nesting too deep to read');
    throw error;
  }
}

/** A value made of aliases that contain themselves, or nested past any settings file's depth. */
function checkShape(value: unknown): string | null {
  const open = new Set<unknown>();
  const walk = (node: unknown, depth: number): string | null => {
    if (node === null || typeof node !== 'object') return null;
    if (open.has(node)) return 'an alias inside the part it names (a circular alias)';
    if (depth > maxDepth) return `nesting deeper than ${maxDepth} levels`;
    open.add(node);
    for (const child of node instanceof Map ? node.values() : Object.values(node)) {
      const found = walk(child, depth + 1);
      if (found !== null) return found;
    }
    open.delete(node);
    return null;
  };
  return walk(value, 0);
}

/** The yaml library's message without its position (given as the row) and code in plain words. */
function describeYamlError(code: string, message: string): string {
  const first = (message.split('\n')[0] ?? code).replace(/ at line \d+, column \d+:?$/, '');
  return `${first}; ${code}`;
}
